package org.footdrop.treatment.therapy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.security.RequestContexts;
import org.footdrop.support.web.CreatedResponses;
import org.footdrop.support.web.IfMatch;
import org.footdrop.support.web.RecordIdentifierHeader;
import org.footdrop.support.web.VoidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Therapies",
        description = "Prescribed adjunct therapies, their logged sessions and the adherence they add up to")
// Declared here, every operation keeps its success answer (springdoc adds none beside declared ones).
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "503",
        description = "The record store is unavailable; nothing was read or stored. Retry after Retry-After seconds.")
@RestController
@Validated
@RequestMapping("/api/v1")
class TherapyController {

    private static final String KEY = "Idempotency-Key";
    private static final String CORRELATION = RequestContext.CORRELATION_HEADER;
    private final TherapyService therapies;

    TherapyController(TherapyService therapies) {
        this.therapies = therapies;
    }

    @Operation(
            operationId = "prescribeTherapy",
            summary = "Prescribe a therapy",
            description =
                    "Stores revision 1 of a therapy and publishes TherapyPrescribed. Repeating the request with the same Idempotency-Key answers the same record. Sending Record-Identifier (system|value, the clinic's own id for the record) makes the record carry it: the same identifier with the same body answers the same record, with another body 409.")
    @PostMapping("/therapies")
    ResponseEntity<TherapyResource> prescribe(
            @Valid @RequestBody TherapyRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = RecordIdentifierHeader.HEADER, required = false) String identifier,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        var created = therapies.prescribe(
                request, RecordIdentifierHeader.read(identifier), RequestContexts.of(key, correlationId));
        StoredRecord<TherapyState> record = created.record();
        return CreatedResponses.of("/api/v1/therapies/" + record.id(), created)
                .body(TherapyResource.of(record, therapies.adherence(record)));
    }

    @Operation(
            operationId = "findTherapy",
            summary = "Read a therapy",
            description = "The therapy at its current revision with its adherence so far; the ETag is its revision.")
    @GetMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> find(@PathVariable UUID therapyId) {
        return respond(therapies.find(therapyId));
    }

    @Operation(
            operationId = "listPatientTherapies",
            summary = "List a patient's therapies",
            description =
                    "Every therapy of the patient with its adherence, oldest first, voided ones included and marked so.")
    @GetMapping("/patients/{patientId}/therapies")
    List<TherapyResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return therapies.findByPatient(patientId).stream()
                .map(r -> TherapyResource.of(r, therapies.adherence(r)))
                .toList();
    }

    @Operation(
            operationId = "amendTherapy",
            summary = "Correct a therapy",
            description =
                    "Replaces the whole therapy with the body as its next revision. If-Match must name the current revision; the patient cannot change.")
    @PutMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> amend(
            @PathVariable UUID therapyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TherapyRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respond(therapies.amend(
                therapyId, IfMatch.revision(ifMatch, true), request, RequestContexts.of(key, correlationId)));
    }

    @Operation(
            operationId = "voidTherapy",
            summary = "Void a therapy entered in error",
            description =
                    "Marks the therapy entered in error, with a reason that stays in this service. A void is final.")
    @DeleteMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> voidTherapy(
            @PathVariable UUID therapyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respond(therapies.voidTherapy(
                therapyId, IfMatch.revision(ifMatch, false), request.reason(), RequestContexts.of(key, correlationId)));
    }

    @Operation(
            operationId = "logTherapySession",
            summary = "Log a therapy session",
            description =
                    "Records one session of an active therapy, attended or missed, and publishes TherapySessionLogged. Repeating the request with the same Idempotency-Key answers the same record. Sending Record-Identifier (system|value, the clinic's own id for the record) makes the record carry it: the same identifier with the same body answers the same record, with another body 409.")
    @PostMapping("/therapies/{therapyId}/sessions")
    ResponseEntity<TherapySessionResource> logSession(
            @PathVariable UUID therapyId,
            @Valid @RequestBody TherapySessionRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = RecordIdentifierHeader.HEADER, required = false) String identifier,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        var created = therapies.logSession(
                therapyId, request, RecordIdentifierHeader.read(identifier), RequestContexts.of(key, correlationId));
        return CreatedResponses.of(
                        "/api/v1/therapy-sessions/" + created.record().id(), created)
                .body(TherapySessionResource.of(created.record()));
    }

    @Operation(
            operationId = "listTherapySessions",
            summary = "List a therapy's sessions",
            description = "Every session logged for the therapy, voided ones included and marked so.")
    @GetMapping("/therapies/{therapyId}/sessions")
    List<TherapySessionResource> sessions(@PathVariable UUID therapyId) {
        return therapies.sessionsOf(therapyId).stream()
                .map(TherapySessionResource::of)
                .toList();
    }

    @Operation(
            operationId = "amendTherapySession",
            summary = "Correct a therapy session",
            description =
                    "Replaces the whole session with the body as its next revision. If-Match must name the current revision.")
    @PutMapping("/therapies/{therapyId}/sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> amendSession(
            @PathVariable UUID therapyId,
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TherapySessionRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapySessionState> session = therapies.amendSession(
                therapyId, sessionId, IfMatch.revision(ifMatch, true), request, RequestContexts.of(key, correlationId));
        return respondSession(session);
    }

    @Operation(
            operationId = "voidTherapySession",
            summary = "Void a therapy session entered in error",
            description =
                    "Marks the session entered in error, with a reason that stays in this service. A void is final.")
    @DeleteMapping("/therapies/{therapyId}/sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> voidSession(
            @PathVariable UUID therapyId,
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapySessionState> session = therapies.voidSession(
                therapyId,
                sessionId,
                IfMatch.revision(ifMatch, false),
                request.reason(),
                RequestContexts.of(key, correlationId));
        return respondSession(session);
    }

    @Operation(
            operationId = "findTherapySession",
            summary = "Read a therapy session",
            description =
                    "The session at its current revision, voided or not, by its own id; the ETag is its revision.")
    @GetMapping("/therapy-sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> findSession(@PathVariable UUID sessionId) {
        return respondSession(therapies.findSession(sessionId));
    }

    @Operation(
            operationId = "listPatientTherapySessions",
            summary = "List a patient's therapy sessions",
            description =
                    "Every session of every therapy of the patient, oldest first, voided ones included and marked so.")
    @GetMapping("/patients/{patientId}/therapy-sessions")
    List<TherapySessionResource> sessionsOfPatient(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return therapies.sessionsOfPatient(patientId).stream()
                .map(TherapySessionResource::of)
                .toList();
    }

    @Operation(
            operationId = "amendTherapySessionById",
            summary = "Correct a therapy session by its own id",
            description =
                    "As PUT /therapies/{therapyId}/sessions/{sessionId}, for a caller that knows the session but not its therapy.")
    @PutMapping("/therapy-sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> amendSessionById(
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TherapySessionRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respondSession(therapies.amendSession(
                sessionId, IfMatch.revision(ifMatch, true), request, RequestContexts.of(key, correlationId)));
    }

    @Operation(
            operationId = "voidTherapySessionById",
            summary = "Void a therapy session by its own id",
            description =
                    "As DELETE /therapies/{therapyId}/sessions/{sessionId}, for a caller that knows the session but not its therapy.")
    @DeleteMapping("/therapy-sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> voidSessionById(
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respondSession(therapies.voidSession(
                sessionId, IfMatch.revision(ifMatch, false), request.reason(), RequestContexts.of(key, correlationId)));
    }

    private static ResponseEntity<TherapySessionResource> respondSession(StoredRecord<TherapySessionState> session) {
        return ResponseEntity.ok().eTag(session.etag()).body(TherapySessionResource.of(session));
    }

    private ResponseEntity<TherapyResource> respond(StoredRecord<TherapyState> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(TherapyResource.of(record, therapies.adherence(record)));
    }
}
