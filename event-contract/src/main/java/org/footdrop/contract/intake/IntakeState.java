package org.footdrop.contract.intake;

import org.footdrop.contract.StatePayload;

/** intake-service's payloads that carry a record's state: recorded or amended. */
public sealed interface IntakeState<S> extends IntakePayload, StatePayload<S>
        permits DiagnosisRecorded, DiagnosisAmended, AssessmentRecorded, AssessmentAmended {}
