package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service serves exactly the document committed as docs/api/&lt;service&gt;.json, the contract
 * clients generate from (intake-service's build generates its test client from its own), so the
 * two cannot drift apart. After a deliberate change of the API, write the served document over the
 * committed one and review the difference:
 * {@code ./mvnw -B -pl <service> -am verify -Dtest=CommittedOpenApiTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfootdrop.openapi.write=true}.
 */
public abstract class CommittedOpenApiContract {

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String service;

    @Test
    void shouldServeTheCommittedDocument() {
        JsonNode served = ServedOpenApi.fetch(new Http(port));
        Path committed = ServedOpenApi.repositoryRoot().resolve(Path.of("docs", "api", service + ".json"));
        if (Boolean.getBoolean("footdrop.openapi.write")) {
            ServedOpenApi.write(served, committed);
        }
        Path copy = ServedOpenApi.write(served, Path.of("target", "openapi", service + ".json"));

        assertThat(Files.exists(committed)).as("%s is committed", committed).isTrue();
        assertThat(ServedOpenApi.read(committed).equals(served))
                .as(
                        "The served document (%s) differs from %s: diff them; if the change is meant, write it over "
                                + "with -Dfootdrop.openapi.write=true (see this class)",
                        copy.toAbsolutePath(), committed)
                .isTrue();
    }
}
