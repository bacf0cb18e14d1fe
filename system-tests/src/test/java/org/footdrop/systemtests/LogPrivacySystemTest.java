package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs never carry request bodies or patient data beyond the pseudonymous patientId, even with
 * every logger at DEBUG, the MongoDB driver's and the Kafka client's included: an end-to-end flow
 * posts records with distinctive values, then every service's log is searched for them.
 */
@Tag("system")
class LogPrivacySystemTest {

    /** The birth year as a body or a document would carry it (a bare 1931 turns up in hash codes). */
    private static final java.util.regex.Pattern BIRTH_YEAR = java.util.regex.Pattern.compile("birthYear.{0,20}1931");
    /** Measurements as a body or a document would carry them: bare numbers turn up in timestamps. */
    private static final Map<String, java.util.regex.Pattern> MEASUREMENTS = Map.of(
            "timed up and go", java.util.regex.Pattern.compile("timedUpAndGo.{0,40}347\\.9"),
            "injection volume", java.util.regex.Pattern.compile("volumeMl.{0,40}17\\.3"));

    /** Kept when the test fails, so the leaking lines can be read. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    @Test
    void shouldKeepPostedValuesOutOfDebugLogs() throws Exception {
        Map<String, String> debug = Map.of(
                "LOGGING_LEVEL_ROOT", "DEBUG",
                "LOGGING_LEVEL_ORG_MONGODB_DRIVER", "DEBUG",
                "LOGGING_LEVEL_ORG_APACHE_KAFKA", "DEBUG",
                "LOGGING_LEVEL_KAFKA", "DEBUG");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String patientId = "pt-logs-" + run;
        // values found nowhere else: free text, exact dates, a birth year and measurements
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("evaluation note", "nerve-tender-" + run);
        secrets.put("adverse event note", "felt-faint-" + run);
        secrets.put("void reason", "wrong-visit-" + run);
        secrets.put("invalid value", "not-a-date-" + run);
        secrets.put("diagnosis date", "2019-06-17");
        secrets.put("symptom onset date", "2019-05-11");

        try (RunningSystem system = RunningSystem.start(data, debug)) {
            // when a clinical system records, corrects and voids, and gets one value wrong
            assertThat(system.post("intake", "/api/v1/diagnoses", """
                    {"patientId":"%s","birthYear":1931,"side":"LEFT","diagnosisDate":"2019-06-17",
                     "symptomOnsetDate":"2019-05-11","causeCategory":"SCIATIC_NERVE",
                     "evaluations":[{"kind":"PHYSICAL_EXAM","finding":"TINEL_POSITIVE","note":"%s"}]}
                    """.formatted(
                                            patientId, secrets.get("evaluation note")))
                            .statusCode())
                    .isEqualTo(201);
            assertThat(system.post("intake", "/api/v1/diagnoses", """
                    {"patientId":"%s","side":"LEFT","diagnosisDate":"%s","causeCategory":"SCIATIC_NERVE"}
                    """.formatted(
                                            patientId, secrets.get("invalid value")))
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> assessment = system.post("intake", "/api/v1/assessments", """
                    {"patientId":"%s","assessedAt":"2019-06-18T09:00:00Z","kind":"BASELINE","side":"LEFT",
                     "measures":{"gaitSpeedComfortable":0.41,"timedUpAndGo":347.9}}
                    """.formatted(patientId));
            assertThat(assessment.statusCode()).as(assessment.body()).isEqualTo(201);
            HttpResponse<String> injection = system.post(
                    "treatment", "/api/v1/injections", """
                    {"patientId":"%s","administeredAt":"2019-06-19T10:00:00Z","technique":"NERVE_HYDRODISSECTION",
                     "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                     "volumeMl":17.3,"durationMinutes":30,
                     "adverseEvents":[{"type":"OTHER","severity":"MILD","resolved":true,"note":"%s"}]}
                    """.formatted(patientId, secrets.get("adverse event note")));
            assertThat(injection.statusCode()).as(injection.body()).isEqualTo(201);
            String second = EventJson.mapper()
                    .readTree(system.post("treatment", "/api/v1/injections", """
                    {"patientId":"%s","administeredAt":"2019-07-03T10:00:00Z","technique":"NERVE_HYDRODISSECTION",
                     "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                     "volumeMl":10,"durationMinutes":30}
                    """.formatted(patientId))
                            .body())
                    .get("injectionId")
                    .asString();
            assertThat(system.send(
                                    "DELETE",
                                    "treatment",
                                    "/api/v1/injections/" + second,
                                    "{\"reason\":\"" + secrets.get("void reason") + "\"}",
                                    "clinical-writer")
                            .statusCode())
                    .isEqualTo(200);
            // and a clinician reads the projection once every event is applied
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        HttpResponse<String> outcome =
                                system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes");
                        return outcome != null
                                && outcome.statusCode() == 200
                                && EventJson.mapper()
                                                .readTree(outcome.body())
                                                .get("appliedEvents")
                                                .asInt()
                                        == 5;
                    });
            system.read("intake", "/api/v1/patients/" + patientId + "/diagnoses");
            system.read("treatment", "/api/v1/patients/" + patientId + "/injections");
        }

        // then the logs were really at DEBUG, with the driver and the Kafka client talking
        List<String> leaks = new ArrayList<>();
        for (String service : List.of("intake-service", "treatment-service", "outcomes-service")) {
            String log = Files.readString(data.resolve(service + ".log"));
            assertThat(log).as(service + " logged at DEBUG").contains(" DEBUG ");
            assertThat(log.lines()
                            .filter(l -> l.contains(" DEBUG ") && l.contains("mongodb.driver"))
                            .count())
                    .as(service + ": MongoDB driver DEBUG lines")
                    .isPositive();
            assertThat(log.lines()
                            .filter(l -> l.contains(" DEBUG ") && l.contains("kafka.clients"))
                            .count())
                    .as(service + ": Kafka client DEBUG lines")
                    .isPositive();
            log.lines()
                    .filter(line -> BIRTH_YEAR.matcher(line).find())
                    .forEach(line -> leaks.add(service + " logged the birth year: " + abbreviate(line)));
            MEASUREMENTS.forEach((what, pattern) -> log.lines()
                    .filter(line -> pattern.matcher(line).find())
                    .forEach(line -> leaks.add(service + " logged the " + what + ": " + abbreviate(line))));
            secrets.forEach((what, value) -> log.lines()
                    .filter(line -> line.contains(value))
                    .forEach(line -> leaks.add(service + " logged the " + what + ": " + abbreviate(line))));
        }
        assertThat(leaks).isEmpty();
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
