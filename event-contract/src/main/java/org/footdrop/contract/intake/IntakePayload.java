package org.footdrop.contract.intake;

import org.footdrop.contract.EventPayload;

/** Payloads published by intake-service on {@code intake.events.v1}. */
public sealed interface IntakePayload extends EventPayload permits IntakeState, DiagnosisVoided, AssessmentVoided {}
