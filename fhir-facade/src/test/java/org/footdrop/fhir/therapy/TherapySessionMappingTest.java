package org.footdrop.fhir.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.fhir.Conformance;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A therapy session as treatment-service answers it, as a Procedure based on its ServiceRequest and back. */
class TherapySessionMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FhirPatient PATIENT = new FhirPatient("fd-pt-000123", 1968, Sex.FEMALE, 1);
    private static final String THERAPY = "0b7d6f0e-3f55-4b8e-9a51-5d1c7a0e2a11";
    private static final String MISSED = """
            {"sessionId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "therapyId": "%s",
             "patientId": "fd-pt-000123", "revision": 1, "status": "ACTIVE",
             "date": "2026-03-11", "attended": false}
            """.formatted(THERAPY);
    private static final String VOIDED = MISSED.replace("\"ACTIVE\"", "\"VOIDED\"");

    private static ResourceValidator validator;
    // every reference here names its ServiceRequest by id: the identifier map is never consulted
    private final TherapySessionMapping mapping = new TherapySessionMapping(null);

    @BeforeAll
    static void warm() {
        validator = new ResourceValidator(FhirContext.forR4Cached());
    }

    private Procedure procedure(String session) {
        Identifier identifier = new Identifier()
                .setSystem("urn:example:clinic-a:therapy-session")
                .setValue("ses-1");
        Procedure procedure = mapping.toFhir(JSON.readTree(session), "1", PATIENT.fhirId(), identifier);
        procedure.setId("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        return procedure;
    }

    private static void assertValid(Procedure procedure) {
        Conformance.assertValid(validator, procedure);
    }

    @Test
    void shouldAnswerAMissedSessionAsAValidProcedureNotDoneBasedOnItsPrescription() {
        Procedure procedure = procedure(MISSED);

        assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.NOTDONE);
        assertThat(procedure.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + THERAPY);
        assertThat(procedure.getPerformedDateTimeType().getValueAsString()).isEqualTo("2026-03-11");
        assertThat(procedure.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.fhirId());
        assertThat(TherapySessionMapping.isSession(procedure)).isTrue();
        assertValid(procedure);
    }

    @Test
    void shouldAnswerAVoidedSessionEnteredInError() {
        Procedure procedure = procedure(VOIDED);

        assertThat(procedure.getStatus()).isEqualTo(ProcedureStatus.ENTEREDINERROR);
        assertValid(procedure);
    }

    @Test
    void shouldTakeBackWhatItAnswersUnderItsPrescription() {
        Procedure attended = procedure(MISSED);
        attended.setStatus(ProcedureStatus.COMPLETED);

        assertThat(mapping.toOwn(procedure(MISSED), PATIENT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "date", "2026-03-11", "attended", false, "patientId", "fd-pt-000123", "therapyId", THERAPY));
        assertThat(mapping.toOwn(attended, PATIENT)).containsEntry("attended", true);
        assertThat(mapping.createPath(attended)).isEqualTo("/api/v1/therapies/" + THERAPY + "/sessions");
        assertThat(mapping.itemPath("s-1")).isEqualTo("/api/v1/therapy-sessions/s-1");
        assertThat(mapping.patientListPath("fd-pt-000123")).isEqualTo("/api/v1/patients/fd-pt-000123/therapy-sessions");
    }

    @Test
    void shouldTellASessionFromAnInjection() {
        Procedure injection = new Procedure();
        injection.addBasedOn(new Reference("CarePlan/1"));
        Procedure absolute = procedure(MISSED);
        absolute.getBasedOnFirstRep().setReference("https://clinic.example/fhir/ServiceRequest/" + THERAPY);

        assertThat(TherapySessionMapping.isSession(absolute)).isTrue();
        assertThat(mapping.toOwn(absolute, PATIENT)).containsEntry("therapyId", THERAPY);

        assertThat(TherapySessionMapping.isSession(injection)).isFalse();
        assertThat(TherapySessionMapping.isSession(new Procedure())).isFalse();
    }

    @Test
    void shouldRefuseWhatASessionCannotSayNamingTheElement() {
        Procedure twoPrescriptions = procedure(MISSED);
        twoPrescriptions.addBasedOn(new Reference("ServiceRequest/" + THERAPY));
        Procedure notOurs = procedure(MISSED);
        notOurs.getBasedOnFirstRep().setReference("ServiceRequest/rx-1");
        Procedure coded = procedure(MISSED);
        coded.getCode().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "97110", null));
        Procedure inProgress = procedure(MISSED);
        inProgress.setStatus(ProcedureStatus.INPROGRESS);
        Procedure timed = procedure(MISSED);
        timed.setPerformed(new DateTimeType("2026-03-11T09:00:00Z"));
        Procedure undated = procedure(MISSED);
        undated.setPerformed(null);

        assertRefusedAt(twoPrescriptions, "Procedure.basedOn");
        assertRefusedAt(notOurs, "Procedure.basedOn");
        assertRefusedAt(coded, "Procedure.code");
        assertRefusedAt(inProgress, "Procedure.status");
        assertRefusedAt(timed, "Procedure.performed");
        assertRefusedAt(undated, "Procedure.performed");
    }

    @Test
    void shouldPointTreatmentServicesFieldErrorsAtTheirElements() {
        assertThat(mapping.fhirPath("date")).isEqualTo("Procedure.performed");
        assertThat(mapping.fhirPath("patientId")).isEqualTo("Procedure.subject");
        assertThat(mapping.unknownReferencePath()).isEqualTo("Procedure.basedOn");
    }

    private void assertRefusedAt(Procedure procedure, String path) {
        Conformance.assertRefusedAt(() -> mapping.toOwn(procedure, PATIENT), path);
    }
}
