package org.footdrop.intake.diagnosis;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.Evaluation;
import org.footdrop.support.idempotency.IdempotentRecordIds;
import org.footdrop.support.outbox.OutboxEntry;
import org.footdrop.support.outbox.OutboxWriter;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Records diagnoses durably with their events. */
@Service
class DiagnosisService {

    static final String SOURCE = "intake-service";
    private static final String CREATE_ENDPOINT = "POST /api/v1/diagnoses";

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final EventCodec codec;
    private final JsonMapper json;
    private final Clock clock;

    DiagnosisService(MongoTemplate mongo, OutboxWriter outbox, EventCodec codec, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        mongo.indexOps(DiagnosisDocument.COLLECTION).createIndex(new Index("revisionKey",
                org.springframework.data.domain.Sort.Direction.ASC).unique());
    }

    /** The created record, or the one an earlier request with the same key and body created. */
    Created record(DiagnosisRequest request, String caller, String idempotencyKey, String correlationId) {
        var problems = DiagnosisRules.check(request);
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
        UUID id = IdempotentRecordIds.recordId(caller, CREATE_ENDPOINT, idempotencyKey);
        String requestHash = IdempotentRecordIds.requestHash(json, request);
        // Millisecond precision: what the store keeps, so a replayed response equals the original.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        EventEnvelope event = EventEnvelope.of(new DiagnosisRecorded(id, 1, toContract(request)), request.patientId(),
                request.diagnosisDate().atStartOfDay(ZoneOffset.UTC).toInstant(), now, SOURCE, correlationId);
        OutboxEntry entry = OutboxEntry.pending(event, codec, now);
        var document = new DiagnosisDocument(id.toString(), request.patientId(), 1,
                DiagnosisDocument.revisionKey(id.toString(), 1), RecordStatus.ACTIVE, request, requestHash, now, null,
                Map.of(entry.eventId(), entry));
        try {
            return new Created(outbox.insert(document, DiagnosisDocument.COLLECTION, id.toString(), List.of(entry)),
                    true);
        } catch (DuplicateKeyException e) {
            return new Created(replay(id, requestHash), false);
        }
    }

    DiagnosisDocument find(UUID id) {
        DiagnosisDocument document = mongo.findById(id.toString(), DiagnosisDocument.class,
                DiagnosisDocument.COLLECTION);
        if (document == null) {
            throw ClinicalProblemException.notFound("Diagnosis " + id);
        }
        return document;
    }

    private DiagnosisDocument replay(UUID id, String requestHash) {
        DiagnosisDocument original = find(id);
        if (!Objects.equals(original.requestHash(), requestHash)) {
            throw new ClinicalProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT,
                    "This Idempotency-Key was already used with a different request body", List.of());
        }
        return original;
    }

    static Diagnosis toContract(DiagnosisRequest r) {
        List<Evaluation> evaluations = r.evaluations() == null ? List.of() : r.evaluations().stream()
                .map(e -> new Evaluation(e.kind(), e.modality(), e.finding()))
                .toList();
        return new Diagnosis(r.birthYear(), r.sex(), r.side(), r.indexSide(), r.diagnosisDate(), r.symptomOnsetDate(),
                r.causeCategory(), r.mechanism(), r.nerveRootLevel(), r.spasticity(), r.icd10Codes(), evaluations);
    }

    /** @param created false when an earlier request with the same Idempotency-Key created it */
    record Created(DiagnosisDocument document, boolean created) {
    }
}
