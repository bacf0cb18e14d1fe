package org.footdrop.support.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.security.RequestContexts;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Imports", description = "Bulk import of a clinic's existing records: one NDJSON file, one resumable job")
@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
@ApiResponse(
        responseCode = "503",
        description = "The record store is unavailable; nothing was read or stored. Retry after Retry-After seconds.")
@RestController
@Validated
class ImportController {

    static final String NDJSON = "application/x-ndjson";

    /** A clinic's file: every kind, a correction and a void; each service applies its own kinds. */
    static final String EXAMPLE = """
            {"kind":"diagnosis","key":"dx-2019-0042","body":{"patientId":"fd-pt-000123","birthYear":1961,\
            "side":"LEFT","diagnosisDate":"2019-03-04","symptomOnsetDate":"2019-02-20",\
            "causeCategory":"FIBULAR_NERVE_AT_KNEE","mechanism":"POSTURAL_COMPRESSION"}}
            {"kind":"assessment","key":"as-2019-0107","body":{"patientId":"fd-pt-000123",\
            "assessedAt":"2019-03-04T09:30:00Z","kind":"BASELINE","side":"LEFT",\
            "measures":{"mrcAnkleDorsiflexion":"2","gaitSpeedComfortable":0.58}}}
            {"kind":"injection","key":"inj-2019-0311","body":{"patientId":"fd-pt-000123",\
            "administeredAt":"2019-03-11T10:05:00Z","technique":"NERVE_HYDRODISSECTION",\
            "target":"FIBULAR_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",\
            "volumeMl":10.0,"durationMinutes":30}}
            {"kind":"therapy","key":"pt-2019-0015","body":{"patientId":"fd-pt-000123",\
            "type":"PHYSICAL_THERAPY","startDate":"2019-03-12","sessionsPerWeek":2,"plannedWeeks":8}}
            {"kind":"therapySession","key":"ses-2019-0201","patientId":"fd-pt-000123",\
            "therapyKey":"pt-2019-0015","body":{"date":"2019-03-14","attended":true}}
            {"kind":"assessment","key":"as-2019-0107","action":"amend","body":{"patientId":"fd-pt-000123",\
            "assessedAt":"2019-03-04T09:30:00Z","kind":"BASELINE","side":"LEFT",\
            "measures":{"mrcAnkleDorsiflexion":"2+","gaitSpeedComfortable":0.58}}}
            {"kind":"injection","key":"inj-2019-0311","action":"void","patientId":"fd-pt-000123",\
            "reason":"charted for the wrong visit"}
            """;

    private static final String JOB_ID = "[0-9a-f-]{36}";

    private final Importer importer;
    private final ImportJobs jobs;
    private final JsonMapper json;

    ImportController(Importer importer, ImportJobs jobs, JsonMapper json) {
        this.importer = importer;
        this.jobs = jobs;
        this.json = json;
    }

    @Operation(
            operationId = "startImport",
            summary = "Import a file of records",
            description = "Reads the whole file (streamed, up to footdrop.import.max-file-size), then answers 202 with"
                    + " the job, which applies the lines of the kinds this service owns in the background. One"
                    + " record per line: {kind, key, action?, patientId?, therapyKey?, body?, reason?}, the body as"
                    + " the per-record API takes it, the key the clinic's own id for the record in `system`. Lines"
                    + " already imported with the same body are counted as already present; a known key with"
                    + " another body is refused (send an amend). Lines of kinds another service owns are left to"
                    + " it: send the same file there.",
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "202", description = "The job, queued", useReturnTypeSchema = true)
    @PostMapping(path = "/api/v1/imports", consumes = NDJSON)
    ResponseEntity<ImportJob> start(
            HttpServletRequest request,
            @Parameter(description = "The system the line keys belong to, e.g. the old record system's name")
                    @RequestParam(defaultValue = "import")
                    @Pattern(regexp = "[A-Za-z0-9:._/-]{1,128}", message = "must match [A-Za-z0-9:._/-]{1,128}")
                    String system)
            throws IOException {
        RequestContext caller = RequestContexts.of(null, null);
        String jobId = importer.receive(request.getInputStream(), system, caller);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/imports/" + jobId))
                .body(jobs.view(owned(jobId)));
    }

