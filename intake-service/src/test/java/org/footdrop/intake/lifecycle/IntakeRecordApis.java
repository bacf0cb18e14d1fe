package org.footdrop.intake.lifecycle;

import org.footdrop.contract.Topics;
import org.footdrop.support.testing.RecordApi;

/** intake-service's two kinds of record, for the shared lifecycle tests. */
final class IntakeRecordApis {

    static final RecordApi DIAGNOSES = new RecordApi("diagnoses", "diagnosisId", Topics.INTAKE_EVENTS,
            "intake.diagnosis", "-recorded",
            patientId -> IntakeEventShapeTest.body("diagnoses", patientId),
            patientId -> IntakeEventShapeTest.amendedBody("diagnoses", patientId));

    static final RecordApi ASSESSMENTS = new RecordApi("assessments", "assessmentId", Topics.INTAKE_EVENTS,
            "intake.assessment", "-recorded",
            patientId -> IntakeEventShapeTest.body("assessments", patientId),
            patientId -> IntakeEventShapeTest.amendedBody("assessments", patientId));

    private IntakeRecordApis() {
    }
}
