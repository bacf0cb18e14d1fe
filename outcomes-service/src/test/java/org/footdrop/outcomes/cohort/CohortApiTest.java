package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.Measures;
import org.footdrop.contract.treatment.AdverseEvent;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Severity;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cohort statistics over real HTTP from events on the real topics: seven Dextrose 5% patients (a
 * reported group) and two PRP patients (suppressed), diagnosed on a date no other test uses. Bad
 * query parameters are refused in CohortQueryValidationSliceTest.
 */
@EmbeddedInfrastructure
class CohortApiTest {

    static final String DIAGNOSED = "2019-07-01";

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldReportGroupStatisticsAndSuppressSmallGroups() {
        // given 7 D5W patients: gait speed 0.60 at baseline, at WEEK_6 +0.05..+0.35 (4 responders >= 0.10);
        // and 2 PRP patients
        List<String> patients = new ArrayList<>();
        double[] week6 = {0.65, 0.68, 0.70, 0.72, 0.75, 0.80, 0.95};
        for (double value : week6) {
            patients.add(patient(Solution.DEXTROSE_5, new BigDecimal(String.format("%.2f", value))));
        }
        patients.add(patient(Solution.PRP, new BigDecimal("0.90")));
        patients.add(patient(Solution.PRP, new BigDecimal("0.61")));

        // when
        JsonNode answer = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(
                                        "/api/v1/cohorts/outcomes?measure=gaitSpeedComfortable&window=WEEK_6&groupBy=solutionGroup"
                                                + "&diagnosedFrom={d}&diagnosedTo={d}",
                                        DIAGNOSED,
                                        DIAGNOSED)
                                .getBody(),
                        body -> body.has("groups")
                                && body.get("groups").size() == 2
                                && body.get("groups").get(0).path("m").asInt() == 7
                                && body.get("groups")
                                        .get(1)
                                        .get("group")
                                        .get("solutionGroup")
                                        .asString()
                                        .equals("PRP"));

