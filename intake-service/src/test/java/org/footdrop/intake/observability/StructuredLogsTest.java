package org.footdrop.intake.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The service's own configuration (application.yml) in the docker profile makes every log line one
 * ECS JSON object, and without it readable text. Only logging is started here (an empty context),
 * so no second broker or store is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingButConfiguration {}

    @Test
    void shouldLogOneEcsJsonObjectPerLineInTheDockerProfile(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start("docker")) {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("structured log probe");
        }

        List<String> lines = output.getOut()
                .lines()
                .filter(line -> line.contains("structured log probe"))
                .toList();
        assertThat(lines).hasSize(1);
        JsonNode json = EventJson.mapper().readTree(lines.get(0));
        assertThat(json.has("@timestamp")).isTrue();
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("service").path("name").asString()).isEqualTo("intake-service");
        assertThat(json.path("ecs").path("version").isMissingNode()).isFalse();
    }

    @Test
    void shouldLogReadableTextOtherwise(CapturedOutput output) {
        try (ConfigurableApplicationContext ignored = start()) {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("text log probe");
        }

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("text log probe"))
                .findFirst()
                .orElseThrow();
        assertThat(line).doesNotStartWith("{").contains(" INFO ").contains("intake-service");
    }

    /** Leaves the JVM's logging as the other tests expect it: text. */
    @AfterAll
    static void restoreTextLogging() {
        start().close();
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        // Boot hands the format to logback through system properties, which outlive a context.
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.contains("LOG_STRUCTURED"))
                .forEach(System::clearProperty);
        // and logging configured once stays so (other test contexts in this JVM): let this one configure it
        LoggingSystem.get(StructuredLogsTest.class.getClassLoader()).cleanUp();
        SpringApplication application = new SpringApplicationBuilder(NothingButConfiguration.class)
                .web(WebApplicationType.NONE)
                .profiles(profiles)
                .logStartupInfo(false)
                .build();
        return application.run();
    }
}
