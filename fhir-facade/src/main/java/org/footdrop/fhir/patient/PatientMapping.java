package org.footdrop.fhir.patient;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.List;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** Patient resources to the facade's pseudonymous patients and back. Nothing that names a person is accepted. */
final class PatientMapping {

    private static final java.util.regex.Pattern PATIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private PatientMapping() {}

    static FhirPatient fromFhir(Patient resource, int version) {
        if (resource.hasName()
                || resource.hasTelecom()
                || resource.hasAddress()
                || resource.hasPhoto()
                || resource.hasContact()) {
            throw Outcomes.unprocessable(
                    "Patient", "Only pseudonymous data is kept: no name, telecom, address, photo or contact.");
        }
        List<Identifier> ours = resource.getIdentifier().stream()
                .filter(identifier -> Vocabularies.PATIENT_ID_SYSTEM.equals(identifier.getSystem()))
                .toList();
        if (ours.size() != 1 || resource.getIdentifier().size() != 1) {
            throw Outcomes.unprocessable(
                    "Patient.identifier",
                    "Exactly one identifier, the pseudonymous patient id, with system "
                            + Vocabularies.PATIENT_ID_SYSTEM);
        }
        String patientId = ours.get(0).getValue();
        if (patientId == null || !PATIENT_ID.matcher(patientId).matches()) {
            throw Outcomes.unprocessable("Patient.identifier[0].value", "must match [A-Za-z0-9._-]{1,64}");
        }
        Integer birthYear = null;
        if (resource.hasBirthDateElement()) {
            DateType birthDate = resource.getBirthDateElement();
            if (birthDate.getPrecision() != TemporalPrecisionEnum.YEAR) {
                throw Outcomes.unprocessable("Patient.birthDate", "The birth year only, e.g. \"1958\".");
            }
            birthYear = birthDate.getYear();
            if (birthYear < 1900 || birthYear > 2100) {
                throw Outcomes.unprocessable("Patient.birthDate", "must be a year from 1900 to 2100");
            }
        }
        return new FhirPatient(patientId, birthYear, sex(resource.getGender()), version);
    }

    static Patient toFhir(FhirPatient patient) {
        Patient resource = new Patient();
        resource.setId(patient.fhirId());
        resource.getMeta().setVersionId(Integer.toString(patient.version()));
        resource.addIdentifier().setSystem(Vocabularies.PATIENT_ID_SYSTEM).setValue(patient.patientId());
        if (patient.birthYear() != null) {
            resource.setBirthDateElement(new DateType(Integer.toString(patient.birthYear())));
        }
        if (patient.sex() != null) {
            resource.setGender(gender(patient.sex()));
        }
        return resource;
    }

    private static Sex sex(AdministrativeGender gender) {
        if (gender == null) {
            return null;
        }
        switch (gender) {
            case MALE:
                return Sex.MALE;
            case FEMALE:
                return Sex.FEMALE;
            case OTHER:
                return Sex.OTHER;
            default:
                return null;
        }
    }

    private static AdministrativeGender gender(Sex sex) {
        switch (sex) {
            case MALE:
                return AdministrativeGender.MALE;
            case FEMALE:
                return AdministrativeGender.FEMALE;
            default:
                return AdministrativeGender.OTHER;
        }
    }
}
