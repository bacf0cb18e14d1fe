package org.footdrop.fhir.patient;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.footdrop.fhir.server.ConditionalCreate;
import org.footdrop.fhir.server.IfMatch;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Patients: kept by the facade alone (the own API has no patient resource; a diagnosis carries the
 * birth year and sex). Creating a patient again with the same pseudonymous id answers the stored one.
 */
@Component
public class PatientProvider implements IResourceProvider {

    private final FhirPatients patients;
    private final ResourceValidator validator;
    private final PatientCorrections corrections;

    public PatientProvider(FhirPatients patients, ResourceValidator validator, PatientCorrections corrections) {
        this.patients = patients;
        this.validator = validator;
        this.corrections = corrections;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        Patient patient = patients.find(id.getIdPart())
                .map(PatientMapping::toFhir)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        if (id.hasVersionIdPart()
                && !id.getVersionIdPart().equals(patient.getMeta().getVersionId())) {
            // only the current version is kept
            throw new ResourceNotFoundException(id);
        }
        return patient;
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient resource, @ConditionalUrlParam String ifNoneExist) {
        if (ifNoneExist != null) {
            String patientId = ConditionalCreate.identifierValue(ifNoneExist, Vocabularies.PATIENT_ID_SYSTEM);
            var existing = patients.findByPatientId(patientId);
            if (existing.isPresent()) {
                return match(existing.get());
            }
        }
        validator.require(resource);
        FhirPatient patient = PatientMapping.fromFhir(resource, 1);
        if (!patients.create(patient)) {
            // the pseudonymous id is the patient: the same one again is the same patient
            return match(patients.findByPatientId(patient.patientId()).orElseThrow());
        }
        return answer(patient, true);
    }

    /**
     * Corrects the birth year or gender, with If-Match, and carries them into every diagnosis of the
     * patient, however it was recorded (the outcomes are grouped by the diagnosis's copy). The diagnoses
     * come first: when intake-service refuses or does not answer, the Patient stays as it was and the same
     * update can be sent again. The pseudonymous id is the patient and cannot change.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient resource) {
        if (!id.hasVersionIdPart()) {
            throw IfMatch.required();
        }
        validator.require(resource);
        FhirPatient current = patients.find(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        FhirPatient corrected = PatientMapping.fromFhir(resource, current.version() + 1);
        if (!corrected.patientId().equals(current.patientId())) {
            throw Outcomes.unprocessable(
                    "Patient.identifier",
                    "The pseudonymous id is the patient and cannot change; create a Patient for the other id.");
        }
        if (!id.getVersionIdPart().equals(Integer.toString(current.version()))) {
            throw stale(current.version(), id);
        }
        corrections.carry(corrected);
        if (!patients.replace(corrected, current.version())) {
            // another update won meanwhile: its values go to the diagnoses again, over the ones just carried
            FhirPatient won = patients.find(id.getIdPart()).orElse(current);
            corrections.carry(won);
            throw stale(won.version(), id);
        }
        return answer(corrected, false);
    }

    private static PreconditionFailedException stale(int version, IdType id) {
        return new PreconditionFailedException(
                "stale version",
                Outcomes.issue(
                        IssueSeverity.ERROR,
                        IssueType.CONFLICT,
                        null,
                        "The Patient is at version " + version + ", not " + id.getVersionIdPart()
                                + ": read it again and correct that version."));
    }

    /** The stored patient's id and version only: a writer may not read what is stored (clinician's role). */
    private static MethodOutcome match(FhirPatient patient) {
        MethodOutcome outcome =
                new MethodOutcome(new IdType("Patient", patient.fhirId(), Integer.toString(patient.version())));
        outcome.setCreated(false);
        return outcome;
    }

    private static MethodOutcome answer(FhirPatient patient, boolean created) {
        Patient resource = PatientMapping.toFhir(patient);
        MethodOutcome outcome = new MethodOutcome(resource.getIdElement()
                .withResourceType("Patient")
                .withVersion(resource.getMeta().getVersionId()));
        outcome.setResource(resource);
        outcome.setCreated(created);
        return outcome;
    }
}
