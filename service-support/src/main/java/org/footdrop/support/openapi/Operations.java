package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/** Walks every operation of a document with its path and method. */
final class Operations {

    interface Visitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    private Operations() {}

    static void each(OpenAPI openApi, Visitor visitor) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> visitor.visit(path, method, operation)));
    }

    static String key(PathItem.HttpMethod method, String path) {
        return method.name() + " " + path;
    }
}
