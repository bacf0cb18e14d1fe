package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies the services' {@link OperationDocs}; fails on a key that names no operation. */
final class KeyedDocs {

    private final List<OperationDocs> docs;

    KeyedDocs(List<OperationDocs> docs) {
        this.docs = docs;
    }

    void apply(OpenAPI openApi) {
        Map<String, OperationDocs.Doc> byOperation = new LinkedHashMap<>();
        docs.forEach(d -> byOperation.putAll(d.byOperation()));
        docs.stream()
                .flatMap(d -> d.tags().stream())
                .forEach(tag -> openApi.addTagsItem(new Tag().name(tag.name()).description(tag.description())));
        Set<String> used = new HashSet<>();
        Operations.each(openApi, (path, method, operation) -> {
            String key = Operations.key(method, path);
            OperationDocs.Doc doc = byOperation.get(key);
            if (doc == null) {
                return;
            }
            used.add(key);
            operation
                    .tags(List.of(doc.tag()))
                    .operationId(doc.operationId())
                    .summary(doc.summary())
                    .description(doc.description());
            doc.problems()
                    .forEach((status, when) -> operation
                            .getResponses()
                            .addApiResponse(status.toString(), new ApiResponse().description(when)));
        });
        Set<String> unused = new HashSet<>(byOperation.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("Documentation for operations that do not exist: " + unused);
        }
    }
}
