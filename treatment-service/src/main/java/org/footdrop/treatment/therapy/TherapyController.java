package org.footdrop.treatment.therapy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.Revisions;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.record.VoidRequest;
import org.footdrop.support.web.RequestContext;
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

    @PostMapping("/therapies")
    ResponseEntity<TherapyResource> prescribe(
            @Valid @RequestBody TherapyRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapyRequest> record = therapies.prescribe(
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId));
        return ResponseEntity.created(URI.create("/api/v1/therapies/" + record.id()))
                .eTag(record.etag())
                .body(TherapyResource.of(record, therapies.adherence(record)));
    }

    @GetMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> find(@PathVariable UUID therapyId) {
        return respond(therapies.find(therapyId));
    }

    @GetMapping("/patients/{patientId}/therapies")
    List<TherapyResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return therapies.findByPatient(patientId).stream()
                .map(r -> TherapyResource.of(r, therapies.adherence(r)))
                .toList();
    }

    @PutMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> amend(
            @PathVariable UUID therapyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TherapyRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respond(therapies.amend(
                therapyId,
                Revisions.fromIfMatch(ifMatch, true),
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId)));
    }

    @DeleteMapping("/therapies/{therapyId}")
    ResponseEntity<TherapyResource> voidTherapy(
            @PathVariable UUID therapyId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        return respond(therapies.voidTherapy(
                therapyId,
                Revisions.fromIfMatch(ifMatch, false),
                request.reason(),
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId)));
    }

    @PostMapping("/therapies/{therapyId}/sessions")
    ResponseEntity<TherapySessionResource> logSession(
            @PathVariable UUID therapyId,
            @Valid @RequestBody TherapySessionRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapySession> session = therapies.logSession(
                therapyId,
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId));
        return ResponseEntity.created(URI.create("/api/v1/therapies/" + therapyId + "/sessions/" + session.id()))
                .eTag(session.etag())
                .body(TherapySessionResource.of(session));
    }

    @GetMapping("/therapies/{therapyId}/sessions")
    List<TherapySessionResource> sessions(@PathVariable UUID therapyId) {
        return therapies.sessionsOf(therapyId).stream()
                .map(TherapySessionResource::of)
                .toList();
    }

    @PutMapping("/therapies/{therapyId}/sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> amendSession(
            @PathVariable UUID therapyId,
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TherapySessionRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapySession> session = therapies.amendSession(
                therapyId,
                sessionId,
                Revisions.fromIfMatch(ifMatch, true),
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId));
        return ResponseEntity.ok().eTag(session.etag()).body(TherapySessionResource.of(session));
    }

    @DeleteMapping("/therapies/{therapyId}/sessions/{sessionId}")
    ResponseEntity<TherapySessionResource> voidSession(
            @PathVariable UUID therapyId,
            @PathVariable UUID sessionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String key,
            @RequestHeader(name = CORRELATION, required = false) String correlationId) {
        StoredRecord<TherapySession> session = therapies.voidSession(
                therapyId,
                sessionId,
                Revisions.fromIfMatch(ifMatch, false),
                request.reason(),
                RequestContext.caller(),
                RequestContext.idempotencyKey(key),
                RequestContext.correlationId(correlationId));
        return ResponseEntity.ok().eTag(session.etag()).body(TherapySessionResource.of(session));
    }

    private ResponseEntity<TherapyResource> respond(StoredRecord<TherapyRequest> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(TherapyResource.of(record, therapies.adherence(record)));
    }
}
