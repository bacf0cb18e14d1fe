package org.footdrop.fhir.patient;

/**
 * Carries a Patient's birth year and gender into the records that keep their own copy of them (the own
 * API's diagnoses), so that a corrected Patient corrects what the outcomes are grouped by.
 */
public interface PatientCorrections {

    /**
     * Sets the patient's values on every record holding a copy; a repeat changes nothing.
     *
     * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException when a service refuses or does not
     *     answer
     */
    void carry(FhirPatient patient);
}
