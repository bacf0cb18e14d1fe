package org.footdrop.fhir.procedure;

import static org.footdrop.fhir.records.Codes.coding;
import static org.footdrop.fhir.records.Codes.optional;
import static org.footdrop.fhir.records.Codes.required;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.records.RecordKindMapping;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.Vocabularies;
import org.footdrop.fhir.terminology.Vocabulary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * Procedure to treatment-service's injection and back (docs/fhir.md, "Procedure"). The performed
 * period is the administration time and its duration; the codes of our closed vocabularies are
 * refused when unknown, naming the element.
 */
final class ProcedureMapping extends RecordKindMapping<Procedure> {

    static final String GUIDANCE = Vocabularies.extension("guidance");
    static final String VOLUME = Vocabularies.extension("volume");
    static final String PRP_LEUKOCYTES = Vocabularies.extension("prp-leukocytes");
    static final String SEVERITY = Vocabularies.extension("adverse-event-severity");
    static final String RESOLVED = Vocabularies.extension("adverse-event-resolved");

    /** As the own API checks it: a CPT code such as 64450 or 0232T. */
    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");

    ProcedureMapping() {
        super(Procedure.class, "/api/v1/injections", "injections", "injectionId");
    }

    @Override
    public boolean entersInError(Procedure procedure) {
        return procedure.getStatus() == Procedure.ProcedureStatus.ENTEREDINERROR;
    }

    @Override
    public Map<String, Object> toOwn(Procedure procedure, FhirPatient patient) {
        if (procedure.hasNote()) {
            throw Outcomes.unprocessable(
                    "Procedure.note", "Free-text notes are not accepted through FHIR (docs/fhir.md).");
        }
        if (procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED) {
            throw Outcomes.unprocessable("Procedure.status", "An injection is recorded once done: status completed.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.patientId());
        if (!procedure.hasPerformedPeriod()
                || !procedure.getPerformedPeriod().hasStart()
                || !procedure.getPerformedPeriod().hasEnd()) {
            throw Outcomes.unprocessable(
                    "Procedure.performed", "A performedPeriod with start (administration) and end is required.");
        }
        Period performed = procedure.getPerformedPeriod();
        Instant start = performed.getStart().toInstant();
        long minutes =
                Math.round((performed.getEnd().getTime() - performed.getStart().getTime()) / 60000.0);
        body.put("administeredAt", start.toString());
        body.put("durationMinutes", minutes);
        List<Coding> code = procedure.getCode().getCoding();
        body.put(
                "technique",
                required(Vocabularies.INJECTION_TECHNIQUE, code, "Procedure.code")
                        .name());
        List<Coding> sites = procedure.getBodySite().stream()
                .flatMap(site -> site.getCoding().stream())
                .toList();
        body.put(
                "target",
                required(Vocabularies.INJECTION_TARGET, sites, "Procedure.bodySite")
                        .name());
        optional(Vocabularies.NERVE_ROOT_LEVEL, sites, "Procedure.bodySite")
                .ifPresent(level -> body.put("targetLevel", level.name()));
        body.put(
                "side", required(Vocabularies.SIDE, sites, "Procedure.bodySite").name());
        body.put(
                "guidance",
                extensionCode(Vocabularies.GUIDANCE, procedure.getExtensionByUrl(GUIDANCE), "guidance", true));
        List<Coding> used = procedure.getUsedCode().stream()
                .flatMap(concept -> concept.getCoding().stream())
                .toList();
        body.put(
                "solution",
                required(Vocabularies.SOLUTION, used, "Procedure.usedCode").name());
        Extension leukocytes = procedure.getExtensionByUrl(PRP_LEUKOCYTES);
        if (leukocytes != null) {
            body.put("prpLeukocytes", extensionCode(Vocabularies.PRP_LEUKOCYTES, leukocytes, "prp-leukocytes", false));
        }
        body.put("volumeMl", volume(procedure.getExtensionByUrl(VOLUME)));
        body.put("adverseEvents", adverseEvents(procedure));
        body.put("cptCodes", cptCodes(code));
        return body;
    }

    private static BigDecimal volume(Extension extension) {
        String path = "Procedure.extension('" + VOLUME + "')";
        if (extension == null || !(extension.getValue() instanceof Quantity quantity) || !quantity.hasValue()) {
            throw Outcomes.unprocessable(path, "The injected volume is required, as a valueQuantity in mL.");
        }
        if (!Vocabularies.UCUM.equals(quantity.getSystem()) || !"mL".equals(quantity.getCode())) {
            throw Outcomes.unprocessable(path, "The volume is in UCUM mL (system " + Vocabularies.UCUM + ", code mL).");
        }
        return quantity.getValue();
    }

    private static List<Map<String, Object>> adverseEvents(Procedure procedure) {
        List<Map<String, Object>> events = new ArrayList<>();
        List<CodeableConcept> complications = procedure.getComplication();
        for (int i = 0; i < complications.size(); i++) {
            CodeableConcept complication = complications.get(i);
            String path = "Procedure.complication[" + i + "]";
            Map<String, Object> event = new LinkedHashMap<>();
            event.put(
                    "type",
                    required(Vocabularies.ADVERSE_EVENT, complication.getCoding(), path)
                            .name());
            Extension severity = complication.getExtensionByUrl(SEVERITY);
            if (severity == null) {
                throw Outcomes.unprocessable(path, "The adverse event's severity extension is required.");
            }
            event.put("severity", extensionCode(Vocabularies.SEVERITY, severity, path, false));
            Extension resolved = complication.getExtensionByUrl(RESOLVED);
            if (resolved == null || !(resolved.getValue() instanceof BooleanType flag)) {
                throw Outcomes.unprocessable(path, "The adverse-event-resolved extension (valueBoolean) is required.");
            }
            event.put("resolved", flag.booleanValue());
            events.add(event);
        }
        return events;
    }

    private static List<String> cptCodes(List<Coding> code) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            Coding coding = code.get(i);
            if (!Vocabularies.CPT.equals(coding.getSystem())) {
                continue;
            }
            if (coding.getCode() == null || !CPT.matcher(coding.getCode()).matches()) {
                throw Outcomes.unprocessable(
                        "Procedure.code.coding[" + i + "].code", "must be a CPT code such as 64450 or 0232T");
            }
            codes.add(coding.getCode());
        }
        return codes;
    }

