package org.footdrop.support.openapi;

import java.util.Map;

/**
 * Realistic request bodies for the OpenAPI document, as classpath JSON files keyed by operation
 * ({@code "POST /api/v1/diagnoses"}). The files are real requests: a test sends each one.
 */
public record RequestBodyExamples(Map<String, String> resourceByOperation) {

    /** Examples of 200 responses, keyed and stored the same way; a test compares them with real ones. */
    public record Responses(Map<String, String> resourceByOperation) {}
}
