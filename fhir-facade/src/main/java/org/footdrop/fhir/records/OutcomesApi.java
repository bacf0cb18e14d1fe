package org.footdrop.fhir.records;

/** outcomes-service's own API: a patient's derived outcomes, read only. */
public record OutcomesApi(ServiceApi api) {}
