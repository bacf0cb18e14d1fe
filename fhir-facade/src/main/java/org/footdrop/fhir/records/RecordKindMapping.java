package org.footdrop.fhir.records;

import java.util.List;
import java.util.Map;
import org.footdrop.fhir.patient.FhirPatient;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * How one FHIR resource type maps onto one kind of record of the own API. Where the records live is
 * said once, to the constructor; a mapping says only how its fields translate.
 */
public abstract class RecordKindMapping<R extends DomainResource> {

    private final Class<R> resourceType;
    private final String path;
    private final String patientListName;
    private final String idField;

    /**
     * @param path the own API's collection path, e.g. {@code /api/v1/diagnoses}
     * @param patientListName the own API's list of a patient's records of this kind, e.g. {@code diagnoses}
     * @param idField the id field of the own API's answer, e.g. {@code diagnosisId}
     */
    protected RecordKindMapping(Class<R> resourceType, String path, String patientListName, String idField) {
        this.resourceType = resourceType;
        this.path = path;
        this.patientListName = patientListName;
        this.idField = idField;
    }

    public final Class<R> resourceType() {
        return resourceType;
    }

    public final String path() {
        return path;
    }

    public final String idField() {
        return idField;
    }

    /** Where the own API creates this resource's record; most kinds at {@link #path()}. */
    public String createPath(R resource) {
        return path;
    }

    /** Where the own API keeps one record of this kind. */
    public String itemPath(String recordId) {
        return path + "/" + recordId;
    }

    /**
     * Where a create points when the own API answers 404 because a record the resource refers to
     * (other than its Patient, which the facade checks itself) is unknown; null for a kind whose create
     * refers to none, where a 404 is not the sender's fault.
     */
    public String unknownReferencePath() {
        return null;
    }

    /** The own API's list of a patient's records of this kind. */
    public String patientListPath(String patientId) {
        return "/api/v1/patients/" + patientId + "/" + patientListName;
    }

    /** Every record resource names its patient in {@code subject}. */
    final Reference subject(R resource) {
        List<?> subject = resource.getNamedProperty("subject").getValues();
        return subject.isEmpty() ? new Reference() : (Reference) subject.get(0);
    }

    /** Every record resource carries the clinic's identifiers in {@code identifier}. */
    final List<Identifier> identifiers(R resource) {
        return resource.getNamedProperty("identifier").getValues().stream()
                .map(Identifier.class::cast)
                .toList();
    }

    /**
     * Whether this resource, sent as an update, marks its record entered in error: FHIR's other way to
     * delete, answered as the own API's void.
     */
    public abstract boolean entersInError(R resource);

    /** The own API's body; refuses (422) what cannot be taken, naming the element. */
    public abstract Map<String, Object> toOwn(R resource, FhirPatient patient);

    /** The resource for a record as the own API answers it. */
    public abstract R toFhir(JsonNode record, String revision, String patientFhirId, Identifier identifier);

    /** Where a warning of the own API (a value taken, but unusual) points in the resource sent. */
    public String warningPath(String warning, R sent) {
        return resourceType.getSimpleName();
    }

    /** Where a field error of the own API points in the resource. */
    public abstract String fhirPath(String field);
}
