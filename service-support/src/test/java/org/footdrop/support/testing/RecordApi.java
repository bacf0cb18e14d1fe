package org.footdrop.support.testing;

import java.util.List;
import java.util.function.Function;
import org.footdrop.contract.EventType;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of clinical record as its API exposes it, for the shared lifecycle tests.
 *
 * @param collection the path under /api/v1, e.g. {@code diagnoses}
 * @param idField the id's name in responses, e.g. {@code diagnosisId}
 * @param eventPrefix e.g. {@code intake.diagnosis}: events are {@code <prefix>-recorded} (or the
 *        given {@code recordedSuffix}), {@code -amended}, {@code -voided}
 * @param validBody a valid body for a patient
 * @param amendedBody a different valid body for the same patient
 * @param stateField the payload field holding the clinical state, e.g. {@code diagnosis}
 * @param lifeEvents the event types of its creation, amend and void, whose golden samples the
 *        emitted events must match
 */
public record RecordApi(
        String collection,
        String idField,
        String topic,
        String eventPrefix,
        String recordedSuffix,
        Function<String, ObjectNode> validBody,
        Function<String, ObjectNode> amendedBody,
        String stateField,
        List<EventType> lifeEvents) {

    public String path() {
        return "/api/v1/" + collection;
    }
}
