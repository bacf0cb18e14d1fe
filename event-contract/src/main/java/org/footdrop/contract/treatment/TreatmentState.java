package org.footdrop.contract.treatment;

import org.footdrop.contract.StatePayload;

/** treatment-service's payloads that carry a record's state: recorded or amended (a session log too). */
public sealed interface TreatmentState<S> extends TreatmentPayload, StatePayload<S>
        permits InjectionAdministered, InjectionAmended, TherapyPrescribed, TherapyAmended, TherapySessionLogged {}
