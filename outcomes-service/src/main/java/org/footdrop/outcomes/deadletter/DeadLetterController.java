package org.footdrop.outcomes.deadletter;

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
@RestController
class DeadLetterController {

    static final int MAX_LISTED = 1000;

    private final DeadLetterTopic topic;
    private final Redrives redrives;

    DeadLetterController(DeadLetterTopic topic, Redrives redrives) {
        this.topic = topic;
        this.redrives = redrives;
    }

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

    @PostMapping("/api/v1/admin/dead-letters/{partition}/{offset}/redrives")
    ResponseEntity<DeadLetter> redrive(@PathVariable int partition, @PathVariable long offset) throws Exception {
        ConsumerRecord<byte[], byte[]> record = topic.at(partition, offset)
                .orElseThrow(() -> ClinicalProblemException.notFound("dead letter " + partition + "-" + offset));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(redrives.redrive(record, Caller.current().client()));
    }
}
