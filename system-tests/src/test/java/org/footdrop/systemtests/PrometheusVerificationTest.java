package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.FreePorts;
import org.footdrop.stack.LocalAuthorizationServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard and the alerts checked against a real Prometheus (Debian's) scraping the running
 * system with the ops client's token while traffic flows: every panel query returns series, every
 * alert expression without its comparison returns series, and the dead-letter and outbox alerts
 * fire when a poison record is sent and the broker is stopped. The rules are the repository's
 * own, with each {@code for:} set to 0 s so the test need not wait out the hold times.
 */
@Tag("system")
class PrometheusVerificationTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Pattern COMPARISON =
            Pattern.compile("^(.*?)\\s*(==|!=|>=|<=|>|<)\\s*[-+0-9.eE]+\\s*$", Pattern.DOTALL);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void shouldShowEveryPanelAndFireTheDeadLetterAndOutboxAlerts() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "Debian's prometheus is not installed (.ci/run installs it)");
        Path repo = RunningSystem.repoRoot();
        try (RunningSystem system =
                RunningSystem.start(data.resolve("system"), Map.of("FOOTDROP_OUTBOX_BACKLOG_INTERVAL", "1s"))) {
            int port = FreePorts.next();
            Process prometheus = startPrometheus(repo, system, port);
            String api = "http://127.0.0.1:" + port;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> status(api + "/-/ready") == 200);
                traffic(system, Duration.ofSeconds(20));
                // the three services and the authorization server
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(query(api, "up{job=\"footdrop-services\"} == 1"))
                                .as(
                                        "targets up: %s",
                                        get(api + "/api/v1/targets")
                                                .path("data")
                                                .path("activeTargets"))
                                .hasSize(4));

                // every panel of the dashboard shows data
                List<String> emptyPanels = new ArrayList<>();
                for (String expr : panelQueries(repo)) {
                    if (query(api, expr).isEmpty()) {
                        emptyPanels.add(expr);
                    }
                }
                assertThat(emptyPanels).as("panel queries without series").isEmpty();

                // every alert expression, without its comparison, has series to compare
                List<String> rules = alertExpressions(repo);
                assertThat(rules).hasSize(6);
                List<String> emptyAlerts = new ArrayList<>();
                for (String expr : rules) {
                    Matcher comparison = COMPARISON.matcher(expr);
                    assertThat(comparison.matches())
                            .as("ends in one comparison: " + expr)
                            .isTrue();
                    if (query(api, comparison.group(1)).isEmpty()) {
                        emptyAlerts.add(comparison.group(1));
                    }
                }
                assertThat(emptyAlerts).as("alert expressions without series").isEmpty();
                assertThat(firing(api)).doesNotContain("FootdropDeadLetter", "FootdropOutboxStale");

                // a poison record fires the dead-letter alert
                sendPoison(system);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> firing(api).contains("FootdropDeadLetter"));

                // and a broker outage with a write waiting over a minute fires the outbox alert
                system.stopBroker();
                try {
                    assertThat(system.post("intake", "/api/v1/diagnoses", diagnosis())
                                    .statusCode())
                            .isEqualTo(201);
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofSeconds(2))
                            .until(() -> firing(api).contains("FootdropOutboxStale"));
                } finally {
                    system.startBroker();
                }
                // which clears once the event is out
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> !firing(api).contains("FootdropOutboxStale"));
            } finally {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    private Process startPrometheus(Path repo, RunningSystem system, int port) throws IOException {
        Path config = data.resolve("prometheus");
        Files.createDirectories(config.resolve("rules"));
        String rules = Files.readString(repo.resolve("deploy/prometheus/rules/footdrop-alerts.yml"))
                .replaceAll("(?m)^(\\s+)for: .*$", "$1for: 0s");
        Files.writeString(config.resolve("rules/footdrop-alerts.yml"), rules);
        // the three services and the authorization server, as deploy/prometheus/prometheus.yml scrapes them
        List<String> hosts = new ArrayList<>(List.of("intake", "treatment", "outcomes").stream()
                .map(s -> "localhost:" + system.port(s))
                .toList());
        hosts.add(URI.create(system.issuer()).getAuthority());
        String targets =
                String.join(", ", hosts.stream().map(host -> "\"" + host + "\"").toList());
        Files.writeString(config.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - rules/*.yml
                scrape_configs:
                  - job_name: footdrop-services
                    metrics_path: /actuator/prometheus
                    oauth2:
                      client_id: ops
                      client_secret: %s
                      token_url: %s/oauth2/token
                      scopes: [ops]
                    static_configs:
                      - targets: [%s]
                """.formatted(
                        LocalAuthorizationServer.localDefaultSecret("ops"), system.issuer(), targets));
        return new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--config.file=" + config.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + config.resolve("tsdb"),
                        "--web.listen-address=127.0.0.1:" + port,
                        "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(config.resolve("prometheus.log").toFile())
                .start();
    }

    /** Writes (valid and not), reads and cohort queries, so every kind of series exists. */
    private static void traffic(RunningSystem system, Duration duration) throws Exception {
        long until = System.nanoTime() + duration.toNanos();
        int round = 0;
        while (System.nanoTime() < until) {
            String patientId = "pt-prom-" + UUID.randomUUID();
            system.post("intake", "/api/v1/diagnoses", """
                    {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"SCIATIC_NERVE"}
                    """.formatted(patientId));
            system.post("intake", "/api/v1/assessments", """
                    {"patientId":"%s","assessedAt":"2026-03-01T09:00:00Z","kind":"BASELINE","side":"LEFT",
                     "measures":{"gaitSpeedComfortable":0.62}}
                    """.formatted(patientId));
            system.post("treatment", "/api/v1/injections", """
                    {"patientId":"%s","administeredAt":"2026-03-02T10:00:00Z","technique":"NERVE_HYDRODISSECTION",
                     "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                     "volumeMl":10,"durationMinutes":30}
                    """.formatted(patientId));
            system.post("intake", "/api/v1/diagnoses", "{\"patientId\":\"" + patientId + "\"}");
            system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes");
            system.send(
                    "GET",
                    "outcomes",
                    "/api/v1/cohorts/outcomes?measure=gaitSpeedComfortable&window=WEEK_6",
                    null,
                    "analyst");
            if (round++ % 5 == 0) {
                system.send("GET", "outcomes", "/api/v1/cohorts/time-to-response?measure=lefs", null, "analyst");
            }
        }
    }

    private static void sendPoison(RunningSystem system) throws Exception {
        system.publish("intake.events.v1", "pt-poison-" + UUID.randomUUID(), "{this is not an event");
    }

    private static String diagnosis() {
        return """
                {"patientId":"pt-outage-%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"SCIATIC_NERVE"}
                """.formatted(UUID.randomUUID());
    }

    private static List<String> panelQueries(Path repo) throws IOException {
        JsonNode dashboard =
                EventJson.mapper().readTree(Files.readString(repo.resolve("deploy/grafana/dashboards/footdrop.json")));
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertExpressions(Path repo) throws IOException {
        Map<String, Object> file =
                new Yaml().load(Files.readString(repo.resolve("deploy/prometheus/rules/footdrop-alerts.yml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")).trim());
            }
        }
        return expressions;
    }

    private static List<JsonNode> query(String api, String expr) throws IOException, InterruptedException {
        JsonNode body = get(api + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
        assertThat(body.path("status").asString()).as(expr + ": " + body).isEqualTo("success");
        List<JsonNode> series = new ArrayList<>();
        body.path("data").path("result").forEach(series::add);
        return series;
    }

    private static List<String> firing(String api) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (JsonNode alert : get(api + "/api/v1/alerts").path("data").path("alerts")) {
            if ("firing".equals(alert.path("state").asString())) {
                names.add(alert.path("labels").path("alertname").asString());
            }
        }
        return names;
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return EventJson.mapper()
                .readTree(
                        HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                                .body());
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
