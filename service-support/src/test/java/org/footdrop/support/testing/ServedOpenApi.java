package org.footdrop.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document a running service serves, kept under target/openapi for the tools that read files. */
public final class ServedOpenApi {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ServedOpenApi() {}

    public static JsonNode fetch(Http http) {
        return http.get("/v3/api-docs").getBody();
    }

    /** Fetches the document and writes it, indented, to {@code target/openapi/<name>.json}. */
    public static Path save(Http http, String name) {
        return write(fetch(http), Path.of("target", "openapi", name + ".json"));
    }

    public static Path write(JsonNode document, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(document) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    /** The repository's root folder: the nearest one up from here holding the Maven wrapper. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }
}
