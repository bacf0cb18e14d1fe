package org.footdrop.contract.treatment;

import org.footdrop.contract.EventPayload;

/** Payloads published by treatment-service on {@code treatment.events.v1}. */
public sealed interface TreatmentPayload extends EventPayload permits TreatmentState, InjectionVoided, TherapyVoided {}
