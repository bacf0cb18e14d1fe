package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.ImportClient;
import org.footdrop.stack.demo.DemoClinicImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo clinic imported into the running system as {@code ./run-local.sh --demo} does: every line
 * passes the services' rules, outcomes-service projects every patient, its synthetic effects show in
 * a cohort comparison, and importing it again changes nothing.
 */
@Tag("system")
class DemoClinicSystemTest {

    @TempDir
    static java.nio.file.Path data;

    /** Fixed for the class: a second import across midnight must still write the same file. */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static RunningSystem system;
    static DemoClinicImport.Loaded first;

    @BeforeAll
    static void startSystemAndImportTheDemoClinic() throws Exception {
        system = RunningSystem.start(data, Map.of());
        first = system.importDemoClinic(TODAY);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldAcceptEveryLineAndProjectEveryPatient() {
        Map<String, ImportClient.Job> jobs = first.result().jobs();
        assertThat(jobs).containsOnlyKeys("intake-service", "treatment-service");
        assertThat(jobs.values()).allSatisfy(job -> {
            assertThat(job.status()).isEqualTo("COMPLETED");
            assertThat(job.number("refused")).as("refused lines").isZero();
            assertThat(job.number("alreadyPresent")).isZero();
            assertThat(job.number("accepted")).isEqualTo(job.number("linesToImport"));
        });
        assertThat(jobs.values().stream()
                        .mapToLong(job -> job.number("accepted"))
                        .sum())
                .isEqualTo(first.clinic().lines());

        // every patient is in the cohort table once: in a group or counted as untreated
        JsonNode report = report("causeCategory");
        long grouped = 0;
        for (JsonNode group : report.get("groups")) {
            assertThat(group.get("suppressed").asBoolean()).as(group.toString()).isFalse();
            grouped += group.get("n").asLong();
        }
        assertThat(grouped + report.path("untreated").path("n").asLong())
                .isEqualTo(first.clinic().patients());
        assertThat(report.path("untreated").path("n").asLong()).isPositive();
    }

    @Test
    void shouldShowTheSyntheticEffectsOfCauseAndSolution() {
        Map<String, Double> byCause = responders(report("causeCategory"), "causeCategory");
        Map<String, Double> bySolution = responders(report("solutionGroup"), "solutionGroup");

        assertThat(byCause.get("FIBULAR_NERVE_AT_KNEE")).isGreaterThan(byCause.get("LUMBAR_NERVE_ROOT") + 0.1);
        assertThat(byCause.get("LUMBAR_NERVE_ROOT")).isGreaterThan(byCause.get("CENTRAL"));
        assertThat(bySolution.get("PRP")).isGreaterThan(bySolution.get("DEXTROSE_5") + 0.05);
    }

    @Test
    void shouldImportNothingNewTheSecondTime() throws Exception {
        JsonNode before = withoutAsOf(report("solutionGroup"));

        DemoClinicImport.Loaded second = system.importDemoClinic(TODAY);

        assertThat(second.clinic().lines()).isEqualTo(first.clinic().lines());
        assertThat(second.result().nothingNew()).isTrue();
        assertThat(second.result().jobs().values()).allSatisfy(job -> {
            assertThat(job.status()).isEqualTo("COMPLETED");
            assertThat(job.number("alreadyPresent")).isEqualTo(job.number("linesToImport"));
        });
        assertThat(withoutAsOf(report("solutionGroup"))).isEqualTo(before);
    }

    /** Each group's responder proportion for comfortable gait speed at week 12. */
    private static Map<String, Double> responders(JsonNode report, String dimension) {
        Map<String, Double> proportions = new HashMap<>();
        for (JsonNode group : report.get("groups")) {
            JsonNode cell = group.path("measures")
                    .path("gaitSpeedComfortable")
                    .path("windows")
                    .path("WEEK_12");
            if (cell.has("responders")) {
                proportions.put(
                        group.path("group").path(dimension).asString(),
                        cell.path("responders").path("proportion").path("value").asDouble());
            }
        }
        return proportions;
    }

    private static JsonNode report(String groupBy) {
        try {
            HttpResponse<String> response =
                    system.send("GET", "outcomes", "/api/v1/cohorts/report?groupBy=" + groupBy, null, "analyst");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return EventJson.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        ObjectNode copy = (ObjectNode) report.deepCopy();
        copy.remove("asOf");
        return copy;
    }
}