    @Override
    public Procedure toFhir(JsonNode injection, String revision, String patientFhirId, Identifier identifier) {
        Procedure procedure = new Procedure();
        if (identifier != null) {
            procedure.addIdentifier(identifier);
        }
        boolean voided = "VOIDED".equals(injection.path("status").asString());
        procedure.setStatus(voided ? Procedure.ProcedureStatus.ENTEREDINERROR : Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(new Reference("Patient/" + patientFhirId));
        Instant start = Instant.parse(injection.path("administeredAt").asString());
        procedure.setPerformed(new Period()
                .setStart(Date.from(start))
                .setEnd(Date.from(start.plusSeconds(
                        60L * injection.path("durationMinutes").asLong()))));
        CodeableConcept code = procedure.getCode();
        code.addCoding(coding(Vocabularies.INJECTION_TECHNIQUE, injection.path("technique")));
        for (JsonNode cpt : injection.path("cptCodes")) {
            code.addCoding().setSystem(Vocabularies.CPT).setCode(cpt.asString());
        }
        procedure.addBodySite().addCoding(coding(Vocabularies.INJECTION_TARGET, injection.path("target")));
        if (injection.hasNonNull("targetLevel")) {
            procedure.addBodySite().addCoding(coding(Vocabularies.NERVE_ROOT_LEVEL, injection.path("targetLevel")));
        }
        procedure.addBodySite().addCoding(coding(Vocabularies.SIDE, injection.path("side")));
        procedure.addExtension(GUIDANCE, coding(Vocabularies.GUIDANCE, injection.path("guidance")));
        procedure.addUsedCode().addCoding(coding(Vocabularies.SOLUTION, injection.path("solution")));
        if (injection.hasNonNull("prpLeukocytes")) {
            procedure.addExtension(
                    PRP_LEUKOCYTES, coding(Vocabularies.PRP_LEUKOCYTES, injection.path("prpLeukocytes")));
        }
        procedure.addExtension(
                VOLUME,
                new Quantity()
                        .setValue(injection.path("volumeMl").decimalValue())
                        .setUnit("mL")
                        .setSystem(Vocabularies.UCUM)
                        .setCode("mL"));
        for (JsonNode event : injection.path("adverseEvents")) {
            CodeableConcept complication = procedure.addComplication();
            complication.addCoding(coding(Vocabularies.ADVERSE_EVENT, event.path("type")));
            complication.addExtension(SEVERITY, coding(Vocabularies.SEVERITY, event.path("severity")));
            complication.addExtension(
                    RESOLVED, new BooleanType(event.path("resolved").asBoolean()));
        }
        return procedure;
    }

    @Override
    public String fhirPath(String field) {
        if (field.startsWith("cptCodes")) {
            return "Procedure.code";
        }
        if (field.startsWith("adverseEvents")) {
            return "Procedure.complication"
                    + field.substring("adverseEvents".length()).replaceFirst("\\..*", "");
        }
        switch (field) {
            case "administeredAt":
            case "durationMinutes":
                return "Procedure.performed";
            case "technique":
                return "Procedure.code";
            case "target":
            case "targetLevel":
            case "side":
                return "Procedure.bodySite";
            case "guidance":
                return "Procedure.extension('" + GUIDANCE + "')";
            case "solution":
                return "Procedure.usedCode";
            case "prpLeukocytes":
                return "Procedure.extension('" + PRP_LEUKOCYTES + "')";
            case "volumeMl":
                return "Procedure.extension('" + VOLUME + "')";
            case "patientId":
                return "Procedure.subject";
            default:
                return "Procedure";
        }
    }

    private static <E extends Enum<E>> String extensionCode(
            Vocabulary<E> vocabulary, Extension extension, String name, boolean requiredHere) {
        String path =
                name.startsWith("Procedure") ? name : "Procedure.extension('" + Vocabularies.extension(name) + "')";
        if (extension == null) {
            if (requiredHere) {
                throw Outcomes.unprocessable(path, "Required: a valueCoding from " + vocabulary.url());
            }
            return null;
        }
        if (!(extension.getValue() instanceof Coding coding)) {
            throw Outcomes.unprocessable(path, "The extension holds a valueCoding from " + vocabulary.url());
        }
        return required(vocabulary, List.of(coding), path).name();
    }
}
