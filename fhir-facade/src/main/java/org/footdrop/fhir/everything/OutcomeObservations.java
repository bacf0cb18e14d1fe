package org.footdrop.fhir.everything;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.intake.Measure;
import org.footdrop.fhir.terminology.DerivedOutcome;
import org.footdrop.fhir.terminology.MrcGrades;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;

/**
 * outcomes-service's view of one patient's outcomes as Observations that say they are derived: each
 * names the measure as its {@code code}, the kind of outcome as its {@code method} (derived-outcome
 * CodeSystem), the definition in force as its {@code note}, and the assessments it rests on as
 * {@code derivedFrom}. A measure the service excludes (no baseline, no day 0) has none.
 */
final class OutcomeObservations {

    static final String WINDOW = Vocabularies.extension("outcome-window");

    private OutcomeObservations() {}

    static List<Observation> of(JsonNode view, String patientFhirId) {
        List<Observation> derived = new ArrayList<>();
        JsonNode definitions = view.path("definitions");
        InstantType asOf =
                view.hasNonNull("asOf") ? new InstantType(view.path("asOf").asString()) : null;
        for (Map.Entry<String, JsonNode> entry : view.path("measures").properties()) {
            Measure measure;
            try {
                measure = Measure.fromWireName(entry.getKey());
            } catch (IllegalArgumentException unknown) {
                continue; // a measure newer than this facade: left out rather than guessed
            }
            JsonNode outcome = entry.getValue();
            if (outcome.hasNonNull("exclusion") || !outcome.hasNonNull("baseline")) {
                continue;
            }
            Builder of = new Builder(measure, patientFhirId, asOf);
            JsonNode baseline = outcome.path("baseline");
            String threshold = definitions
                    .path("responderThresholds")
                    .path(measure.wireName())
                    .asString("");
            derived.add(of.observation(
                            DerivedOutcome.BASELINE,
                            null,
                            definitions.path("baseline").asString(""),
                            baseline)
                    .setValue(value(measure, baseline.path("value"))));
            for (Map.Entry<String, JsonNode> window : outcome.path("windows").properties()) {
                JsonNode at = window.getValue();
                JsonNode value = at.path("value");
                derived.add(of.observation(DerivedOutcome.WINDOW_VALUE, window.getKey(), windowText(definitions), value)
                        .setValue(value(measure, value.path("value"))));
                if (at.hasNonNull("change")) {
                    derived.add(of.observation(
                                    DerivedOutcome.CHANGE,
                                    window.getKey(),
                                    definitions.path("change").asString(""),
                                    baseline,
                                    value)
                            .setValue(quantity(measure, at.path("change"))));
                }
                if (at.hasNonNull("responder")) {
                    derived.add(of.observation(
                                    DerivedOutcome.RESPONDER,
                                    window.getKey(),
                                    "threshold " + threshold + " " + measure.unit() + "; "
                                            + definitions.path("change").asString(""),
                                    baseline,
                                    value)
                            .setValue(new BooleanType(at.path("responder").asBoolean())));
                }
            }
            JsonNode time = outcome.path("timeToResponse");
            if (time.hasNonNull("days")) {
                JsonNode[] sources = new JsonNode[outcome.path("values").size()];
                for (int i = 0; i < sources.length; i++) {
                    sources[i] = outcome.path("values").get(i);
                }
                Observation toResponse = of.observation(
                                DerivedOutcome.TIME_TO_RESPONSE,
                                null,
                                definitions.path("timeToResponse").asString(""),
                                sources)
                        .setValue(new Quantity()
                                .setValue(time.path("days").asLong())
                                .setUnit("days")
                                .setSystem(Vocabularies.UCUM)
                                .setCode("d"));
                toResponse
                        .addComponent()
                        .setValue(new BooleanType(time.path("responded").asBoolean()))
                        .getCode()
                        .addCoding(Vocabularies.DERIVED_OUTCOME.coding(DerivedOutcome.RESPONDER));
                derived.add(toResponse);
            }
        }
        return derived;
    }

    private static String windowText(JsonNode definitions) {
        return "the assessment in the window, days relative to day 0 ("
                + definitions.path("dayZero").asString("") + ")";
    }

    /** A value as the service answers it: an MRC grade coded, any other a quantity in the measure's unit. */
    private static Type value(Measure measure, JsonNode value) {
        if (measure.scale() == Measure.Scale.MRC) {
            return new CodeableConcept().addCoding(MrcGrades.coding(value.asString()));
        }
        return quantity(measure, value);
    }

    /** A quantity in the measure's unit; a change of MRC grades counts whole grades. */
    private static Quantity quantity(Measure measure, JsonNode value) {
        String code = measure.scale() == Measure.Scale.MRC ? "{grade}" : Vocabularies.ucum(measure);
        return new Quantity()
                .setValue(value.decimalValue())
                .setUnit(measure.unit())
                .setSystem(Vocabularies.UCUM)
                .setCode(code);
    }

    private record Builder(Measure measure, String patientFhirId, InstantType asOf) {

        Observation observation(DerivedOutcome kind, String window, String definition, JsonNode... sources) {
            Observation observation = new Observation();
            StringBuilder key = new StringBuilder(patientFhirId + "|" + measure + "|" + kind + "|" + window);
            observation.setStatus(ObservationStatus.FINAL);
            observation.getCode().addCoding(Vocabularies.MEASURE.coding(measure));
            observation.getMethod().addCoding(Vocabularies.DERIVED_OUTCOME.coding(kind));
            observation.setSubject(new Reference("Patient/" + patientFhirId));
            if (asOf != null) {
                observation.setIssuedElement(asOf);
            }
            if (window != null) {
                observation.addExtension(WINDOW, new CodeType(window));
            }
            if (!definition.isBlank()) {
                observation.addNote().setText("Definition in force (outcomes-service): " + definition);
            }
            for (JsonNode source : sources) {
                if (source.hasNonNull("assessmentId")) {
                    observation.addDerivedFrom(new Reference(
                            "Observation/" + source.path("assessmentId").asString()));
                    key.append('|').append(source.path("assessmentId").asString());
                }
            }
            // a stable id: the same outcome resting on the same assessments is the same resource
            observation.setId(UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8))
                    .toString());
            return observation;
        }
    }
}
