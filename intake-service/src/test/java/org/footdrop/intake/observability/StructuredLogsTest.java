package org.footdrop.intake.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.footdrop.contract.EventJson;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** In the docker profile every log line is one JSON object (ECS) that a log shipper can parse. */
@EmbeddedInfrastructure
@ActiveProfiles("docker")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Test
    void shouldLogOneEcsJsonObjectPerLine(CapturedOutput output) {
        // logging is configured by the context just started for this class, in the docker profile
        LoggerFactory.getLogger(StructuredLogsTest.class).info("structured log probe");
        List<String> lines = output.getOut().lines().filter(line -> line.contains("structured log probe")).toList();

        assertThat(lines).hasSize(1);
        for (String line : lines) {
            JsonNode json = EventJson.mapper().readTree(line);
            assertThat(json.has("@timestamp")).as(line).isTrue();
            assertThat(json.path("log").path("level").isString() || json.has("log.level")).as(line).isTrue();
            assertThat(json.path("service").path("name").asString(json.path("service.name").asString()))
                    .as(line).isEqualTo("intake-service");
        }
    }
}
