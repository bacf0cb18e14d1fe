package org.footdrop.fhir.records;

/** treatment-service's own API: injections. */
public record TreatmentApi(ServiceApi api) {}
