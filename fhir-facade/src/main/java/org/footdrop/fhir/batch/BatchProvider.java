package org.footdrop.fhir.batch;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.footdrop.fhir.condition.ConditionProvider;
import org.footdrop.fhir.observation.ObservationProvider;
import org.footdrop.fhir.patient.PatientProvider;
import org.footdrop.fhir.procedure.ProcedureProvider;
import org.footdrop.fhir.server.IfMatch;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.server.SystemProvider;
import org.footdrop.fhir.therapy.ServiceRequestProvider;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A {@code batch} Bundle: each entry is carried out on its own, as if sent alone, and answered on its
 * own (its status, location and version, or its OperationOutcome); one refused entry leaves the
 * others as they are. A {@code transaction} is refused: its all-or-nothing meaning cannot be
 * honoured across two services that each commit their own records.
 */
@Component
public class BatchProvider implements SystemProvider {

    private static final Logger log = LoggerFactory.getLogger(BatchProvider.class);

    /** A clinic's day or an import chunk; a larger batch is split by the sender. */
    static final int MAX_ENTRIES = 1000;

    private final PatientProvider patients;
    private final ConditionProvider conditions;
    private final ProcedureProvider procedures;
    private final ObservationProvider observations;
    private final ServiceRequestProvider serviceRequests;
    private final ResourceValidator validator;

    public BatchProvider(
            PatientProvider patients,
            ConditionProvider conditions,
            ProcedureProvider procedures,
            ObservationProvider observations,
            ServiceRequestProvider serviceRequests,
            ResourceValidator validator) {
        this.patients = patients;
        this.conditions = conditions;
        this.procedures = procedures;
        this.observations = observations;
        this.serviceRequests = serviceRequests;
        this.validator = validator;
    }

    @Transaction
    public Bundle batch(@TransactionParam Bundle bundle) {
        if (bundle.getType() == Bundle.BundleType.TRANSACTION) {
            throw new UnprocessableEntityException(
                    "transaction refused",
                    Outcomes.issue(
                            IssueSeverity.ERROR,
                            IssueType.NOTSUPPORTED,
                            "Bundle.type",
                            "transaction Bundles are not supported: their records live in two services, so"
                                    + " all-or-nothing cannot be honoured. Send a batch; each entry is answered"
                                    + " on its own."));
        }
        if (bundle.getType() != Bundle.BundleType.BATCH) {
            throw Outcomes.unprocessable("Bundle.type", "Only batch Bundles are accepted here.");
        }
        if (bundle.getEntry().size() > MAX_ENTRIES) {
            throw Outcomes.unprocessable(
                    "Bundle.entry",
                    "At most " + MAX_ENTRIES + " entries in one batch; this one has "
                            + bundle.getEntry().size() + ". Nothing was written.");
        }
        Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        try (ResourceValidator.Ahead ahead = validator.validateAhead(written(entries))) {
            for (int i = 0; i < entries.size(); i++) {
                response.addEntry(answer(entries.get(i), i));
                ahead.passed(entries.get(i).getResource());
            }
        }
        return response;
    }

    /** The resources the entries create or update, as their providers will validate them. */
    private static List<Resource> written(List<Bundle.BundleEntryComponent> entries) {
        return entries.stream()
                .filter(entry -> entry.getResource() != null
                        && (entry.getRequest().getMethod() == Bundle.HTTPVerb.POST
                                || entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT))
                .map(Bundle.BundleEntryComponent::getResource)
                .toList();
    }

    private Bundle.BundleEntryComponent answer(Bundle.BundleEntryComponent entry, int index) {
        Bundle.BundleEntryComponent answer = new Bundle.BundleEntryComponent();
        try {
            MethodOutcome outcome = carryOut(entry, index);
            Bundle.BundleEntryResponseComponent response = answer.getResponse();
            boolean created = Boolean.TRUE.equals(outcome.getCreated());
            response.setStatus(created ? "201 Created" : "200 OK");
            if (outcome.getId() != null) {
                IdType id = new IdType(outcome.getId().getValue());
                response.setLocation(id.toUnqualified().getValue());
                if (id.hasVersionIdPart()) {
                    response.setEtag("W/\"" + id.getVersionIdPart() + "\"");
                }
            }
            if (outcome.getOperationOutcome() instanceof OperationOutcome issues) {
                response.setOutcome(issues);
            }
        } catch (BaseServerResponseException refused) {
            Bundle.BundleEntryResponseComponent response = answer.getResponse();
            response.setStatus(refused.getStatusCode() + " " + reason(refused.getStatusCode()));
            response.setOutcome(outcomeOf(refused, index));
        } catch (RuntimeException failed) {
            log.error("batch entry {} failed: {}", index, failed.getClass().getName());
            answer.getResponse()
                    .setStatus("500 Internal Server Error")
                    .setOutcome(Outcomes.issue(
                            IssueSeverity.FATAL,
                            IssueType.EXCEPTION,
                            "Bundle.entry[" + index + "]",
                            "The entry failed inside the server."));
        }
        return answer;
    }

