package org.footdrop.intake.diagnosis;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.footdrop.support.web.RequestContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/diagnoses")
class DiagnosisController {

    private final DiagnosisService diagnoses;

    DiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @PostMapping
    ResponseEntity<DiagnosisResource> record(@Valid @RequestBody DiagnosisRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        var result = diagnoses.record(request, RequestContext.caller(), RequestContext.idempotencyKey(idempotencyKey),
                RequestContext.correlationId(correlationId));
        DiagnosisDocument document = result.document();
        return ResponseEntity.created(URI.create("/api/v1/diagnoses/" + document.id()))
                .eTag(Integer.toString(document.revision()))
                .body(DiagnosisResource.of(document));
    }

    @GetMapping("/{diagnosisId}")
    ResponseEntity<DiagnosisResource> find(@PathVariable UUID diagnosisId) {
        DiagnosisDocument document = diagnoses.find(diagnosisId);
        return ResponseEntity.ok().eTag(Integer.toString(document.revision())).body(DiagnosisResource.of(document));
    }
}
