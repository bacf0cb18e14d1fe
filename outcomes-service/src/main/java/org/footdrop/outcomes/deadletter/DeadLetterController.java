package org.footdrop.outcomes.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.footdrop.support.security.Caller;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: what is on the dead-letter topic (no payloads), and re-driving a record once its cause is fixed. */
@Tag(name = "Dead letters", description = "Events the projections could not apply, and re-driving them")
@RestController
class DeadLetterController {

    static final int MAX_LISTED = 1000;
    private static final String UNAVAILABLE = "The store of re-drives is unavailable. Retry after Retry-After seconds.";

    private final DeadLetterTopic topic;
    private final Redrives redrives;

    DeadLetterController(DeadLetterTopic topic, Redrives redrives) {
        this.topic = topic;
        this.redrives = redrives;
    }

    @Operation(
            operationId = "listDeadLetters",
            summary = "List dead letters",
            description = "The records on the dead-letter topic, oldest first: where they came from, why they "
                    + "failed and whether they were re-driven; never their payloads.")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE)
    @GetMapping("/api/v1/admin/dead-letters")
    List<DeadLetter> list(@RequestParam(defaultValue = "" + MAX_LISTED) int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem("limit", "1.." + MAX_LISTED)));
        }
        List<ConsumerRecord<byte[], byte[]>> records = topic.all(limit);
        Map<String, DeadLetter.Redrive> redriven = redrives.known(
                records.stream().map(r -> r.partition() + "-" + r.offset()).toList());
        return records.stream()
                .map(r -> DeadLetterTopic.describe(r, redriven.get(r.partition() + "-" + r.offset())))
                .toList();
    }

    @Operation(
            operationId = "redriveDeadLetter",
            summary = "Re-drive a dead letter",
            description = "Publishes the dead letter again on the topic it came from, once its cause is fixed. "
                    + "Each dead letter is re-driven at most once.")
    @ApiResponse(responseCode = "201", description = "Re-driven: where to and by whom", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE)
    @ApiResponse(responseCode = "404", description = "No dead letter at this partition and offset")
    @ApiResponse(
            responseCode = "409",
            description = "Already re-driven, being re-driven by another request now (try again shortly), or the "
                    + "dead letter does not say which topic it came from")
    @PostMapping("/api/v1/admin/dead-letters/{partition}/{offset}/redrives")
    ResponseEntity<DeadLetter> redrive(@PathVariable int partition, @PathVariable long offset) throws Exception {
        ConsumerRecord<byte[], byte[]> record = topic.at(partition, offset)
                .orElseThrow(() -> ClinicalProblemException.notFound("dead letter " + partition + "-" + offset));
        // by whom: the person (or, with a client-credentials token, the client, which is then its subject)
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(redrives.redrive(record, Caller.current().subject()));
    }
}
