package org.footdrop.fhir.records;

/** intake-service's own API: diagnoses and assessments. */
public record IntakeApi(ServiceApi api) {}
