package org.footdrop.fhir.patient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Sex;

/**
 * What the facade keeps of a patient, and all it may: the pseudonymous id of the own API, the birth
 * year and the administrative gender as the own API's sex.
 *
 * @param version FHIR's version id, counting the Patient's writes
 */
public record FhirPatient(String patientId, Integer birthYear, Sex sex, int version) {

    /** The FHIR id: derived from the pseudonymous id (which may hold an underscore, which FHIR ids may not). */
    public String fhirId() {
        return fhirId(patientId);
    }

    public static String fhirId(String patientId) {
        return UUID.nameUUIDFromBytes(("patient\n" + patientId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
