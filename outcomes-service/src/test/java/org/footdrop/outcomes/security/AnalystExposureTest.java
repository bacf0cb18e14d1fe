package org.footdrop.outcomes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.outcomes.testing.GoldenEvents;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing an analyst can call returns a patientId or any exact date the patients' records carry. */
@EmbeddedInfrastructure
class AnalystExposureTest {

    private static final EventType[] HISTORY = {
        EventType.DIAGNOSIS_RECORDED,
        EventType.ASSESSMENT_RECORDED,
        EventType.INJECTION_ADMINISTERED,
        EventType.THERAPY_PRESCRIBED
    };
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Test
    void shouldGiveAnalystsNoPatientIdsAndNoDates() {
        // given a group large enough not to be suppressed, with every kind of record
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> patients = new ArrayList<>();
        Http clinician = new Http(port);
        for (int i = 0; i < 6; i++) {
            String patientId = "pt-exposure-" + run + "-" + i;
            patients.add(patientId);
            for (EventType type : HISTORY) {
                new GoldenEvents(brokers, codec).publish(patientId, type);
            }
        }
        patients.forEach(p -> await().atMost(Duration.ofSeconds(30))
                .until(() -> clinician
                                .get("/api/v1/patients/{p}/outcomes", p)
                                .getBody()
                                .path("appliedEvents")
                                .asInt()
                        == HISTORY.length));
        Set<String> recordDates = new TreeSet<>();
        for (EventType type : HISTORY) {
            Matcher dates = DATE.matcher(GoldenSamples.read(type, 1));
            while (dates.find()) {
                recordDates.add(dates.group());
            }
        }
        assertThat(recordDates).isNotEmpty();

        // when an analyst asks everything an analyst may ask
        Http analyst = new Http(port, TestTokens.forRoles(Role.ANALYST));
        List<String> answers = new ArrayList<>();
        for (String query : List.of(
                "/api/v1/cohorts/outcomes?measure=gaitSpeedComfortable&window=WEEK_6&groupBy=solutionGroup,side",
                "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2",
                "/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=techniqueGroup",
                "/api/v1/cohorts/safety",
                "/api/v1/cohorts/report?groupBy=solutionGroup",
                "/api/v1/cohorts/report?format=csv&groupBy=causeCategory",
                "/api/v1/data-quality/summary",
                "/api/v1/exports/patients?format=ndjson&limit=1000",
                "/api/v1/exports/patients?format=csv&limit=1000")) {
            var response = analyst.sendForText("GET", query, null);
            assertThat(response.getStatusCode().value()).as(query).isEqualTo(200);
            // the answer's own as-of time is not a patient's date
            answers.add(query + " -> " + response.getBody().replaceAll("\"asOf\":\"[^\"]*\"", ""));
        }

        // then
        assertThat(answers).allSatisfy(answer -> {
            patients.forEach(p -> assertThat(answer).doesNotContain(p));
            recordDates.forEach(d -> assertThat(answer).doesNotContain(d));
        });
        // and the export really held the patients' rows (six at least), each under an export id
        assertThat(answers.stream()
                        .filter(answer -> answer.startsWith("/api/v1/exports/patients?format=ndjson"))
                        .findFirst()
                        .orElseThrow()
                        .lines()
                        .filter(line -> line.contains("\"exportId\""))
                        .count())
                .isGreaterThanOrEqualTo(patients.size());
    }
}
