package org.footdrop.intake.diagnosis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.KeptNotes;
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
        name = "Diagnoses",
        description = "The foot drop diagnosis of a patient: cause, mechanism, side, onset and the clinical evaluation")
// Declared here, every operation keeps its success answer (springdoc adds none beside declared ones).
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "503",
        description = "The record store is unavailable; nothing was read or stored. Retry after Retry-After seconds.")
@RestController
@Validated
@RequestMapping("/api/v1")
class DiagnosisController {

    private static final String KEY = "Idempotency-Key";
    private final DiagnosisService diagnoses;

    DiagnosisController(DiagnosisService diagnoses) {
        this.diagnoses = diagnoses;
    }

    @Operation(
            operationId = "recordDiagnosis",
            summary = "Record a diagnosis",
            description =
                    "Stores revision 1 of a diagnosis and publishes DiagnosisRecorded. Repeating the request with the same Idempotency-Key answers the same record. Sending Record-Identifier (system|value, the clinic's own id for the record) makes the record carry it: the same identifier with the same body answers the same record, with another body 409.")
    @PostMapping("/diagnoses")
    ResponseEntity<DiagnosisResource> record(
            @Valid @RequestBody DiagnosisRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RecordIdentifierHeader.HEADER, required = false) String identifier,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        var created = diagnoses.record(
                request, RecordIdentifierHeader.read(identifier), RequestContexts.of(idempotencyKey, correlationId));
        return CreatedResponses.of("/api/v1/diagnoses/" + created.record().id(), created)
                .body(DiagnosisResource.of(created.record()));
    }

    @Operation(
            operationId = "findDiagnosis",
            summary = "Read a diagnosis",
            description = "The diagnosis at its current revision, voided or not; the ETag is its revision.")
    @GetMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> find(@PathVariable UUID diagnosisId) {
        return respond(diagnoses.find(diagnosisId));
    }

    @Operation(
            operationId = "listPatientDiagnoses",
            summary = "List a patient's diagnoses",
            description =
                    "Every diagnosis of the patient, oldest first, voided ones included and marked so; empty when there are none.")
    @GetMapping("/patients/{patientId}/diagnoses")
    List<DiagnosisResource> findByPatient(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return diagnoses.findByPatient(patientId).stream()
                .map(DiagnosisResource::of)
                .toList();
    }

    @Operation(
            operationId = "amendDiagnosis",
            summary = "Correct a diagnosis",
            description =
                    "Replaces the whole diagnosis with the body as its next revision. If-Match must name the current revision; the patient cannot change.")
    @PutMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> amend(
            @PathVariable UUID diagnosisId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DiagnosisRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId,
            @Parameter(
                            description = "true from a sender that cannot carry free text (the FHIR facade): an"
                                    + " evaluation sent without a note keeps the note of a stored evaluation with the"
                                    + " same kind, modality and finding, the first not taken yet")
                    @RequestHeader(name = KeptNotes.HEADER, required = false, defaultValue = "false")
                    boolean keepNotes) {
        return respond(diagnoses.amend(
                diagnosisId,
                IfMatch.revision(ifMatch, true),
                request,
                keepNotes,
                RequestContexts.of(idempotencyKey, correlationId)));
    }

    @Operation(
            operationId = "voidDiagnosis",
            summary = "Void a diagnosis entered in error",
            description =
                    "Marks the diagnosis entered in error, with a reason that stays in this service. A void is final.")
    @DeleteMapping("/diagnoses/{diagnosisId}")
    ResponseEntity<DiagnosisResource> voidDiagnosis(
            @PathVariable UUID diagnosisId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return respond(diagnoses.voidDiagnosis(
                diagnosisId,
                IfMatch.revision(ifMatch, false),
                request.reason(),
                RequestContexts.of(idempotencyKey, correlationId)));
    }

    @Operation(
            operationId = "correctPatientDemographics",
            summary = "Correct a patient's birth year and sex on every diagnosis",
            description = "Each diagnosis carries the patient's birth year and sex. This sets them on every"
                    + " diagnosis of the patient that is not voided and holds other values, each as its next"
                    + " revision (with its event), under the rules of any amend; notes stay. Answers each"
                    + " diagnosis's id, revision and whether it was amended, nothing of their content. A repeat"
                    + " changes nothing; a patient without diagnoses answers an empty list. 409 when a diagnosis"
                    + " stored under older rules does not meet today's (each field named as"
                    + " diagnoses[id].field; nothing is corrected: amend it first), or when a diagnosis kept being"
                    + " amended meanwhile (try again).")
    @PutMapping("/patients/{patientId}/demographics")
    List<DemographicsCorrection.Corrected> correctDemographics(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId,
            @Valid @RequestBody DemographicsCorrection correction,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        return diagnoses.correctDemographics(patientId, correction, RequestContexts.of(idempotencyKey, correlationId));
    }

    private static ResponseEntity<DiagnosisResource> respond(StoredRecord<DiagnosisState> record) {
        return ResponseEntity.ok().eTag(record.etag()).body(DiagnosisResource.of(record));
    }
}
