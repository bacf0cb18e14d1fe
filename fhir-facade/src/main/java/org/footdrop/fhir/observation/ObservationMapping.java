package org.footdrop.fhir.observation;

import static org.footdrop.fhir.records.Codes.coding;
import static org.footdrop.fhir.records.Codes.required;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.footdrop.contract.intake.Measure;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.records.RecordKindMapping;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.MrcGrades;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * Observation to intake-service's assessment and back (docs/fhir.md, "Observation"): one panel per
 * assessment, its code the assessment's kind, one component per measure taken. MRC grades are coded,
 * the other measures are UCUM quantities in the contract's own unit; a value in another unit is refused
 * rather than converted.
 */
final class ObservationMapping extends RecordKindMapping<Observation> {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String GAIT_AID = Vocabularies.extension("gait-aid");
    static final String STEPPAGE_GAIT = Vocabularies.extension("steppage-gait");
    static final String FOOT_SLAP = Vocabularies.extension("foot-slap");
    static final String TOE_DRAG = Vocabularies.extension("toe-drag");

    private static final Map<String, String> FLAGS =
            Map.of("steppageGait", STEPPAGE_GAIT, "footSlap", FOOT_SLAP, "toeDrag", TOE_DRAG);

    ObservationMapping() {
        super(Observation.class, "/api/v1/assessments", "assessments", "assessmentId");
    }

    @Override
    public boolean entersInError(Observation observation) {
        return observation.getStatus() == ObservationStatus.ENTEREDINERROR;
    }

