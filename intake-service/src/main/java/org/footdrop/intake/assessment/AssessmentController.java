package org.footdrop.intake.assessment;

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
        name = "Assessments",
        description =
                "Baseline and follow-up assessments: MRC grades, gait speeds, timed up and go, FGA, LEFS and pain")
// Declared here, every operation keeps its success answer (springdoc adds none beside declared ones).
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "503",
        description = "The record store is unavailable; nothing was read or stored. Retry after Retry-After seconds.")
@RestController
@Validated
@RequestMapping("/api/v1")
class AssessmentController {

    private static final String KEY = "Idempotency-Key";
    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Operation(
            operationId = "recordAssessment",
            summary = "Record an assessment",
            description =
                    "Stores revision 1 of an assessment and publishes AssessmentRecorded. Repeating the request with the same Idempotency-Key answers the same record.")
    @PostMapping("/assessments")
    ResponseEntity<AssessmentResource> record(
            @Valid @RequestBody AssessmentRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RecordIdentifierHeader.HEADER, required = false) String identifier,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        var created = assessments.record(
                request, RecordIdentifierHeader.read(identifier), RequestContexts.of(idempotencyKey, correlationId));
        return CreatedResponses.of("/api/v1/assessments/" + created.record().id(), created)
                .body(AssessmentResource.of(created.record()));
    }

    @Operation(
            operationId = "findAssessment",
            summary = "Read an assessment",
            description = "The assessment at its current revision, voided or not; the ETag is its revision.")
    @GetMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> find(@PathVariable UUID assessmentId) {
        return respond(assessments.find(assessmentId));
    }

    @Operation(
            operationId = "listPatientAssessments",
            summary = "List a patient's assessments",
            description =
                    "Every assessment of the patient, oldest first, voided ones included and marked so; empty when there are none.")
    @GetMapping("/patients/{patientId}/assessments")
    List<AssessmentResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return assessments.findByPatient(patientId).stream()
                .map(AssessmentResource::of)
                .toList();
    }

    @Operation(
            operationId = "amendAssessment",
            summary = "Correct an assessment",
            description =
                    "Replaces the whole assessment with the body as its next revision. If-Match must name the current revision; the patient cannot change.")
    @PutMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> amend(
            @PathVariable UUID assessmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssessmentRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(assessments.amend(
                assessmentId,
                IfMatch.revision(ifMatch, true),
                request,
                RequestContexts.of(idempotencyKey, correlationId)));
    }

    @Operation(
            operationId = "voidAssessment",
            summary = "Void an assessment entered in error",
            description =
                    "Marks the assessment entered in error, with a reason that stays in this service. A void is final.")
    @DeleteMapping("/assessments/{assessmentId}")
    ResponseEntity<AssessmentResource> voidAssessment(
            @PathVariable UUID assessmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(assessments.voidAssessment(
                assessmentId,
                IfMatch.revision(ifMatch, false),
                request.reason(),
                RequestContexts.of(idempotencyKey, correlationId)));
    }

    private static ResponseEntity<AssessmentResource> respond(StoredRecord<AssessmentState> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(AssessmentResource.of(record));
    }
}