        // then the D5W group: changes 0.05, 0.08, 0.10, 0.12, 0.15, 0.20, 0.35; median 0.12 (4th of 7);
        // responders 0.10, 0.12, 0.15, 0.20, 0.35 = 5 of 7
        JsonNode dextrose = answer.get("groups").get(0);
        assertThat(dextrose.get("group").get("solutionGroup").asString()).isEqualTo("DEXTROSE_5");
        assertThat(dextrose.get("m").asInt()).isEqualTo(7);
        assertThat(dextrose.get("medianChange").get("value").asDouble()).isEqualTo(0.12);
        assertThat(dextrose.get("responders").get("count").asInt()).isEqualTo(5);
        assertThat(dextrose.get("meanChange").get("value").asDouble()).isCloseTo(0.15, within(1e-12));
        assertThat(dextrose.get("baseline").get("sex").get("FEMALE").get("n").asInt())
                .isEqualTo(7);
        // the PRP group answers suppressed, with no count and no figure
        JsonNode prp = answer.get("groups").get(1);
        assertThat(prp.get("group").get("solutionGroup").asString()).isEqualTo("PRP");
        assertThat(prp.get("suppressed").asBoolean()).isTrue();
        assertThat(dextrose.get("suppressed").asBoolean()).isFalse();
        assertThat(dextrose.get("n").isInt()).isTrue();
        assertThat(prp.has("n")).isFalse();
        assertThat(prp.has("m")).isFalse();
        assertThat(prp.has("medianChange")).isFalse();
        assertThat(prp.has("responders")).isFalse();
        // no patientId anywhere, and the definitions and caveat are stated
        assertThat(answer.toString()).doesNotContain(patients.get(0)).doesNotContain("pt-");
        assertThat(answer.get("definitions").get("caveat").asString()).contains("Observational and unadjusted");
        assertThat(answer.get("definitions")
                        .get("responderThresholds")
                        .get("gaitSpeedComfortable")
                        .asDouble())
                .isEqualTo(0.10);
    }

    @Test
    void shouldEstimateTimeToResponseWithNumbersAtRisk() {
        for (int i = 0; i < 5; i++) {
            patient(Solution.DEXTROSE_5, new BigDecimal("0.75"), "2019-08-01");
        }

        JsonNode answer = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(
                                        "/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable&diagnosedFrom={d}&diagnosedTo={d}",
                                        "2019-08-01",
                                        "2019-08-01")
                                .getBody(),
                        body -> body.has("groups")
                                && body.get("groups").size() == 1
                                && body.get("groups").get(0).path("nIncluded").asInt() == 5);

        // all five respond on day 42: one step, 5 at risk, 5 events, S = 0; median day 42
        JsonNode curve = answer.get("groups").get(0);
        assertThat(curve.get("steps")).hasSize(1);
        assertThat(curve.get("steps").get(0).get("atRisk").asInt()).isEqualTo(5);
        assertThat(curve.get("steps").get(0).get("events").asInt()).isEqualTo(5);
        assertThat(curve.get("medianDays").asInt()).isEqualTo(42);
    }

    @Test
    void shouldReportTheMedianTimeToResponseOnTheDaySurvivalIsExactlyOneHalf() {
        // given ten patients, gait speed 0.50 on day 0: five respond (0.70) on days 10, 20, 20, 30, 40,
        // five are censored (0.50 on day 100); and five untreated patients (a diagnosis, no injection)
        String diagnosed = "2014-04-04";
        for (int day : new int[] {10, 20, 20, 30, 40}) {
            treatedPatient(diagnosed, day, new BigDecimal("0.70"));
        }
        for (int i = 0; i < 5; i++) {
            treatedPatient(diagnosed, 100, new BigDecimal("0.50"));
            untreatedPatient(diagnosed);
        }
        String filter = "&diagnosedFrom=" + diagnosed + "&diagnosedTo=" + diagnosed;

        // when
        JsonNode answer = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable" + filter)
                                .getBody(),
                        body -> body.path("groups").path(0).path("nIncluded").asInt() == 10
                                && body.path("untreated").path("n").asInt() == 5);

        // then S(40) = 9/10 x 7/9 x 6/7 x 5/6 = 1/2: the median is day 40, and the curve's row agrees
        JsonNode curve = answer.get("groups").get(0);
        assertThat(curve.get("n").asInt()).isEqualTo(10); // the untreated are beside the group, not in it
        assertThat(curve.get("medianDays").asLong()).isEqualTo(40);
        assertThat(curve.get("medianLower").asLong()).isEqualTo(20);
        assertThat(curve.has("medianUpper")).isFalse();
        assertThat(curve.get("events").asInt()).isEqualTo(5);
        assertThat(curve.get("censored").asInt()).isEqualTo(5);
        JsonNode day40 = curve.get("steps")
                .valueStream()
                .filter(step -> step.get("day").asLong() == 40)
                .findFirst()
                .orElseThrow();
        assertThat(day40.get("survival").asDouble()).isEqualTo(0.5);
        assertThat(day40.get("lower").asDouble()).isLessThan(0.5);
        assertThat(day40.get("upper").asDouble()).isGreaterThan(0.5);

        // and the report answers the same figures in one call, as JSON and as CSV
        JsonNode report = http.get("/api/v1/cohorts/report?groupBy=solutionGroup" + filter)
                .getBody();
        assertThat(report.get("untreated").get("n").asInt()).isEqualTo(5);
        JsonNode group = report.get("groups").get(0);
        assertThat(group.get("n").asInt()).isEqualTo(10);
        JsonNode gait = group.get("measures").get("gaitSpeedComfortable");
        assertThat(gait.get("timeToResponse").get("medianDays").asLong()).isEqualTo(40);
        assertThat(gait.get("timeToResponse").get("nIncluded").asInt()).isEqualTo(10);
        // WEEK_2 (days 10..18) holds the day-10 responder alone: +0.20
        assertThat(gait.get("windows").get("WEEK_2").get("m").asInt()).isEqualTo(1);
        assertThat(gait.get("windows")
                        .get("WEEK_2")
                        .get("responders")
                        .get("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(group.get("measures").propertyNames()).hasSize(11);
        assertThat(gait.get("windows").propertyNames()).hasSize(5);
        assertThat(report.get("definitions").get("caveat").asString()).contains("Observational");
        String csv = http.sendForText("GET", "/api/v1/cohorts/report?format=csv&groupBy=solutionGroup" + filter, null)
                .getBody();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("solutionGroup", "population", "suppressed", "n", "measure", "window");
        assertThat(lines)
                .contains("DEXTROSE_5,GROUP,false,10,gaitSpeedComfortable,TIME_TO_RESPONSE"
                        + ",".repeat(header.indexOf("nIncluded") - 5) + "10,5,5,40,20,");
        assertThat(lines.get(1)).startsWith(",UNTREATED,false,5,");
        // 11 measures x (5 windows + time to response) + the header + the untreated row
        assertThat(lines).hasSize(11 * 6 + 2);

        // grouped by adherence, patients with one injection are counted beside the groups too
        JsonNode byAdherence =
                http.get("/api/v1/cohorts/report?groupBy=adherence" + filter).getBody();
        assertThat(byAdherence.get("groups")).isEmpty();
        assertThat(byAdherence.get("singleInjection").get("n").asInt()).isEqualTo(10);
    }

    @Test
    void shouldCountAdverseEventsPerInjectionAndPerPatient() {
        // given 6 PRP transforaminal-free patients (hydrodissection), 2 of whom had transient numbness
        for (int i = 0; i < 6; i++) {
            String patientId = "pt-" + UUID.randomUUID();
            publish(
                    patientId,
                    new DiagnosisRecorded(
                            UUID.randomUUID(),
                            1,
                            new Diagnosis(
                                    1975,
                                    Sex.MALE,
                                    Side.RIGHT,
                                    null,
                                    LocalDate.parse("2018-03-03"),
                                    null,
                                    CauseCategory.SCIATIC_NERVE,
                                    null,
                                    null,
                                    false,
                                    List.of(),
                                    List.of())));
            List<AdverseEvent> events = i < 2
                    ? List.of(new AdverseEvent(AdverseEventType.TRANSIENT_NUMBNESS, Severity.MILD, true))
                    : List.of();
            publish(
                    patientId,
                    new InjectionAdministered(
                            UUID.randomUUID(),
                            1,
                            new Injection(
                                    Instant.parse("2018-04-02T10:00:00Z"),
                                    InjectionTechnique.NERVE_HYDRODISSECTION,
                                    InjectionTarget.SCIATIC_NERVE,
                                    null,
                                    Side.RIGHT,
                                    Guidance.ULTRASOUND,
                                    Solution.PRP,
                                    null,
                                    new BigDecimal("10"),
                                    30,
                                    events,
                                    List.of())));
        }

        JsonNode answer = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get(
                                        "/api/v1/cohorts/safety?diagnosedFrom={d}&diagnosedTo={d}",
                                        "2018-03-03",
                                        "2018-03-03")
                                .getBody(),
                        body -> body.has("groups")
                                && body.get("groups").size() == 1
                                && body.get("groups").get(0).path("injections").asInt() == 6);

        // 2 of 6 injections and 2 of 6 patients: 1/3 at full precision, Wilson 0.0968 .. 0.7000
        JsonNode group = answer.get("groups").get(0);
        assertThat(group.get("technique").asString()).isEqualTo("NERVE_HYDRODISSECTION");
        assertThat(group.get("solution").asString()).isEqualTo("PRP");
        assertThat(group.get("injectionsWithAdverseEvent").asInt()).isEqualTo(2);
        assertThat(group.get("perInjection").get("value").asDouble()).isEqualTo(2.0 / 6);
        assertThat(group.get("perPatient").get("lower").asDouble()).isCloseTo(0.0968, within(0.00005));
        assertThat(group.get("perPatient").get("upper").asDouble()).isCloseTo(0.7, within(0.00005));
        assertThat(group.get("bySeverity").get("MILD").asInt()).isEqualTo(2);
        assertThat(group.get("byType").get("TRANSIENT_NUMBNESS").asInt()).isEqualTo(2);
    }

    @Test
    void shouldExportEveryPatientOnceWithoutIdsOrDatesThroughTheCursor() {
        // given some patients projected
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            patients.add(patient(Solution.DEXTROSE_5, new BigDecimal("0.70"), "2017-01-01"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(
                                        "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&diagnosedFrom={d}&diagnosedTo={d}",
                                        "2017-01-01",
                                        "2017-01-01")
                                .getBody()
                                .get("groups")
                                .size()
                        == 1);

        // when the whole export is read two rows at a time
        List<String> lines = new ArrayList<>();
        String next = "/api/v1/exports/patients?format=ndjson&limit=2";
        while (next != null) {
            var page = http.client().get().uri(next).retrieve().toEntity(String.class);
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            lines.addAll(page.getBody().lines().toList());
            String link = page.getHeaders().getFirst("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }

        // then every row once, none naming a patient or a date
        List<String> ids = lines.stream()
                .map(l -> l.substring(l.indexOf("\"exportId\":\"") + 12, l.indexOf("\"exportId\":\"") + 36))
                .toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(lines.size()).isGreaterThanOrEqualTo(5);
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("pt-").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        patients.forEach(p -> assertThat(all).doesNotContain(p));
    }

    @Test
    void shouldExportCsvWithAHeaderAndTheSameColumnsOnEveryLine() {
        var csv = http.client()
                .get()
                .uri("/api/v1/exports/patients?format=csv&limit=3")
                .retrieve()
                .toEntity(String.class);
        List<String> lines = csv.getBody().lines().toList();
        int columns = lines.get(0).split(",", -1).length;

        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(lines.get(0)).startsWith("exportId,ageBand,sex,causeCategory");
        assertThat(lines.stream().skip(1)).allMatch(line -> line.split(",", -1).length == columns);
    }

    @Test
    void shouldListPatientsWhoseRecordsNeedAttentionByCheck() {
        // given a patient with an injection on the RIGHT for a LEFT diagnosis, and no baseline
        String patientId = patient(Solution.DEXTROSE_5, new BigDecimal("0.70"), "2016-05-05");
        publish(
                patientId,
                new InjectionAdministered(
                        UUID.randomUUID(),
                        1,
                        new Injection(
                                Instant.parse("2019-09-30T10:00:00Z"),
                                InjectionTechnique.NERVE_HYDRODISSECTION,
                                InjectionTarget.FIBULAR_NERVE,
                                null,
                                Side.RIGHT,
                                Guidance.ULTRASOUND,
                                Solution.DEXTROSE_5,
                                null,
                                new BigDecimal("10"),
                                30,
                                List.of(),
                                List.of())));

        // the patient may show under another check first, while the injection is still on its way
        JsonNode report = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/v1/data-quality").getBody(),
                        body -> body.get("checks")
                                .valueStream()
                                .filter(c -> c.get("check").asString().equals("INJECTION_SIDE_MISMATCH"))
                                .anyMatch(c -> c.get("patientIds").toString().contains(patientId)));

        assertThat(report.get("checks")).hasSize(DataQualityCheckCount.ALL);
        JsonNode mismatch = report.get("checks")
                .valueStream()
                .filter(c -> c.get("check").asString().equals("INJECTION_SIDE_MISMATCH"))
                .findFirst()
                .orElseThrow();
        assertThat(mismatch.get("patientIds").toString()).contains(patientId);
        assertThat(mismatch.get("meaning").asString()).isNotBlank();
        // analysts read the counts per check, naming no one
        JsonNode summary = http.get("/api/v1/data-quality/summary").getBody();
        assertThat(summary.get("checks")).hasSize(DataQualityCheckCount.ALL);
        assertThat(summary.get("checks")
                        .valueStream()
                        .filter(c -> c.get("check").asString().equals("INJECTION_SIDE_MISMATCH"))
                        .findFirst()
                        .orElseThrow()
                        .get("count")
                        .asInt())
                .isPositive();
        assertThat(summary.toString()).doesNotContain("pt-").doesNotContain("patientIds");
    }

    @Test
    void shouldFlagLiveRecordsEnteredLateButNeverImportedOnes() {
        // given two patients with the same injection, given in 2015 and recorded today: one entered
        // live, one brought in by a bulk import
        Instant given = Instant.parse("2015-05-04T10:00:00Z");
        Instant today = Instant.now();
        String live = diagnosed("2015-04-04", "2015-01-10");
        String imported = diagnosed("2015-04-04", "2015-01-10");
        publish(live, injectionOn(given, Side.LEFT), given, today, null);
        publish(imported, injectionOn(given, Side.LEFT), given, today, "import-2015-backlog");
        // and, after it on the same partition, a live injection on the wrong side: when that shows,
        // the imported one has been applied and derived too
        publish(imported, injectionOn(today, Side.RIGHT));

        // when
        JsonNode report = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> http.get("/api/v1/data-quality").getBody(),
                        body -> listed(body, "LATE_ENTERED").contains(live)
                                && listed(body, "INJECTION_SIDE_MISMATCH").contains(imported));

        // then only the live record is late; the imported patient still fails the other checks
        assertThat(listed(report, "LATE_ENTERED")).contains(live).doesNotContain(imported);
        assertThat(listed(report, "MISSING_BASELINE")).contains(live, imported);
        // and the patient's records tell the imported injection apart by its provenance alone
        JsonNode records =
                http.get("/api/v1/patients/{id}/outcomes", imported).getBody().get("records");
        assertThat(records.valueStream()
                        .filter(r -> r.has("importJob"))
                        .map(r -> r.get("kind").asString() + " "
                                + r.get("importJob").asString()))
                .containsExactly("INJECTION import-2015-backlog");
        assertThat(records).hasSize(3);
    }

    private static List<String> listed(JsonNode report, String check) {
        return report.get("checks")
                .valueStream()
                .filter(c -> c.get("check").asString().equals(check))
                .flatMap(c -> c.get("patientIds").valueStream())
                .map(JsonNode::asString)
                .toList();
    }

    private static InjectionAdministered injectionOn(Instant at, Side side) {
        return new InjectionAdministered(
                UUID.randomUUID(),
                1,
                new Injection(
                        at,
                        InjectionTechnique.NERVE_HYDRODISSECTION,
                        InjectionTarget.FIBULAR_NERVE,
                        null,
                        side,
                        Guidance.ULTRASOUND,
                        Solution.DEXTROSE_5,
                        null,
                        new BigDecimal("10"),
                        30,
                        List.of(),
                        List.of()));
    }

    /** Every check is listed, failed by anyone or not. */
    private static final class DataQualityCheckCount {
        static final int ALL = org.footdrop.outcomes.quality.DataQualityCheck.values().length;
    }

    @Autowired
    CohortTable table;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    org.footdrop.outcomes.projection.PatientOutcomeStore store;

    @Autowired
    org.footdrop.outcomes.derivation.OutcomeDefinitions definitions;

    @Autowired
    ExportIds exportIds;

    @Autowired
    org.footdrop.outcomes.derivation.OutcomeDeriver deriver;

    @Autowired
    org.footdrop.support.clinic.ClinicCalendar calendar;

    @Autowired
    org.footdrop.outcomes.query.DefinitionsInForce definitionsInForce;

    @Test
    void shouldGiveASecondInstanceTheSameAnswersThroughTheChangeLog() {
        // given a second instance's table, loaded before these patients existed; it applies no events
        CohortTable second = anotherInstance(mongo, event -> {}); // its own listeners are not under test
        second.reload();
        second.followOthers();
        CohortFilter filter = new CohortFilter(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                LocalDate.parse("2015-02-02"),
                LocalDate.parse("2015-02-02"));

        // when this instance applies events for 6 new patients
        for (int i = 0; i < 6; i++) {
            patient(Solution.PRP, new BigDecimal("0.80"), "2015-02-02");
        }

        // then the second instance, following the change log, answers as this one does
        CohortQueries here = new CohortQueries(table, definitions, definitionsInForce);
        CohortQueries there = new CohortQueries(second, definitions, definitionsInForce);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            second.followOthers();
            var expected = here.outcomes(
                    filter,
                    List.of(Dimension.SOLUTION_GROUP),
                    org.footdrop.contract.intake.Measure.GAIT_SPEED_COMFORTABLE,
                    org.footdrop.outcomes.derivation.Window.WEEK_6,
                    Instant.EPOCH);
            assertThat(expected.groups())
                    .singleElement()
                    .satisfies(g -> assertThat(g.n()).isEqualTo(6));
            assertThat(g(expected.groups().get(0)).figures().m()).isEqualTo(6);
            assertThat(there.outcomes(
                            filter,
                            List.of(Dimension.SOLUTION_GROUP),
                            org.footdrop.contract.intake.Measure.GAIT_SPEED_COMFORTABLE,
                            org.footdrop.outcomes.derivation.Window.WEEK_6,
                            Instant.EPOCH))
                    .isEqualTo(expected);
        });
    }

    private static CohortStatistics.GroupOutcome g(CohortStatistics.GroupOutcome group) {
        return group;
    }

    private String patient(Solution solution, BigDecimal week6GaitSpeed) {
        return patient(solution, week6GaitSpeed, DIAGNOSED);
    }

    private String patient(Solution solution, BigDecimal week6GaitSpeed, String diagnosed) {
        String patientId = diagnosed(diagnosed, "2019-01-01");
        injected(patientId, solution);
        publish(patientId, assessment("2019-09-01T09:00:00Z", new BigDecimal("0.60")));
        publish(patientId, assessment("2019-10-14T09:00:00Z", week6GaitSpeed)); // day 42
        return patientId;
    }

    /** Injected on 2019-09-02 (day 0) with gait speed 0.50 that morning, and the given speed on a later day. */
    private void treatedPatient(String diagnosed, int day, BigDecimal gaitSpeed) {
        String patientId = untreatedPatient(diagnosed);
        injected(patientId, Solution.DEXTROSE_5);
        Instant morning = Instant.parse("2019-09-02T09:00:00Z");
        publish(patientId, assessment(morning.toString(), new BigDecimal("0.50")));
        publish(patientId, assessment(morning.plus(Duration.ofDays(day)).toString(), gaitSpeed));
    }

    private String untreatedPatient(String diagnosed) {
        return diagnosed(diagnosed, "2014-01-01");
    }

    /** A new patient with a LEFT fibular-nerve diagnosis. */
    private String diagnosed(String diagnosed, String onset) {
        String patientId = "pt-" + UUID.randomUUID();
        publish(
                patientId,
                new DiagnosisRecorded(
                        UUID.randomUUID(),
                        1,
                        new Diagnosis(
                                1960,
                                Sex.FEMALE,
                                Side.LEFT,
                                null,
                                LocalDate.parse(diagnosed),
                                LocalDate.parse(onset),
                                CauseCategory.FIBULAR_NERVE_AT_KNEE,
                                null,
                                null,
                                false,
                                List.of(),
                                List.of())));
        return patientId;
    }

    /** One LEFT hydrodissection on 2019-09-02, 10:00. */
    private void injected(String patientId, Solution solution) {
        publish(
                patientId,
                new InjectionAdministered(
                        UUID.randomUUID(),
                        1,
                        new Injection(
                                Instant.parse("2019-09-02T10:00:00Z"),
                                InjectionTechnique.NERVE_HYDRODISSECTION,
                                InjectionTarget.FIBULAR_NERVE,
                                null,
                                Side.LEFT,
                                Guidance.ULTRASOUND,
                                solution,
                                null,
                                new BigDecimal("10"),
                                30,
                                List.of(),
                                List.of())));
    }

    private static AssessmentRecorded assessment(String at, BigDecimal gaitSpeed) {
        return new AssessmentRecorded(
                UUID.randomUUID(),
                1,
                new Assessment(
                        Instant.parse(at),
                        AssessmentKind.FOLLOW_UP,
                        Side.LEFT,
                        new Measures(null, null, null, null, null, gaitSpeed, null, null, null, null, null),
                        null,
                        null,
                        null,
                        null));
    }

    private void publish(String patientId, EventPayload payload) {
        Instant now = Instant.now();
        publish(patientId, payload, now, now, null);
    }

    /** An event with its own clinical time, and the import job that brought it in (null: a live write). */
    private void publish(
            String patientId, EventPayload payload, Instant occurredAt, Instant recordedAt, String importJob) {
        String source = payload.eventType().topic().startsWith("intake") ? "intake-service" : "treatment-service";
        EventEnvelope event = EventEnvelope.of(payload, patientId, occurredAt, recordedAt, source, null, importJob);
        Map<String, byte[]> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((k, v) -> headers.put(k, v.getBytes(StandardCharsets.UTF_8)));
        TopicProbe.send(
                brokers,
                event.eventType().topic(),
                patientId.getBytes(StandardCharsets.UTF_8),
                codec.encode(event),
                headers);
    }

    @Test
    void shouldKeepTheRowAPatientWasRefreshedToWhileAReloadHeldAnOlderRead() throws Exception {
        // given a projected patient with an injection
        String patientId = patient(Solution.PRP, new BigDecimal("0.80"), "2015-02-02");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            org.bson.Document raw = store.raw(patientId);
            return raw != null
                    && raw.get("injections") != null
                    && raw.get("assessments", org.bson.Document.class) != null
                    && raw.get("assessments", org.bson.Document.class).size() == 2;
        });
        HeldReads held = new HeldReads(mongo, patientId);
        List<org.footdrop.outcomes.derivation.PatientDerived> derived =
                java.util.Collections.synchronizedList(new ArrayList<>());
        CohortTable second = anotherInstance(held, event -> {
            if (event instanceof org.footdrop.outcomes.derivation.PatientDerived d
                    && d.facts().patientId().equals(patientId)) {
                derived.add(d);
            }
        });

        // when a reload has read the patient, the patient changes and is refreshed, and only then the reload goes on
        Thread reload = new Thread(second::reload, HeldReads.THREAD);
        reload.start();
        assertThat(held.read.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(patientId)),
                new org.springframework.data.mongodb.core.query.Update().unset("injections"),
                store.activeCollection());
        second.changed(patientId);
        second.refreshChanged();
        held.go.countDown();
        reload.join(Duration.ofSeconds(60).toMillis());

        // then the row left is the refreshed one, not the one the reload read before the change
        assertThat(reload.isAlive()).isFalse();
        assertThat(derived).hasSizeGreaterThanOrEqualTo(3); // the reload's, the refresh's, the reload's again
        assertThat(derived.get(derived.size() - 1).facts().injections()).isEmpty();
    }

    /** Another instance's cohort table over the same store, with its own place in the change log. */
    private CohortTable anotherInstance(
            org.springframework.data.mongodb.core.MongoTemplate template,
            org.springframework.context.ApplicationEventPublisher events) {
        return new CohortTable(
                template,
                store,
                deriver,
                calendar,
                java.time.Clock.systemUTC(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                events,
                new ChangeLog(template, java.time.Clock.systemUTC()),
                new ExportIndex(exportIds));
    }

    /** Holds a reload's read of the batch holding one patient, once read, until the test lets it go on. */
    private static final class HeldReads extends org.springframework.data.mongodb.core.MongoTemplate {

        static final String THREAD = "reload-under-test";
        final java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        private final String patientId;

        HeldReads(org.springframework.data.mongodb.core.MongoTemplate of, String patientId) {
            super(of.getMongoDatabaseFactory(), of.getConverter());
            this.patientId = patientId;
        }

        @Override
        public <T> List<T> find(
                org.springframework.data.mongodb.core.query.Query query, Class<T> type, String collection) {
            List<T> found = super.find(query, type, collection);
            if (THREAD.equals(Thread.currentThread().getName())
                    && query.getQueryObject().get("_id") instanceof org.bson.Document ids
                    && ids.get("$in") instanceof java.util.Collection<?> in
                    && in.contains(patientId)
                    && read.getCount() > 0) {
                read.countDown();
                try {
                    go.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return found;
        }
    }
}
