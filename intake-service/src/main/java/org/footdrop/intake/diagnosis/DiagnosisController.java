package org.footdrop.intake.diagnosis;

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
class DiagnosisController {

    private static final String KEY = "Idempotency-Key";
    private final DiagnosisService diagnoses;

    DiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @PostMapping("/diagnoses")
    ResponseEntity<DiagnosisResource> record(
            @Valid @RequestBody DiagnosisRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        StoredRecord<DiagnosisRequest> record = diagnoses
                .record(
                        request,
                        RequestContext.caller(),
                        RequestContext.idempotencyKey(idempotencyKey),
                        RequestContext.correlationId(correlationId))
                .record();
        return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + record.id()))
                .eTag(record.etag())
                .body(DiagnosisResource.of(record));
    }

    @GetMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> find(@PathVariable UUID diagnosisId) {
        return respond(diagnoses.find(diagnosisId));
    }

    @GetMapping("/patients/{patientId}/diagnoses")
    List<DiagnosisResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return diagnoses.findByPatient(patientId).stream()
                .map(DiagnosisResource::of)
                .toList();
    }

    @PutMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> amend(
            @PathVariable UUID diagnosisId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DiagnosisRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(diagnoses.amend(
                diagnosisId,
                Revisions.fromIfMatch(ifMatch, true),
                request,
                RequestContext.caller(),
                RequestContext.idempotencyKey(idempotencyKey),
                RequestContext.correlationId(correlationId)));
    }

    @DeleteMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> voidDiagnosis(
            @PathVariable UUID diagnosisId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(diagnoses.voidDiagnosis(
                diagnosisId,
                Revisions.fromIfMatch(ifMatch, false),
                request.reason(),
                RequestContext.caller(),
                RequestContext.idempotencyKey(idempotencyKey),
                RequestContext.correlationId(correlationId)));
    }

    private static ResponseEntity<DiagnosisResource> respond(StoredRecord<DiagnosisRequest> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(DiagnosisResource.of(record));
    }
}
