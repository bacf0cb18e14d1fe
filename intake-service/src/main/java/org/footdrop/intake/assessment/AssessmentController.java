package org.footdrop.intake.assessment;

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
class AssessmentController {

    private static final String KEY = "Idempotency-Key";
    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @PostMapping("/assessments")
    ResponseEntity<AssessmentResource> record(
            @Valid @RequestBody AssessmentRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        StoredRecord<AssessmentRequest> record = assessments
                .record(
                        request,
                        RequestContext.caller(),
                        RequestContext.idempotencyKey(idempotencyKey),
                        RequestContext.correlationId(correlationId))
                .record();
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + record.id()))
                .eTag(record.etag())
                .body(AssessmentResource.of(record));
    }

    @GetMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> find(@PathVariable UUID assessmentId) {
        return respond(assessments.find(assessmentId));
    }

    @GetMapping("/patients/{patientId}/assessments")
    List<AssessmentResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return assessments.findByPatient(patientId).stream()
                .map(AssessmentResource::of)
                .toList();
    }

    @PutMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> amend(
            @PathVariable UUID assessmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssessmentRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(assessments.amend(
                assessmentId,
                Revisions.fromIfMatch(ifMatch, true),
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(idempotencyKey),
                RequestContext.correlationId(correlationId)));
    }

    @DeleteMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> voidAssessment(
            @PathVariable UUID assessmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(assessments.voidAssessment(
                assessmentId,
                Revisions.fromIfMatch(ifMatch, false),
                request.reason(),
                RequestContext.caller(),
                RequestContext.idempotencyKey(idempotencyKey),
                RequestContext.correlationId(correlationId)));
    }

    private static ResponseEntity<AssessmentResource> respond(StoredRecord<AssessmentRequest> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(AssessmentResource.of(record));
    }
}