    private MethodOutcome carryOut(Bundle.BundleEntryComponent entry, int index) {
        String where = "Bundle.entry[" + index + "]";
        Bundle.BundleEntryRequestComponent request = entry.getRequest();
        if (request.getMethod() == null || !request.hasUrl()) {
            throw Outcomes.unprocessable(where + ".request", "Each entry needs request.method and request.url.");
        }
        Resource resource = entry.getResource();
        IdType target = new IdType(request.getUrl());
        IdType versioned = IfMatch.versioned(target, request.getIfMatch());
        if (resource != null && request.getMethod() != Bundle.HTTPVerb.DELETE) {
            // as a single request's URL says what it writes: a Patient posted to Condition is a mistake
            String urlType = request.getMethod() == Bundle.HTTPVerb.POST
                    ? request.getUrl().replaceFirst("^/", "").replaceFirst("[/?].*", "")
                    : target.getResourceType();
            if (!resource.fhirType().equals(urlType)) {
                throw Outcomes.unprocessable(
                        where + ".request.url",
                        "The entry's " + resource.fhirType() + " is sent to " + request.getUrl()
                                + "; the URL names the resource's type.");
            }
            // an id HAPI took from a urn:uuid fullUrl names the entry, not the record
            if (request.getMethod() == Bundle.HTTPVerb.PUT
                    && resource.hasIdElement()
                    && !resource.getIdElement().getValue().startsWith("urn:")
                    && !resource.getIdElement().getIdPart().equals(target.getIdPart())) {
                throw Outcomes.unprocessable(
                        where + ".resource.id",
                        "The resource's id " + resource.getIdElement().getIdPart() + " is not the one its URL"
                                + " updates (" + target.getIdPart() + ").");
            }
        }
        switch (request.getMethod()) {
            case POST:
                if (resource instanceof Patient patient) {
                    return patients.create(patient, request.getIfNoneExist());
                }
                if (resource instanceof Condition condition) {
                    return conditions.create(condition, request.getIfNoneExist());
                }
                if (resource instanceof Procedure procedure) {
                    return procedures.create(procedure, request.getIfNoneExist());
                }
                if (resource instanceof Observation observation) {
                    return observations.create(observation, request.getIfNoneExist());
                }
                if (resource instanceof ServiceRequest serviceRequest) {
                    return serviceRequests.create(serviceRequest, request.getIfNoneExist());
                }
                break;
            case PUT:
                if (resource instanceof Patient patient) {
                    return patients.update(versioned, patient);
                }
                if (resource instanceof Condition condition) {
                    return conditions.update(versioned, condition);
                }
                if (resource instanceof Procedure procedure) {
                    return procedures.update(versioned, procedure);
                }
                if (resource instanceof Observation observation) {
                    return observations.update(versioned, observation);
                }
                if (resource instanceof ServiceRequest serviceRequest) {
                    return serviceRequests.update(versioned, serviceRequest);
                }
                break;
            case DELETE:
                if ("Condition".equals(target.getResourceType())) {
                    return conditions.delete(versioned);
                }
                if ("Procedure".equals(target.getResourceType())) {
                    return procedures.delete(versioned);
                }
                if ("Observation".equals(target.getResourceType())) {
                    return observations.delete(versioned);
                }
                if ("ServiceRequest".equals(target.getResourceType())) {
                    return serviceRequests.delete(versioned);
                }
                break;
            default:
                break;
        }
        throw new InvalidRequestException(
                "unsupported entry",
                Outcomes.issue(
                        IssueSeverity.ERROR,
                        IssueType.NOTSUPPORTED,
                        where + ".request",
                        request.getMethod() + " " + request.getUrl()
                                + " is not supported in a batch (docs/fhir.md, \"What is supported\")."));
    }

    private static OperationOutcome outcomeOf(BaseServerResponseException refused, int index) {
        if (refused.getOperationOutcome() instanceof OperationOutcome outcome) {
            return outcome;
        }
        return Outcomes.issue(
                IssueSeverity.ERROR, IssueType.PROCESSING, "Bundle.entry[" + index + "]", refused.getMessage());
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 409:
                return "Conflict";
            case 412:
                return "Precondition Failed";
            case 422:
                return "Unprocessable Entity";
            case 503:
                return "Service Unavailable";
            default:
                return "Error";
        }
    }
}
