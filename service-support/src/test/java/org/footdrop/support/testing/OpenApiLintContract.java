package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document passes Redocly CLI's recommended rules with no error and no warning
 * (tools/openapi-lint/redocly.yaml holds the rules and any suppression, each with its reason). The
 * CLI is the pinned one that .ci/run installs with {@code npm ci --prefix tools/openapi-lint}; where
 * Node or the CLI is missing the test is skipped and says so, except in CI, where it fails.
 */
public abstract class OpenApiLintContract {

    private static final Path TOOLS = Path.of("tools", "openapi-lint");

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String service;

    @Test
    void shouldPassRedoclysRecommendedRulesWithoutAnyWarning() throws Exception {
        Path tools = ServedOpenApi.repositoryRoot().resolve(TOOLS);
        Path cli = tools.resolve("node_modules/.bin/redocly");
        requireTool(
                Files.isExecutable(cli) && nodeRuns(),
                "Redocly CLI not installed (needs Node and `npm ci --prefix " + TOOLS + "`, as .ci/run does)");
        Path document = ServedOpenApi.save(new Http(port), service);
        Path report = document.resolveSibling(service + "-lint.json");
        Path log = document.resolveSibling(service + "-lint.log");

        ProcessBuilder command = new ProcessBuilder(
                        cli.toString(),
                        "lint",
                        document.toAbsolutePath().toString(),
                        "--config=" + tools.resolve("redocly.yaml"),
                        "--format=json")
                .redirectOutput(report.toFile())
                .redirectError(log.toFile());
        // A test calls no one: no usage data sent, no update check.
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = command.start();
        lint.getOutputStream().close();
        if (!lint.waitFor(2, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("redocly lint did not finish in 2 minutes");
        }

        String output = Files.readString(report, StandardCharsets.UTF_8);
        if (output.isBlank()) {
            fail("redocly lint wrote no report (exit " + lint.exitValue() + "): " + Files.readString(log));
        }
        JsonNode result = JsonMapper.shared().readTree(output);
        List<String> problems = result.path("problems")
                .valueStream()
                .map(p -> p.path("severity").asString() + " " + p.path("ruleId").asString() + " at "
                        + p.path("location").path(0).path("pointer").asString() + ": "
                        + p.path("message").asString())
                .toList();
        assertThat(problems)
                .as("Redocly's findings on %s (full report: %s)", document, report)
                .isEmpty();
        assertThat(result.path("totals").path("errors").asInt()).isZero();
        assertThat(result.path("totals").path("warnings").asInt()).isZero();
    }

    private static void requireTool(boolean present, String message) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(message + "; CI must install it");
        }
        Assumptions.assumeTrue(present, message);
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
