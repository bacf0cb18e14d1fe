package org.footdrop.intake.benchmark;

import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's reference points for ingest (issue 8, P1), mapped only when
 * {@code footdrop.benchmark.baseline.enabled=true} (never in production; off by default). Both sit
 * behind the same security chain as the clinical endpoints: POST under {@code /api/v1} needs the
 * clinical-writer role.
 * <ul>
 * <li>{@code POST /api/v1/benchmark/raw-inserts}: one raw insert of the posted body, padded with
 * {@code padBytes} characters so the document is as large as a stored clinical record, into the
 * service's own store. No validation, no idempotency, no outbox, no audit: the store's limit.</li>
 * <li>{@code POST /api/v1/benchmark/no-ops}: reads the body and answers; HTTP, JSON and the token
 * check alone.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/benchmark")
@ConditionalOnProperty(name = "footdrop.benchmark.baseline.enabled", havingValue = "true")
class BenchmarkBaselineController {

    static final String COLLECTION = "benchmark_raw_inserts";
    private static final int MAX_PAD = 64 * 1024;

    private final MongoTemplate mongo;

    BenchmarkBaselineController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/raw-inserts")
    ResponseEntity<Void> rawInsert(@RequestBody String body,
            @RequestParam(name = "padBytes", defaultValue = "0") int padBytes) {
        Document document = new Document("_id", UUID.randomUUID().toString())
                .append("body", Document.parse(body))
                .append("pad", "x".repeat(Math.max(0, Math.min(padBytes, MAX_PAD))));
        mongo.insert(document, COLLECTION);
        return ResponseEntity.status(201).build();
    }

    @PostMapping("/no-ops")
    ResponseEntity<Void> noOp(@RequestBody String body) {
        return ResponseEntity.noContent().build();
    }
}
