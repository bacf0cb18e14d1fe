package org.footdrop.intake.lifecycle;

import java.util.List;
import org.footdrop.contract.EventType;
import org.footdrop.contract.Topics;
import org.footdrop.support.testing.RecordApi;

/** intake-service's two kinds of record, for the shared lifecycle tests. */
public final class IntakeRecordApis {

    public static final RecordApi DIAGNOSES = new RecordApi(
            "diagnoses",
            "diagnosisId",
            Topics.INTAKE_EVENTS,
            "intake.diagnosis",
            "-recorded",
            patientId -> PatientListingTest.body("diagnoses", patientId),
            patientId -> PatientListingTest.amendedBody("diagnoses", patientId),
            "diagnosis",
            List.of(EventType.DIAGNOSIS_RECORDED, EventType.DIAGNOSIS_AMENDED, EventType.DIAGNOSIS_VOIDED));

    public static final RecordApi ASSESSMENTS = new RecordApi(
            "assessments",
            "assessmentId",
            Topics.INTAKE_EVENTS,
            "intake.assessment",
            "-recorded",
            patientId -> PatientListingTest.body("assessments", patientId),
            patientId -> PatientListingTest.amendedBody("assessments", patientId),
            "assessment",
            List.of(EventType.ASSESSMENT_RECORDED, EventType.ASSESSMENT_AMENDED, EventType.ASSESSMENT_VOIDED));

    private IntakeRecordApis() {}
}
