package org.footdrop.fhir.records;

import java.util.Map;
import org.footdrop.fhir.patient.FhirPatient;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/** How one FHIR resource type maps onto one kind of record of the own API. */
public interface RecordKindMapping<R extends DomainResource> {

    Class<R> resourceType();

    /** The own API's collection path, e.g. {@code /api/v1/diagnoses}. */
    String path();

    /** The own API's list of a patient's records of this kind, e.g. {@code diagnoses}. */
    String patientListName();

    /** The id field of the own API's answer, e.g. {@code diagnosisId}. */
    String idField();

    Reference subject(R resource);

    java.util.List<Identifier> identifiers(R resource);

    /** The own API's body; refuses (422) what cannot be taken, naming the element. */
    Map<String, Object> toOwn(R resource, FhirPatient patient);

    /** The resource for a record as the own API answers it. */
    R toFhir(JsonNode record, String revision, String patientFhirId, Identifier identifier);

    /** Where a field error of the own API points in the resource. */
    String fhirPath(String field);
}
