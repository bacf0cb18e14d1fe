package org.footdrop.intake.benchmark;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
 * service's own store. No validation, no idempotency, no outbox (the audit filter records it, as it
 * does every request): the store's limit. With {@code inserts=k}, k-1 small documents (an id and a
 * time, like an outbox marker) are inserted first, one command each: the store's limit for a
 * request that needs k commands, as a clinical write does.</li>
 * <li>{@code POST /api/v1/benchmark/no-ops}: reads the body and answers; HTTP, JSON and the token
 * check alone.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/benchmark")
@Validated
@ConditionalOnProperty(name = "footdrop.benchmark.baseline.enabled", havingValue = "true")
class BenchmarkBaselineController {

    static final String COLLECTION = "benchmark_raw_inserts";
    static final String SMALL_COLLECTION = "benchmark_small_inserts";
    private static final int MAX_PAD = 64 * 1024;
    private static final int MAX_INSERTS = 16;

    private final MongoTemplate mongo;

    BenchmarkBaselineController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/raw-inserts")
    ResponseEntity<Void> rawInsert(
            @RequestBody String body,
            @RequestParam(name = "padBytes", defaultValue = "0") int padBytes,
            @RequestParam(name = "inserts", defaultValue = "1") @Min(1) @Max(MAX_INSERTS) int inserts) {
        // the small ones first, as a clinical write's marker and index come before its record
        for (int i = 1; i < inserts; i++) {
            mongo.insert(
                    new Document("_id", UUID.randomUUID().toString()).append("at", new java.util.Date()),
                    SMALL_COLLECTION);
        }
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
