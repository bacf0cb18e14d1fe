package org.footdrop.fhir.condition;

import static org.footdrop.fhir.records.Codes.coding;
import static org.footdrop.fhir.records.Codes.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.records.RecordKindMapping;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.Vocabularies;
import org.footdrop.fhir.terminology.Vocabulary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * Condition to intake-service's diagnosis and back (docs/fhir.md, "Condition"). A value outside one of
 * the project's closed vocabularies is refused naming its element; an ICD-10-CM code is checked for
 * its form here and for membership of the foot-drop list by intake-service, which warns.
 */
final class ConditionMapping extends RecordKindMapping<Condition> {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String MECHANISM = Vocabularies.extension("mechanism");
    static final String NERVE_ROOT_LEVEL = Vocabularies.extension("nerve-root-level");
    static final String SPASTICITY = Vocabularies.extension("spasticity");
    static final String INDEX_SIDE = Vocabularies.extension("index-side");

    /** How intake-service's warning names a code outside its foot-drop list. */
    private static final Pattern WARNED_CODE = Pattern.compile("ICD-10-CM code (\\S+) ");

    /** As the own API checks it: a well-formed ICD-10-CM code. */
    private static final Pattern ICD_10_CM = Pattern.compile("[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?");

    ConditionMapping() {
        super(Condition.class, "/api/v1/diagnoses", "diagnoses", "diagnosisId");
    }

    private static void requireStatus(CodeableConcept status, String system, String held, String path) {
        for (Coding coding : status.getCoding()) {
            if (system.equals(coding.getSystem()) && !held.equals(coding.getCode())) {
                throw Outcomes.unprocessable(
                        path,
                        "A diagnosis is recorded " + held + " here; " + coding.getCode() + " cannot be held"
                                + ("entered-in-error".equals(coding.getCode())
                                        ? " on a create (update or delete the Condition to void it)."
                                        : "."));
            }
        }
    }

    /** intake-service's warning of a code outside the foot-drop list names the code: its coding. */
    @Override
    public String warningPath(String warning, Condition sent) {
        Matcher named = WARNED_CODE.matcher(warning);
        List<Coding> codings = sent.getCode().getCoding();
        for (int i = 0; named.lookingAt() && i < codings.size(); i++) {
            if (Vocabularies.ICD_10_CM.equals(codings.get(i).getSystem())
                    && named.group(1).equals(codings.get(i).getCode())) {
                return "Condition.code.coding[" + i + "]";
            }
        }
        return "Condition.code";
    }

    @Override
    public boolean entersInError(Condition condition) {
        return condition.getVerificationStatus().getCoding().stream()
                .anyMatch(coding ->
                        VERIFICATION_SYSTEM.equals(coding.getSystem()) && "entered-in-error".equals(coding.getCode()));
    }

