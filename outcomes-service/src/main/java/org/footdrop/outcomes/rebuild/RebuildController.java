package org.footdrop.outcomes.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: rebuild the projections from the topics, and follow its progress. */
@Tag(name = "Projection rebuilds", description = "Rebuilding the outcome projections from the event topics")
@RestController
class RebuildController {

    private static final String CURRENT = "/api/v1/admin/projection-rebuilds/current";
    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(
            operationId = "startProjectionRebuild",
            summary = "Start a projection rebuild",
            description = "Rebuilds every projection from the beginning of the event topics, in the background; "
                    + "follow it at the Location answered.")
    @ApiResponse(
            responseCode = "202",
            description = "Started",
            useReturnTypeSchema = true,
            headers =
                    @Header(
                            name = "Location",
                            description = "Where to follow the rebuild",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running")
    @PostMapping("/api/v1/admin/projection-rebuilds")
    ResponseEntity<ProjectionRebuild.Status> start() {
        if (!rebuild.start()) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "A rebuild is already running; follow it at " + CURRENT,
                    List.of());
        }
        return ResponseEntity.accepted().location(URI.create(CURRENT)).body(rebuild.status());
    }

    @Operation(
            operationId = "currentProjectionRebuild",
            summary = "Follow the projection rebuild",
            description = "The progress of the running rebuild, or of the last one when none is running.")
    @GetMapping(CURRENT)
    ProjectionRebuild.Status current() {
        return rebuild.status();
    }
}
