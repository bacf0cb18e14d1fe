package org.footdrop.outcomes.rebuild;

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
@RestController
class RebuildController {

    private static final String CURRENT = "/api/v1/admin/projection-rebuilds/current";
    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

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

    @GetMapping(CURRENT)
    ProjectionRebuild.Status current() {
        return rebuild.status();
    }
}
