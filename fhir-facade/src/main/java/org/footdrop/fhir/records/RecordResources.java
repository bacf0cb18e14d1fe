package org.footdrop.fhir.records;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.server.ConditionalCreate;
import org.footdrop.fhir.server.IfMatch;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR interactions of a resource type backed by one kind of record of the own API, the one
 * owner of their flow ({@link RecordProvider} binds them to HAPI). The resource's id is the record's id, its version the revision.
 */
public class RecordResources<R extends DomainResource> {

    private final RecordKindMapping<R> mapping;
    private final ServiceApi api;
    private final FhirPatients patients;
    private final RecordMap identifiers;
    private final ResourceValidator validator;

    public RecordResources(
            RecordKindMapping<R> mapping,
            ServiceApi api,
            FhirPatients patients,
            RecordMap identifiers,
            ResourceValidator validator) {
        this.mapping = mapping;
        this.api = api;
        this.patients = patients;
        this.identifiers = identifiers;
        this.validator = validator;
    }

    public Class<R> resourceType() {
        return mapping.resourceType();
    }

    private String type() {
        return mapping.resourceType().getSimpleName();
    }

    public R read(IIdType id) {
        ServiceApi.Answer answer = api.get(mapping.itemPath(recordId(id)));
        R resource = toFhir(answer.body(), answer.revision());
        if (id.hasVersionIdPart()
                && !id.getVersionIdPart().equals(resource.getMeta().getVersionId())) {
            // the own API answers the current revision only
            throw new ResourceNotFoundException(id);
        }
        return resource;
    }

    /** A patient's records of this kind, oldest first; none for a patient this server does not know. */
    public List<R> byPatient(String patientFhirId) {
        FhirPatient known = patients.find(patientFhirId).orElse(null);
        if (known == null) {
            return List.of();
        }
        List<R> found = new ArrayList<>();
        for (JsonNode record :
                api.get(mapping.patientListPath(known.patientId())).body()) {
            found.add(toFhir(record, null));
        }
        return found;
    }

    public MethodOutcome create(R resource, String ifNoneExist) {
        Identifier identifier = identifier(resource);
        String[] wanted = ifNoneExist == null ? null : ConditionalCreate.identifier(ifNoneExist);
        if (wanted != null) {
            var existing = identifiers.find(type(), wanted[0], wanted[1]);
            if (existing.isPresent()) {
                return match(existing.get());
            }
        }
        boolean conditionalOnIt = wanted != null
                && identifier != null
                && wanted[0].equals(identifier.getSystem())
                && wanted[1].equals(identifier.getValue());
        if (wanted != null && !conditionalOnIt) {
            // created without it, the record could not be found by it: each retry would create another
            throw Outcomes.unprocessable(
                    type() + ".identifier",
                    "A conditional create names the identifier the resource carries: If-None-Exist names "
                            + wanted[0] + "|" + wanted[1] + ", the resource "
                            + (identifier == null ? "none" : identifier.getSystem() + "|" + identifier.getValue())
                            + ".");
        }
        if (identifier != null
                && identifiers
                        .find(type(), identifier.getSystem(), identifier.getValue())
                        .isPresent()) {
            throw identifierTaken("A " + type() + " with this identifier exists.");
        }
        validator.require(resource);
        FhirPatient patient = subject(resource);
        // The record carries the clinic's identifier as its external identifier, as an imported line's key:
        // its id derives from it, so a retried create of the same identified resource is the same record.
        String recordIdentifier = identifier == null ? null : identifier.getSystem() + "|" + identifier.getValue();
        // A record created outside this facade (the own API, a bulk import) is not in the map: the
        // service finds it by the identifier, answering it (same body) or naming it (another body).
        ServiceApi.Answer answer;
        try {
            answer = api.post(
                    mapping.createPath(resource),
                    mapping.toOwn(resource, patient),
                    null,
                    recordIdentifier,
                    mapping::fhirPath);
        } catch (ResourceNotFoundException missing) {
            if (mapping.unknownReferencePath() == null) {
                throw missing;
            }
            throw Outcomes.unprocessable(
                    mapping.unknownReferencePath(), "Unknown record referred to: " + missing.getMessage());
        } catch (ServiceApi.IdentifierTaken taken) {
            if (!conditionalOnIt) {
                throw identifierTaken(taken.getMessage()); // the service's 409, pointed at the element
            }
            identifiers.note(type(), identifier.getSystem(), identifier.getValue(), taken.existingRecordId());
            return match(taken.existingRecordId());
        }
        String recordId = answer.body().path(mapping.idField()).asString();
        if (identifier != null) {
            identifiers.note(type(), identifier.getSystem(), identifier.getValue(), recordId);
        }
        if (conditionalOnIt && !answer.created()) {
            return match(recordId);
        }
        return outcome(toFhir(answer.body(), answer.revision()), answer.created(), warnings(answer.body(), resource));
    }

