package org.footdrop.support.openapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag, operation id, summary, description and own problem answers of operations whose
 * controllers carry no OpenAPI annotations, keyed like {@link RequestBodyExamples}
 * ({@code "GET /api/v1/data-quality"}). A key that names no operation fails the document, so a
 * moved endpoint cannot leave its documentation behind.
 */
public record OperationDocs(List<TagDoc> tags, Map<String, Doc> byOperation) {

    public record TagDoc(String name, String description) {}

    /**
     * @param problems the problem answers only this operation gives (status to when), beyond those
     *     every operation can give and those its parameters imply
     */
    public record Doc(
            String tag, String operationId, String summary, String description, Map<Integer, String> problems) {

        public Doc {
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        }

        public static Doc of(String tag, String operationId, String summary, String description) {
            return new Doc(tag, operationId, summary, description, Map.of());
        }

        public Doc withProblem(int status, String when) {
            Map<Integer, String> more = new LinkedHashMap<>(problems);
            more.put(status, when);
            return new Doc(tag, operationId, summary, description, more);
        }
    }
}
