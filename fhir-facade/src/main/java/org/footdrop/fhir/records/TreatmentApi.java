package org.footdrop.fhir.records;

/** treatment-service's own API: injections and therapy prescriptions. */
public record TreatmentApi(ServiceApi api) {}