    @Override
    public Map<String, Object> toOwn(Observation observation, FhirPatient patient) {
        if (observation.hasNote()) {
            throw Outcomes.unprocessable(
                    "Observation.note", "Free-text notes are not accepted through FHIR (docs/fhir.md).");
        }
        if (observation.getStatus() != ObservationStatus.FINAL
                && observation.getStatus() != ObservationStatus.AMENDED
                && observation.getStatus() != ObservationStatus.CORRECTED) {
            throw Outcomes.unprocessable(
                    "Observation.status", "An assessment is recorded as final (amended or corrected on update).");
        }
        if (observation.hasValue()) {
            throw Outcomes.unprocessable(
                    "Observation.value", "The assessment is a panel: each measure is a component.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.patientId());
        body.put("assessedAt", effective(observation));
        body.put(
                "kind",
                required(Vocabularies.ASSESSMENT_KIND, observation.getCode().getCoding(), "Observation.code")
                        .name());
        body.put(
                "side",
                required(Vocabularies.SIDE, observation.getBodySite().getCoding(), "Observation.bodySite")
                        .name());
        body.put("measures", measures(observation.getComponent()));
        Extension gaitAid = observation.getExtensionByUrl(GAIT_AID);
        if (gaitAid != null) {
            String path = "Observation.extension('" + GAIT_AID + "')";
            if (!(gaitAid.getValue() instanceof Coding coding)) {
                throw Outcomes.unprocessable(
                        path, "The extension holds a valueCoding from " + Vocabularies.GAIT_AID.url());
            }
            body.put(
                    "gaitAid",
                    required(Vocabularies.GAIT_AID, List.of(coding), path).name());
        }
        FLAGS.forEach((field, url) -> {
            Extension flag = observation.getExtensionByUrl(url);
            if (flag != null) {
                if (!(flag.getValue() instanceof BooleanType value)) {
                    throw Outcomes.unprocessable(
                            "Observation.extension('" + url + "')", "The extension holds a valueBoolean.");
                }
                body.put(field, value.booleanValue());
            }
        });
        return body;
    }

    /** An instant: an assessment is ordered by its time, so a date alone is not enough. */
    private static String effective(Observation observation) {
        if (!observation.hasEffectiveDateTimeType()) {
            throw Outcomes.unprocessable(
                    "Observation.effective", "The assessment's time is required as effectiveDateTime.");
        }
        DateTimeType effective = observation.getEffectiveDateTimeType();
        if (effective.getPrecision().ordinal() < TemporalPrecisionEnum.SECOND.ordinal()) {
            throw Outcomes.unprocessable(
                    "Observation.effective", "The assessment's time needs a time of day and a time zone.");
        }
        return effective.getValue().toInstant().toString();
    }

    private static Map<String, Object> measures(List<ObservationComponentComponent> components) {
        Map<String, Object> measures = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            ObservationComponentComponent component = components.get(i);
            String path = "Observation.component[" + i + "]";
            Measure measure = required(Vocabularies.MEASURE, component.getCode().getCoding(), path + ".code");
            if (measures.containsKey(measure.wireName())) {
                throw Outcomes.unprocessable(path + ".code", "Each measure at most once in an assessment.");
            }
            measures.put(measure.wireName(), value(measure, component, path));
        }
        return measures;
    }

    private static Object value(Measure measure, ObservationComponentComponent component, String path) {
        if (measure.scale() == Measure.Scale.MRC) {
            Optional<Coding> grade = component.hasValueCodeableConcept()
                    ? component.getValueCodeableConcept().getCoding().stream()
                            .filter(coding -> MrcGrades.URL.equals(coding.getSystem()))
                            .findFirst()
                    : Optional.empty();
            if (grade.isEmpty() || !MrcGrades.isGrade(grade.get().getCode())) {
                throw Outcomes.unprocessable(
                        path + ".value", "An MRC grade is a valueCodeableConcept coded in " + MrcGrades.URL);
            }
            return grade.get().getCode();
        }
        if (!component.hasValueQuantity()
                || !Vocabularies.UCUM.equals(component.getValueQuantity().getSystem())
                || !Vocabularies.ucum(measure)
                        .equals(component.getValueQuantity().getCode())
                || !component.getValueQuantity().hasValue()) {
            throw Outcomes.unprocessable(
                    path + ".value",
                    "A valueQuantity in UCUM '" + Vocabularies.ucum(measure) + "' is required for this measure.");
        }
        BigDecimal value = component.getValueQuantity().getValue();
        if (measure.scale() == Measure.Scale.INTEGER) {
            try {
                return value.intValueExact();
            } catch (ArithmeticException notWhole) {
                throw Outcomes.unprocessable(path + ".value", "This score is a whole number.");
            }
        }
        return value;
    }

    @Override
    public Observation toFhir(JsonNode assessment, String revision, String patientFhirId, Identifier identifier) {
        Observation observation = new Observation();
        if (identifier != null) {
            observation.addIdentifier(identifier);
        }
        boolean voided = "VOIDED".equals(assessment.path("status").asString());
        boolean amended = assessment.path("revision").asInt(1) > 1 || (revision != null && !"1".equals(revision));
        observation.setStatus(
                voided
                        ? ObservationStatus.ENTEREDINERROR
                        : amended ? ObservationStatus.AMENDED : ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept().addCoding(new Coding(CATEGORY_SYSTEM, "exam", "Exam")));
        observation.getCode().addCoding(coding(Vocabularies.ASSESSMENT_KIND, assessment.path("kind")));
        observation.setSubject(new Reference("Patient/" + patientFhirId));
        observation.setEffective(new DateTimeType(assessment.path("assessedAt").asString()));
        observation.getBodySite().addCoding(coding(Vocabularies.SIDE, assessment.path("side")));
        JsonNode measures = assessment.path("measures");
        for (Measure measure : Measure.values()) {
            JsonNode value = measures.path(measure.wireName());
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            ObservationComponentComponent component = observation.addComponent();
            component.getCode().addCoding(Vocabularies.MEASURE.coding(measure));
            if (measure.scale() == Measure.Scale.MRC) {
                component.setValue(new CodeableConcept().addCoding(MrcGrades.coding(value.asString())));
            } else {
                component.setValue(new Quantity()
                        .setValue(value.decimalValue())
                        .setUnit(measure.unit())
                        .setSystem(Vocabularies.UCUM)
                        .setCode(Vocabularies.ucum(measure)));
            }
        }
        if (assessment.hasNonNull("gaitAid")) {
            observation.addExtension(GAIT_AID, coding(Vocabularies.GAIT_AID, assessment.path("gaitAid")));
        }
        FLAGS.forEach((field, url) -> {
            if (assessment.hasNonNull(field)) {
                observation.addExtension(
                        url, new BooleanType(assessment.path(field).asBoolean()));
            }
        });
        return observation;
    }

    /** Where an intake-service field error points in the Observation. */
    @Override
    public String fhirPath(String field) {
        if (field.startsWith("measures.")) {
            String wireName = field.substring("measures.".length()).replaceFirst("[.\\[].*", "");
            try {
                Measure measure = Measure.fromWireName(wireName);
                return "Observation.component.where(code.coding.code = '" + measure.name() + "').value";
            } catch (IllegalArgumentException unknown) {
                return "Observation.component";
            }
        }
        switch (field) {
            case "measures":
                return "Observation.component"; // none, or none the service takes
            case "assessedAt":
                return "Observation.effective";
            case "kind":
                return "Observation.code";
            case "side":
                return "Observation.bodySite";
            case "patientId":
                return "Observation.subject";
            case "gaitAid":
                return "Observation.extension('" + GAIT_AID + "')";
            default:
                return FLAGS.containsKey(field) ? "Observation.extension('" + FLAGS.get(field) + "')" : "Observation";
        }
    }
}