    @Operation(
            operationId = "findImport",
            summary = "Follow an import",
            description = "Its state and progress: lines read, accepted, already present, refused, and the rate."
                    + " Only the caller who started it sees it.")
    @GetMapping("/api/v1/imports/{jobId}")
    ImportJob find(@PathVariable @Pattern(regexp = JOB_ID) String jobId) {
        return jobs.view(owned(jobId));
    }

    @Operation(
            operationId = "listImportRefusals",
            summary = "Download an import's refused lines",
            description = "NDJSON, one refused line per line: its number, kind, key and the problem details the"
                    + " per-record API would have answered.")
    @ApiResponse(
            responseCode = "200",
            description = "The refused lines",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/imports/{jobId}/refusals", produces = NDJSON)
    void refusals(@PathVariable @Pattern(regexp = JOB_ID) String jobId, HttpServletResponse response)
            throws IOException {
        owned(jobId);
        writeRefusals(jobId, response);
    }

    @Operation(
            operationId = "listImportsForAdmin",
            summary = "List the latest imports",
            description = "Every caller's jobs, newest first, with their state and progress: what an admin follows."
                    + " A job's starter follows it at /api/v1/imports/{jobId}.")
    @GetMapping("/api/v1/admin/imports")
    List<ImportJob> latest(
            @Parameter(description = "How many jobs, the newest first")
                    @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 500, message = "must be at most 500")
                    int limit) {
        return jobs.latest(limit).stream().map(jobs::view).toList();
    }

    @Operation(
            operationId = "listImportRefusalsForAdmin",
            summary = "Download any import's refused lines",
            description = "As /api/v1/imports/{jobId}/refusals, for an admin following every caller's jobs.")
    @ApiResponse(
            responseCode = "200",
            description = "The refused lines",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/admin/imports/{jobId}/refusals", produces = NDJSON)
    void refusalsForAdmin(@PathVariable @Pattern(regexp = JOB_ID) String jobId, HttpServletResponse response)
            throws IOException {
        jobs.document(jobId).orElseThrow(() -> ClinicalProblemException.notFound("Import " + jobId));
        writeRefusals(jobId, response);
    }

    private void writeRefusals(String jobId, HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        OutputStream out = response.getOutputStream();
        try {
            jobs.eachRefusal(jobId, refusal -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("line", refusal.get("line"));
                line.put("kind", refusal.getString("kind"));
                line.put("key", refusal.getString("key"));
                line.put("problem", refusal.get("problem"));
                try {
                    out.write(json.writeValueAsBytes(line));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away mid-download
        }
    }

    @Operation(
            operationId = "cancelImport",
            summary = "Cancel an import",
            description = "Stops the job after its current batch: what was imported stays. A finished job answers 409.")
    @DeleteMapping("/api/v1/imports/{jobId}")
    ResponseEntity<ImportJob> cancel(@PathVariable @Pattern(regexp = JOB_ID) String jobId) {
        owned(jobId);
        if (!importer.cancel(jobId)) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Import " + jobId + " has finished", List.of());
        }
        return ResponseEntity.accepted().body(jobs.view(owned(jobId)));
    }

    /** A job is its starter's: anyone else is told it does not exist. */
    private Document owned(String jobId) {
        RequestContext caller = RequestContexts.of(null, null);
        return jobs.document(jobId)
                .filter(job -> caller.client().equals(job.getString("client"))
                        && caller.subject().equals(job.getString("subject")))
                .orElseThrow(() -> ClinicalProblemException.notFound("Import " + jobId));
    }
}
