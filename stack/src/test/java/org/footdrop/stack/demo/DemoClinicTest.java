package org.footdrop.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The demo clinic's file: the same for the same seed and day, in the proportions it promises, and
 * consistent in itself (every correction names a record created before it; nothing after the day
 * before "today"). That every line passes the services' rules is checked by importing it into the
 * running system (DemoClinicSystemTest).
 */
class DemoClinicTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    static Path dir;

    static DemoClinic.Written written;
    static List<JsonNode> lines;

    @BeforeAll
    static void writeTheStandardClinic() throws Exception {
        written = DemoClinic.standard(TODAY).write(dir.resolve("demo.ndjson"));
        lines = Files.readAllLines(written.file()).stream()
                .map(line -> EventJson.mapper().readTree(line))
                .toList();
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeedAndDay() throws Exception {
        Path again =
                DemoClinic.standard(TODAY).write(dir.resolve("again.ndjson")).file();
        Path otherSeed = new DemoClinic(DemoClinic.DEFAULT_SEED + 1, DemoClinic.DEFAULT_PATIENTS, TODAY)
                .write(dir.resolve("other-seed.ndjson"))
                .file();
        Path otherDay = DemoClinic.standard(TODAY.plusDays(1))
                .write(dir.resolve("other-day.ndjson"))
                .file();

        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(written.file()));
        assertThat(Files.mismatch(otherSeed, written.file())).isNotEqualTo(-1L);
        assertThat(Files.mismatch(otherDay, written.file())).isNotEqualTo(-1L);
    }

    @Test
    void shouldCountEveryLineOnceForItsPatient() {
        assertThat(written.patients()).isEqualTo(DemoClinic.DEFAULT_PATIENTS).isGreaterThanOrEqualTo(1_000);
        assertThat(written.lines()).isEqualTo(lines.size());
        Map<String, Integer> counted = new TreeMap<>();
        lines.forEach(line -> counted.merge(patientOf(line), 1, Integer::sum));
        assertThat(counted).isEqualTo(new TreeMap<>(written.linesPerPatient()));
    }

    @Test
    void shouldSpreadDiagnosesOverTheTwoYearsBeforeTodayAndPutNothingLater() {
        List<LocalDate> diagnosed = creates("diagnosis")
                .map(d -> LocalDate.parse(d.path("body").path("diagnosisDate").asString()))
                .toList();
        LocalDate yesterday = TODAY.minusDays(1);

        assertThat(diagnosed).allMatch(d -> !d.isAfter(yesterday) && !d.isBefore(TODAY.minusYears(2)));
        assertThat(diagnosed.stream()
                        .filter(d -> d.isBefore(TODAY.minusYears(1)))
                        .count())
                .as("first year")
                .isBetween(450L, 750L);
        for (JsonNode line : lines) {
            JsonNode body = line.path("body");
            for (String instant : List.of("assessedAt", "administeredAt")) {
                if (body.has(instant)) {
                    assertThat(Instant.parse(body.get(instant).asString()))
                            .isBefore(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC));
                }
            }
            for (String date : List.of("diagnosisDate", "startDate", "date")) {
                if (body.has(date)) {
                    assertThat(LocalDate.parse(body.get(date).asString())).isBeforeOrEqualTo(yesterday);
                }
            }
        }
    }

    @Test
    void shouldHaveCausesSolutionsAndTechniquesInPlausibleProportions() {
        int patients = written.patients();
        assertThat(share(creates("diagnosis"), d -> cause(d).equals("LUMBAR_NERVE_ROOT"), patients))
                .isBetween(0.34, 0.46);
        assertThat(share(creates("diagnosis"), d -> cause(d).equals("FIBULAR_NERVE_AT_KNEE"), patients))
                .isBetween(0.25, 0.35);
        assertThat(share(creates("diagnosis"), d -> cause(d).equals("SCIATIC_NERVE"), patients))
                .isBetween(0.08, 0.16);
        assertThat(share(creates("diagnosis"), d -> cause(d).equals("CENTRAL"), patients))
                .isBetween(0.06, 0.14);
        assertThat(creates("diagnosis").map(DemoClinicTest::cause)).contains("NEUROMUSCULAR", "OTHER");

        Map<String, Set<String>> solutions = new HashMap<>();
        creates("injection")
                .forEach(i -> solutions
                        .computeIfAbsent(patientOf(i), p -> new HashSet<>())
                        .add(i.path("body").path("solution").asString()));
        int treated = solutions.size();
        assertThat(share(solutions.values().stream(), s -> s.equals(Set.of("DEXTROSE_5")), treated))
                .isBetween(0.48, 0.62);
        assertThat(share(solutions.values().stream(), s -> s.equals(Set.of("PRP")), treated))
                .isBetween(0.33, 0.47);
        assertThat(share(solutions.values().stream(), s -> s.size() == 2, treated))
                .as("mixed")
                .isBetween(0.0, 0.08)
                .isPositive();
        assertThat(1 - (double) treated / patients).as("untreated").isBetween(0.05, 0.2);

        Map<String, Long> techniques = new TreeMap<>();
        creates("injection")
                .forEach(i -> techniques.merge(i.path("body").path("technique").asString(), 1L, Long::sum));
        assertThat(techniques).containsOnlyKeys("NERVE_HYDRODISSECTION", "TRANSFORAMINAL_EPIDURAL", "CAUDAL_EPIDURAL");
        assertThat(techniques.get("NERVE_HYDRODISSECTION")).isGreaterThan(techniques.get("CAUDAL_EPIDURAL"));
        assertThat((double) creates("injection").count() / treated)
                .as("injections per treated patient")
                .isBetween(2.0, 3.5);
    }

    @Test
    void shouldFollowTheClinicsGuidanceRules() {
        creates("injection").map(i -> i.path("body")).forEach(body -> {
            String technique = body.path("technique").asString();
            String guidance = body.path("guidance").asString();
            String target = body.path("target").asString();
            switch (technique) {
                case "NERVE_HYDRODISSECTION" -> {
                    assertThat(guidance).isEqualTo("ULTRASOUND");
                    assertThat(target).isIn("FIBULAR_NERVE", "SCIATIC_NERVE");
                }
                case "TRANSFORAMINAL_EPIDURAL" -> {
                    assertThat(guidance).isEqualTo("FLUOROSCOPY");
                    assertThat(body.path("targetLevel").asString()).isIn("L4", "L5", "S1");
                }
                default -> assertThat(target).isEqualTo("NERVE_ROOT");
            }
            if (body.has("prpLeukocytes")) {
                assertThat(body.path("solution").asString()).isEqualTo("PRP");
            }
        });
    }

    @Test
    void shouldHaveCorrectionsMissedVisitsAndAFewAdverseEvents() {
        Set<String> created = new HashSet<>();
        lines.stream()
                .filter(l -> !l.has("action"))
                .forEach(l -> created.add(
                        l.path("kind").asString() + "/" + l.path("key").asString()));
        List<JsonNode> corrections = lines.stream().filter(l -> l.has("action")).toList();

        assertThat(corrections)
                .allSatisfy(c -> assertThat(created)
                        .contains(
                                c.path("kind").asString() + "/" + c.path("key").asString()));
        assertThat(corrections.stream()
                        .filter(c -> c.path("action").asString().equals("amend"))
                        .map(c -> c.path("kind").asString()))
                .contains("diagnosis", "assessment")
                .hasSizeGreaterThan(20);
        assertThat(corrections.stream()
                        .filter(c -> c.path("action").asString().equals("void"))
                        .map(c -> c.path("kind").asString()))
                .contains("injection", "assessment", "therapy")
                .hasSizeGreaterThan(10);
        assertThat(lines.indexOf(corrections.get(0)))
                .as("corrections come after the records")
                .isGreaterThan(lines.size() - corrections.size() - 1);

        long injections = creates("injection").count();
        long withAdverseEvent = creates("injection")
                .filter(i -> i.path("body").has("adverseEvents"))
                .count();
        assertThat((double) withAdverseEvent / injections).isBetween(0.02, 0.08);

        // of the patients treated long enough ago for all five follow-ups to be due, some missed visits
        Map<String, LocalDate> day0 = new HashMap<>();
        creates("injection")
                .forEach(i -> day0.merge(
                        patientOf(i),
                        LocalDate.parse(
                                i.path("body").path("administeredAt").asString().substring(0, 10)),
                        (a, b) -> a.isBefore(b) ? a : b));
        Map<String, Long> followUps = new HashMap<>();
        creates("assessment")
                .filter(a -> !a.path("body").path("kind").asString().equals("BASELINE"))
                .forEach(a -> followUps.merge(patientOf(a), 1L, Long::sum));
        List<String> allDue = day0.entrySet().stream()
                .filter(e -> e.getValue().isBefore(TODAY.minusDays(400)))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(allDue).hasSizeGreaterThan(200);
        assertThat(share(allDue.stream(), p -> followUps.getOrDefault(p, 0L) < 5, allDue.size()))
                .as("missed a visit, lost to follow-up or discharged early")
                .isBetween(0.3, 0.8);
        assertThat(creates("therapySession")
                        .filter(s -> !s.path("body").path("attended").asBoolean())
                        .count())
                .as("missed sessions")
                .isPositive();
    }

    @Test
    void shouldMakeTheExamplePatientOneWithAYearOfTreatmentToLookAt() {
        Map<String, Long> kinds = new TreeMap<>();
        lines.stream()
                .filter(l -> !l.has("action") && patientOf(l).equals(DemoClinic.EXAMPLE_PATIENT))
                .forEach(l -> kinds.merge(l.path("kind").asString(), 1L, Long::sum));

        assertThat(kinds.get("diagnosis")).isEqualTo(1);
        assertThat(kinds.get("injection")).isGreaterThanOrEqualTo(3);
        assertThat(kinds.get("assessment")).isGreaterThanOrEqualTo(5);
        assertThat(kinds.get("therapySession")).isPositive();
    }

    private static java.util.stream.Stream<JsonNode> creates(String kind) {
        return lines.stream()
                .filter(l -> !l.has("action")
                        && l.path("kind").asString().equals(kind)
                        && !l.path("key").asString().endsWith("-dup"));
    }

    private static <T> double share(java.util.stream.Stream<T> items, Predicate<T> which, int of) {
        return (double) items.filter(which).count() / of;
    }

    private static String cause(JsonNode diagnosis) {
        return diagnosis.path("body").path("causeCategory").asString();
    }

    private static String patientOf(JsonNode line) {
        return line.has("patientId")
                ? line.get("patientId").asString()
                : line.path("body").path("patientId").asString();
    }
}