    /**
     * FHIR's conditional create: the match is the answer, whatever this body says. Its id only: a
     * writer may not read records (clinician's role), so the body stays unread.
     */
    private MethodOutcome match(String recordId) {
        MethodOutcome match = new MethodOutcome(new IdType(type(), recordId));
        match.setCreated(false);
        return match;
    }

    public MethodOutcome update(IIdType id, R resource) {
        if (!id.hasVersionIdPart()) {
            throw IfMatch.required();
        }
        validator.require(resource);
        if (mapping.entersInError(resource)) {
            // FHIR's other way to delete: the record named by the id is voided, as DELETE voids it
            return voidRecord(id, "entered in error (FHIR update)")
                    .map(voided -> outcome(toFhir(voided.body(), voided.revision()), false, List.of()))
                    .orElseGet(() -> alreadyVoided(id));
        }
        FhirPatient patient = subject(resource);
        ServiceApi.Answer answer = api.put(
                mapping.itemPath(recordId(id)),
                id.getVersionIdPart(),
                mapping.toOwn(resource, patient),
                mapping::fhirPath);
        return outcome(toFhir(answer.body(), answer.revision()), false, warnings(answer.body(), resource));
    }

    /** FHIR's delete is the own API's void: the record stays, marked entered-in-error. */
    public MethodOutcome delete(IIdType id) {
        return voidRecord(id, "entered in error (FHIR DELETE)")
                .map(answer -> informational(
                        new IdType(type(), recordId(id), answer.revision()),
                        "The record is voided (entered-in-error); it is kept, not erased."))
                .orElseGet(() -> alreadyVoided(id));
    }

    /**
     * Voids the record, at the id's version if it has one; empty when it was voided already (the own
     * API answers a repeated void 409: a void is final), which FHIR's delete of a deleted resource is not.
     */
    private Optional<ServiceApi.Answer> voidRecord(IIdType id, String reason) {
        try {
            return Optional.of(api.delete(
                    mapping.itemPath(recordId(id)), id.hasVersionIdPart() ? id.getVersionIdPart() : null, reason));
        } catch (ResourceVersionConflictException alreadyVoided) {
            return Optional.empty();
        }
    }

    private ResourceVersionConflictException identifierTaken(String why) {
        return new ResourceVersionConflictException(
                "identifier taken",
                Outcomes.issue(
                        IssueSeverity.ERROR,
                        IssueType.DUPLICATE,
                        type() + ".identifier[0]",
                        why + " Send If-None-Exist: identifier=system|value to have it answered instead."));
    }

    private MethodOutcome alreadyVoided(IIdType id) {
        return informational(
                new IdType(type(), recordId(id)), "The record was voided (entered-in-error) already; nothing changed.");
    }

    private static MethodOutcome informational(IdType id, String text) {
        MethodOutcome outcome = new MethodOutcome(id);
        outcome.setOperationOutcome(Outcomes.issue(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, null, text));
        return outcome;
    }

