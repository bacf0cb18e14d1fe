package org.footdrop.fhir.therapy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.records.RecordKindMapping;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.server.ConditionalCreate;
import org.footdrop.fhir.server.Outcomes;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Reference;
import tools.jackson.databind.JsonNode;

/**
 * A Procedure {@code basedOn} a ServiceRequest to treatment-service's therapy session and back
 * (docs/fhir.md, "Therapy sessions"): one session of the prescription on one day, done ({@code
 * completed}, attended) or not ({@code not-done}, missed). It carries none of an injection's elements.
 */
public final class TherapySessionMapping extends RecordKindMapping<Procedure> {

    static final String BASED_ON = "Procedure.basedOn";

    private final RecordMap identifiers;

    public TherapySessionMapping(RecordMap identifiers) {
        super(Procedure.class, "/api/v1/therapy-sessions", "therapy-sessions", "sessionId");
        this.identifiers = identifiers;
    }

    /** A Procedure is a therapy session when it is based on a ServiceRequest (a prescription). */
    public static boolean isSession(Procedure procedure) {
        return procedure.getBasedOn().stream()
                .map(Reference::getReference)
                .anyMatch(TherapySessionMapping::isPrescription);
    }

    /** {@code ServiceRequest/{id}}, relative or absolute, or {@code ServiceRequest?identifier=...}. */
    private static boolean isPrescription(String reference) {
        return reference != null
                && (reference.startsWith("ServiceRequest?")
                        || "ServiceRequest".equals(new IdType(reference).getResourceType()));
    }

    @Override
    public String createPath(Procedure procedure) {
        return "/api/v1/therapies/" + therapyId(procedure) + "/sessions";
    }

    @Override
    public String unknownReferencePath() {
        return BASED_ON;
    }

    /** The prescription's id: {@code ServiceRequest/{id}}, or its identifier as a batch names it. */
    private String therapyId(Procedure procedure) {
        List<Reference> basedOn = procedure.getBasedOn();
        if (basedOn.size() != 1) {
            throw Outcomes.unprocessable(BASED_ON, "A therapy session is based on exactly one ServiceRequest.");
        }
        String reference = basedOn.get(0).getReference();
        if (!isPrescription(reference)) {
            throw Outcomes.unprocessable(BASED_ON, "A therapy session is based on a ServiceRequest.");
        }
        if (reference.startsWith("ServiceRequest?")) {
            String[] identifier;
            try {
                identifier = ConditionalCreate.identifier(reference);
            } catch (UnprocessableEntityException malformed) {
                throw Outcomes.unprocessable(
                        BASED_ON,
                        "A conditional reference names the identifier: ServiceRequest?identifier=system|value.");
            }
            return identifiers
                    .find("ServiceRequest", identifier[0], identifier[1])
                    .orElseThrow(() -> Outcomes.unprocessable(
                            BASED_ON,
                            "Unknown ServiceRequest " + identifier[0] + "|" + identifier[1]
                                    + ": create the prescription first (through this server)."));
        }
        String id = new IdType(reference).getIdPart();
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notOurs) {
            throw Outcomes.unprocessable(BASED_ON, "ServiceRequest/" + id + " is not a prescription of this server.");
        }
    }

    @Override
    public boolean entersInError(Procedure procedure) {
        return procedure.getStatus() == ProcedureStatus.ENTEREDINERROR;
    }

    @Override
    public Map<String, Object> toOwn(Procedure procedure, FhirPatient patient) {
        // refused before anything else when it names no prescription; sent, so that a correction
        // naming another prescription is refused, not kept silently under the first
        String therapyId = therapyId(procedure);
        if (procedure.hasNote()) {
            throw Outcomes.unprocessable(
                    "Procedure.note", "Free-text notes are not accepted through FHIR (docs/fhir.md).");
        }
        for (String injectionOnly : List.of("code", "bodySite", "usedCode", "complication")) {
            if (!procedure.getNamedProperty(injectionOnly).getValues().isEmpty()) {
                throw Outcomes.unprocessable(
                        "Procedure." + injectionOnly,
                        "A therapy session (a Procedure based on a ServiceRequest) carries no " + injectionOnly
                                + "; its therapy is its ServiceRequest's.");
            }
        }
        boolean attended;
        if (procedure.getStatus() == ProcedureStatus.COMPLETED) {
            attended = true;
        } else if (procedure.getStatus() == ProcedureStatus.NOTDONE) {
            attended = false;
        } else {
            throw Outcomes.unprocessable("Procedure.status", "A session is completed (attended) or not-done (missed).");
        }
        if (!procedure.hasPerformedDateTimeType()) {
            throw Outcomes.unprocessable("Procedure.performed", "A performedDateTime: the session's day.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", ServiceRequestMapping.date(procedure.getPerformedDateTimeType(), "Procedure.performed"));
        body.put("attended", attended);
        body.put("patientId", patient.patientId());
        body.put("therapyId", therapyId);
        return body;
    }

    @Override
    public Procedure toFhir(JsonNode session, String revision, String patientFhirId, Identifier identifier) {
        Procedure procedure = new Procedure();
        if (identifier != null) {
            procedure.addIdentifier(identifier);
        }
        boolean voided = "VOIDED".equals(session.path("status").asString());
        procedure.setStatus(
                voided
                        ? ProcedureStatus.ENTEREDINERROR
                        : session.path("attended").asBoolean() ? ProcedureStatus.COMPLETED : ProcedureStatus.NOTDONE);
        procedure.addBasedOn(
                new Reference("ServiceRequest/" + session.path("therapyId").asString()));
        procedure.setSubject(new Reference("Patient/" + patientFhirId));
        procedure.setPerformed(new DateTimeType(session.path("date").asString()));
        return procedure;
    }

    @Override
    public String fhirPath(String field) {
        switch (field) {
            case "date":
                return "Procedure.performed";
            case "attended":
                return "Procedure.status";
            case "patientId":
                return "Procedure.subject";
            case "therapyId":
                return BASED_ON;
            default:
                return "Procedure";
        }
    }
}