    /** The own API's diagnosis body for this Condition of this patient. */
    @Override
    public Map<String, Object> toOwn(Condition condition, FhirPatient patient) {
        if (condition.hasNote()) {
            throw Outcomes.unprocessable(
                    "Condition.note", "Free-text notes are not accepted through FHIR (docs/fhir.md).");
        }
        // a diagnosis is held as confirmed and active: another status would be stored as that, silently
        requireStatus(
                condition.getVerificationStatus(), VERIFICATION_SYSTEM, "confirmed", "Condition.verificationStatus");
        requireStatus(condition.getClinicalStatus(), CLINICAL_SYSTEM, "active", "Condition.clinicalStatus");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.patientId());
        body.put("birthYear", patient.birthYear());
        body.put("sex", patient.sex() == null ? null : patient.sex().name());
        body.put(
                "side",
                required(Vocabularies.SIDE, codings(condition.getBodySite()), "Condition.bodySite")
                        .name());
        Extension indexSide = condition.getExtensionByUrl(INDEX_SIDE);
        if (indexSide != null) {
            body.put("indexSide", code(Vocabularies.SIDE, indexSide, "Condition.extension('" + INDEX_SIDE + "')"));
        }
        if (!condition.hasRecordedDateElement()) {
            throw Outcomes.unprocessable("Condition.recordedDate", "The diagnosis date is required.");
        }
        String recorded = condition.getRecordedDateElement().getValueAsString();
        if (recorded.length() < 10) {
            throw Outcomes.unprocessable(
                    "Condition.recordedDate", "The diagnosis date must be a date (year, month and day).");
        }
        body.put("diagnosisDate", recorded.substring(0, 10));
        if (condition.hasOnsetDateTimeType()) {
            String onset = condition.getOnsetDateTimeType().getValueAsString();
            if (onset.length() < 10) {
                throw Outcomes.unprocessable("Condition.onset", "The onset must be a date (year, month and day).");
            }
            body.put("symptomOnsetDate", onset.substring(0, 10));
        } else if (condition.hasOnset()) {
            throw Outcomes.unprocessable("Condition.onset", "The onset must be an onsetDateTime.");
        }
        body.put(
                "causeCategory",
                required(Vocabularies.CAUSE_CATEGORY, codings(condition.getCategory()), "Condition.category")
                        .name());
        Extension mechanism = condition.getExtensionByUrl(MECHANISM);
        if (mechanism != null) {
            body.put("mechanism", code(Vocabularies.MECHANISM, mechanism, "Condition.extension('" + MECHANISM + "')"));
        }
        Extension level = condition.getExtensionByUrl(NERVE_ROOT_LEVEL);
        if (level != null) {
            body.put(
                    "nerveRootLevel",
                    code(Vocabularies.NERVE_ROOT_LEVEL, level, "Condition.extension('" + NERVE_ROOT_LEVEL + "')"));
        }
        Extension spasticity = condition.getExtensionByUrl(SPASTICITY);
        if (spasticity != null) {
            if (!(spasticity.getValue() instanceof BooleanType flag)) {
                throw Outcomes.unprocessable(
                        "Condition.extension('" + SPASTICITY + "')", "The spasticity extension holds a valueBoolean.");
            }
            body.put("spasticity", flag.booleanValue());
        }
        body.put("icd10Codes", icd10Codes(condition));
        body.put("evaluations", evaluations(condition));
        return body;
    }

    private static List<String> icd10Codes(Condition condition) {
        List<String> codes = new ArrayList<>();
        List<Coding> codings = condition.getCode().getCoding();
        for (int i = 0; i < codings.size(); i++) {
            Coding coding = codings.get(i);
            String path = "Condition.code.coding[" + i + "]";
            if (!Vocabularies.ICD_10_CM.equals(coding.getSystem())) {
                throw Outcomes.unprocessable(path, "Diagnosis codes are ICD-10-CM, system " + Vocabularies.ICD_10_CM);
            }
            if (coding.getCode() == null || !ICD_10_CM.matcher(coding.getCode()).matches()) {
                throw Outcomes.unprocessable(path + ".code", "must be an ICD-10-CM code such as M21.372");
            }
            codes.add(coding.getCode());
        }
        return codes;
    }

    private static List<Map<String, Object>> evaluations(Condition condition) {
        List<Map<String, Object>> evaluations = new ArrayList<>();
        List<Condition.ConditionEvidenceComponent> evidence = condition.getEvidence();
        for (int i = 0; i < evidence.size(); i++) {
            String path = "Condition.evidence[" + i + "].code";
            List<Coding> codings = codings(evidence.get(i).getCode());
            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put(
                    "kind",
                    required(Vocabularies.EVALUATION_KIND, codings, path).name());
            first(Vocabularies.IMAGING_MODALITY, codings).ifPresent(m -> evaluation.put("modality", m.name()));
            String finding = codings.stream()
                    .filter(coding -> Vocabularies.FINDING_SYSTEM.equals(coding.getSystem()))
                    .map(Coding::getCode)
                    .findFirst()
                    .orElseThrow(() -> Outcomes.unprocessable(
                            path, "A finding coded in " + Vocabularies.FINDING_SYSTEM + " is required."));
            evaluation.put("finding", finding);
            evaluations.add(evaluation);
        }
        return evaluations;
    }

    /** The Condition for a diagnosis as intake-service answers it. */
    @Override
    public Condition toFhir(JsonNode diagnosis, String revision, String patientFhirId, Identifier identifier) {
        Condition condition = new Condition();
        if (identifier != null) {
            condition.addIdentifier(identifier);
        }
        boolean voided = "VOIDED".equals(diagnosis.path("status").asString());
        if (voided) {
            condition.setVerificationStatus(concept(VERIFICATION_SYSTEM, "entered-in-error"));
        } else {
            condition.setClinicalStatus(concept(CLINICAL_SYSTEM, "active"));
            condition.setVerificationStatus(concept(VERIFICATION_SYSTEM, "confirmed"));
        }
        condition.addCategory(concept(CATEGORY_SYSTEM, "encounter-diagnosis"));
        condition.addCategory().addCoding(coding(Vocabularies.CAUSE_CATEGORY, diagnosis.path("causeCategory")));
        CodeableConcept code = condition.getCode();
        for (JsonNode icd : diagnosis.path("icd10Codes")) {
            code.addCoding().setSystem(Vocabularies.ICD_10_CM).setCode(icd.asString());
        }
        condition.addBodySite().addCoding(coding(Vocabularies.SIDE, diagnosis.path("side")));
        condition.setSubject(new Reference("Patient/" + patientFhirId));
        if (diagnosis.hasNonNull("symptomOnsetDate")) {
            condition.setOnset(
                    new DateTimeType(diagnosis.path("symptomOnsetDate").asString()));
        }
        condition.setRecordedDateElement(
                new DateTimeType(diagnosis.path("diagnosisDate").asString()));
        if (diagnosis.hasNonNull("indexSide")) {
            condition.addExtension(INDEX_SIDE, coding(Vocabularies.SIDE, diagnosis.path("indexSide")));
        }
        if (diagnosis.hasNonNull("mechanism")) {
            condition.addExtension(MECHANISM, coding(Vocabularies.MECHANISM, diagnosis.path("mechanism")));
        }
        if (diagnosis.hasNonNull("nerveRootLevel")) {
            condition.addExtension(
                    NERVE_ROOT_LEVEL, coding(Vocabularies.NERVE_ROOT_LEVEL, diagnosis.path("nerveRootLevel")));
        }
        if (diagnosis.hasNonNull("spasticity")) {
            condition.addExtension(
                    SPASTICITY, new BooleanType(diagnosis.path("spasticity").asBoolean()));
        }
        for (JsonNode evaluation : diagnosis.path("evaluations")) {
            CodeableConcept evidence = condition.addEvidence().addCode();
            evidence.addCoding(coding(Vocabularies.EVALUATION_KIND, evaluation.path("kind")));
            if (evaluation.hasNonNull("modality")) {
                evidence.addCoding(coding(Vocabularies.IMAGING_MODALITY, evaluation.path("modality")));
            }
            evidence.addCoding()
                    .setSystem(Vocabularies.FINDING_SYSTEM)
                    .setCode(evaluation.path("finding").asString());
        }
        return condition;
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept().addCoding(new Coding(system, code, null));
    }

    private static List<Coding> codings(List<CodeableConcept> concepts) {
        return concepts.stream()
                .flatMap(concept -> concept.getCoding().stream())
                .toList();
    }

    private static <E extends Enum<E>> Optional<E> first(Vocabulary<E> vocabulary, List<Coding> codings) {
        return codings.stream()
                .map(vocabulary::valueOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static <E extends Enum<E>> String code(Vocabulary<E> vocabulary, Extension extension, String path) {
        if (!(extension.getValue() instanceof Coding coding)) {
            throw Outcomes.unprocessable(path, "The extension holds a valueCoding from " + vocabulary.url());
        }
        return required(vocabulary, List.of(coding), path).name();
    }

    /** Where an intake-service field error points in the Condition. */
    @Override
    public String fhirPath(String field) {
        if (field.startsWith("icd10Codes")) {
            return "Condition.code.coding" + field.substring("icd10Codes".length());
        }
        if (field.startsWith("evaluations")) {
            return "Condition.evidence"
                    + field.substring("evaluations".length()).replaceFirst("\\..*", "") + ".code";
        }
        switch (field) {
            case "side":
                return "Condition.bodySite";
            case "causeCategory":
                return "Condition.category";
            case "diagnosisDate":
                return "Condition.recordedDate";
            case "symptomOnsetDate":
                return "Condition.onset";
            case "patientId":
                return "Condition.subject";
            case "birthYear":
            case "sex":
                return "Condition.subject";
            case "indexSide":
                return "Condition.extension('" + INDEX_SIDE + "')";
            case "mechanism":
                return "Condition.extension('" + MECHANISM + "')";
            case "nerveRootLevel":
                return "Condition.extension('" + NERVE_ROOT_LEVEL + "')";
            case "spasticity":
                return "Condition.extension('" + SPASTICITY + "')";
            default:
                return "Condition";
        }
    }
}