    private R toFhir(JsonNode record, String revision) {
        String recordId = record.path(mapping.idField()).asString();
        JsonNode own = record.path("identifier");
        // the own API shows the record's identifier; the map holds those of records written before it did
        Identifier identifier = own.isObject()
                ? new Identifier()
                        .setSystem(own.path("system").asString())
                        .setValue(own.path("value").asString())
                : identifiers
                        .identifierOf(type(), recordId)
                        .map(pair -> new Identifier().setSystem(pair[0]).setValue(pair[1]))
                        .orElse(null);
        R resource = mapping.toFhir(
                record, revision, FhirPatient.fhirId(record.path("patientId").asString()), identifier);
        resource.setId(recordId);
        resource.getMeta()
                .setVersionId(
                        revision != null ? revision : record.path("revision").asString());
        return resource;
    }

    /**
     * The Patient a resource is about: {@code Patient/{id}}, or a conditional reference on the
     * pseudonymous id ({@code Patient?identifier=system|value}), so a batch can name the Patient it
     * creates in an earlier entry.
     */
    private FhirPatient subject(R resource) {
        String path = type() + ".subject";
        String reference = mapping.subject(resource).getReference();
        if (reference != null && reference.startsWith("Patient?")) {
            String patientId;
            try {
                patientId = ConditionalCreate.identifierValue(reference, Vocabularies.PATIENT_ID_SYSTEM);
            } catch (UnprocessableEntityException malformed) {
                throw Outcomes.unprocessable(path, "The subject's conditional reference: " + malformed.getMessage());
            }
            return patients.findByPatientId(patientId)
                    .orElseThrow(() -> Outcomes.unprocessable(
                            path, "Unknown Patient " + patientId + ": create the Patient first."));
        }
        IIdType id = mapping.subject(resource).getReferenceElement();
        if (!"Patient".equals(id.getResourceType()) || !id.hasIdPart()) {
            throw Outcomes.unprocessable(
                    path, "The subject is a Patient of this server: Patient/{id} or Patient?identifier=system|value.");
        }
        return patients.find(id.getIdPart())
                .orElseThrow(() -> Outcomes.unprocessable(
                        path, "Unknown Patient " + id.getIdPart() + ": create the Patient first."));
    }

    private Identifier identifier(R resource) {
        List<Identifier> all = mapping.identifiers(resource);
        if (all.size() > 1) {
            throw Outcomes.unprocessable(type() + ".identifier", "At most one identifier: the record's own.");
        }
        Identifier identifier = all.isEmpty() ? null : all.get(0);
        if (identifier != null && (!identifier.hasSystem() || !identifier.hasValue())) {
            throw Outcomes.unprocessable(type() + ".identifier[0]", "The identifier needs a system and a value.");
        }
        return identifier;
    }

    private static String recordId(IIdType id) {
        try {
            return UUID.fromString(id.getIdPart()).toString();
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** The service's warnings, each with the element of the sent resource it is about. */
    private List<String[]> warnings(JsonNode body, R sent) {
        List<String[]> warnings = new ArrayList<>();
        body.path("warnings")
                .forEach(warning ->
                        warnings.add(new String[] {mapping.warningPath(warning.asString(), sent), warning.asString()}));
        return warnings;
    }

    private MethodOutcome outcome(R resource, boolean created, List<String[]> warnings) {
        MethodOutcome outcome = new MethodOutcome(
                new IdType(type(), resource.getIdPart(), resource.getMeta().getVersionId()));
        outcome.setResource(resource);
        outcome.setCreated(created);
        if (!warnings.isEmpty()) {
            OperationOutcome issues = new OperationOutcome();
            warnings.forEach(warning ->
                    Outcomes.add(issues, IssueSeverity.WARNING, IssueType.INFORMATIONAL, warning[0], warning[1]));
            outcome.setOperationOutcome(issues);
        }
        return outcome;
    }
}
