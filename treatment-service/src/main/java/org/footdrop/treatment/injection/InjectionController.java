package org.footdrop.treatment.injection;

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
        name = "Injections",
        description = "Injections of a patient's series: technique, solution, volume and the warnings they raise")
// Declared here, every operation keeps its success answer (springdoc adds none beside declared ones).
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "503",
        description = "The record store is unavailable; nothing was read or stored. Retry after Retry-After seconds.")
@RestController
@Validated
@RequestMapping("/api/v1")
class InjectionController {

    private static final String KEY = "Idempotency-Key";
    private final InjectionService injections;

    InjectionController(InjectionService injections) {
        this.injections = injections;
    }

    @Operation(
            operationId = "administerInjection",
            summary = "Record an injection",
            description =
                    "Stores revision 1 of an injection and publishes InjectionAdministered; the answer carries any clinical warnings. Repeating the request with the same Idempotency-Key answers the same record.")
    @PostMapping("/injections")
    ResponseEntity<InjectionResource> administer(
            @Valid @RequestBody InjectionRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RecordIdentifierHeader.HEADER, required = false) String identifier,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        var result = injections.administer(
                request, RecordIdentifierHeader.read(identifier), RequestContexts.of(idempotencyKey, correlationId));
        return CreatedResponses.of("/api/v1/injections/" + result.injection().id(), result.created())
                .body(InjectionResource.of(result.injection(), result.warnings()));
    }

    @Operation(
            operationId = "findInjection",
            summary = "Read an injection",
            description = "The injection at its current revision, voided or not; the ETag is its revision.")
    @GetMapping("/injections/{injectionId}")
    ResponseEntity<InjectionResource> find(@PathVariable UUID injectionId) {
        StoredRecord<InjectionState> record = injections.find(injectionId);
        return ResponseEntity.ok().eTag(record.etag()).body(InjectionResource.of(record, List.of()));
    }

    /** The patient's series: every injection in administration order, voided ones unnumbered. */
    @Operation(
            operationId = "listPatientInjections",
            summary = "List a patient's injection series",
            description =
                    "Every injection of the patient in administration order; voided ones are listed but not numbered.")
    @GetMapping("/patients/{patientId}/injections")
    List<InjectionResource> series(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return injections.series(patientId).stream().map(InjectionResource::of).toList();
    }

    @Operation(
            operationId = "amendInjection",
            summary = "Correct an injection",
            description =
                    "Replaces the whole injection with the body as its next revision. If-Match must name the current revision; the patient cannot change.")
    @PutMapping("/injections/{injectionId}")
    ResponseEntity<InjectionResource> amend(
            @PathVariable UUID injectionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody InjectionRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId,
            @Parameter(
                            description = "true from a sender that cannot carry free text (the FHIR facade): an"
                                    + " adverse event sent without a note keeps the note of a stored event of the same"
                                    + " type, the first not taken yet")
                    @RequestHeader(name = KeptNotes.HEADER, required = false, defaultValue = "false")
                    boolean keepNotes) {
        var result = injections.amend(
                injectionId,
                IfMatch.revision(ifMatch, true),
                request,
                keepNotes,
                RequestContexts.of(idempotencyKey, correlationId));
        return ResponseEntity.ok()
                .eTag(result.injection().etag())
                .body(InjectionResource.of(result.injection(), result.warnings()));
    }

    @Operation(
            operationId = "voidInjection",
            summary = "Void an injection entered in error",
            description =
                    "Marks the injection entered in error, with a reason that stays in this service. A void is final.")
    @DeleteMapping("/injections/{injectionId}")
    ResponseEntity<InjectionResource> voidInjection(
            @PathVariable UUID injectionId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody VoidRequest request,
            @RequestHeader(name = KEY, required = false) String idempotencyKey,
            @RequestHeader(name = RequestContext.CORRELATION_HEADER, required = false) String correlationId) {
        StoredRecord<InjectionState> record = injections.voidInjection(
                injectionId,
                IfMatch.revision(ifMatch, false),
                request.reason(),
                RequestContexts.of(idempotencyKey, correlationId));
        return ResponseEntity.ok().eTag(record.etag()).body(InjectionResource.of(record, List.of()));
    }
}
