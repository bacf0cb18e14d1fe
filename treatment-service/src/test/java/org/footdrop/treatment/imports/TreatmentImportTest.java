package org.footdrop.treatment.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Treatment's kinds in a bulk import: therapies before their sessions (named by the therapy's
 * key), injections numbered into the series by clinical time whatever the file's order.
 */
@EmbeddedInfrastructure
class TreatmentImportTest {

    @LocalServerPort
    int port;

    @Test
    void shouldImportTherapiesTheirSessionsAndASeriesInAnyOrder() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String p = "pt-trt-" + run;
        Http writer = writer(run);
        String file = String.join(
                "\n",
                session("s-1", p, "t-1", "2026-03-10"),
                injection("i-2", p, "2026-04-20T10:00:00Z"),
                "{\"kind\":\"therapy\",\"key\":\"t-1\",\"body\":" + TreatmentBodies.therapy(p) + "}",
                injection("i-1", p, "2026-03-02T10:00:00Z"),
                session("s-early", p, "t-1", "2026-03-01"),
                session("s-orphan", p, "t-unknown", "2026-03-12"),
                session("s-other", "pt-someone-else-" + run, "t-1", "2026-03-12"),
                "{\"kind\":\"diagnosis\",\"key\":\"d-1\",\"body\":{\"patientId\":\"" + p + "\"}}");

        String location = upload(writer, run, file);
        JsonNode job = completed(writer, location);

        assertThat(job.get("accepted").asLong()).isEqualTo(4);
        assertThat(job.get("refused").asLong()).isEqualTo(3);
        assertThat(job.get("otherService").asLong()).isEqualTo(1);
        List<String> refusedFields = writer.sendForText("GET", location + "/refusals", null)
                .getBody()
                .lines()
                .map(EventJson.mapper()::readTree)
                .map(r -> r.get("problem").get("errors").get(0).get("field").asString())
                .toList();
        assertThat(refusedFields).containsExactly("date", "therapyKey", "patientId");
        Http clinician = new Http(port, TestTokens.forRoles(Role.CLINICIAN));
        JsonNode series = clinician.get("/api/v1/patients/{p}/injections", p).getBody();
        assertThat(series).extracting(i -> i.get("nth").asInt()).containsExactly(1, 2);
        assertThat(series.get(0).get("administeredAt").asString()).isEqualTo("2026-03-02T10:00:00Z");
        JsonNode therapies = clinician.get("/api/v1/patients/{p}/therapies", p).getBody();
        assertThat(therapies.get(0).get("attendedSessions").asInt()).isEqualTo(1);
    }

    @Test
    void shouldFindASessionsTherapyThatClosedTheBatchBefore() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String p = "pt-p-" + run;
        Http writer = writer(run);
        StringBuilder file = new StringBuilder();
        file.append(session("s-1", p, "t-p", "2026-03-10")).append('\n');
        file.append("{\"kind\":\"therapy\",\"key\":\"t-p\",\"body\":" + TreatmentBodies.therapy(p) + "}\n");
        // patients sorted before p fill the first batch of 500 but one line: p's therapy closes it
        for (int i = 0; i < 499; i++) {
            String filler = "pt-a-" + run + "-" + String.format("%03d", i);
            file.append("{\"kind\":\"therapy\",\"key\":\"t-" + i + "\",\"body\":" + TreatmentBodies.therapy(filler)
                    + "}\n");
        }

        JsonNode job = completed(writer, upload(writer, run, file.toString()));

        assertThat(job.get("accepted").asLong()).isEqualTo(501);
        assertThat(job.get("refused").asLong()).isZero();
        JsonNode therapies = new Http(port, TestTokens.forRoles(Role.CLINICIAN))
                .get("/api/v1/patients/{p}/therapies", p)
                .getBody();
        assertThat(therapies.get(0).get("attendedSessions").asInt()).isEqualTo(1);
    }

    @Test
    void shouldFindTheSessionsOfATherapyVoidedSinceAlreadyPresentWhenTheFileIsImportedAgain() {
        // given a therapy and its session imported, then the therapy voided through the API
        String run = UUID.randomUUID().toString().substring(0, 8);
        String p = "pt-again-" + run;
        Http writer = writer(run);
        String file = String.join(
                "\n",
                "{\"kind\":\"therapy\",\"key\":\"t-1\",\"body\":" + TreatmentBodies.therapy(p) + "}",
                session("s-1", p, "t-1", "2026-03-10"));
        assertThat(completed(writer, upload(writer, run, file)).get("accepted").asLong())
                .isEqualTo(2);
        String therapyId = new Http(port, TestTokens.forRoles(Role.CLINICIAN))
                .get("/api/v1/patients/{p}/therapies", p)
                .getBody()
                .get(0)
                .get("therapyId")
                .asString();
        assertThat(writer.send("DELETE", "/api/v1/therapies/" + therapyId, "{\"reason\":\"wrong chart\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // when the file is imported again, then its session is what it stored, not a session of a voided therapy
        JsonNode again = completed(writer, upload(writer, run, file));

        assertThat(again.get("refused").asLong()).isZero();
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(2);

        // and a stored session's line that lost its patient is refused for it, the job going on
        JsonNode broken = completed(
                writer,
                upload(writer, run, file.replace("\"patientId\":\"" + p + "\",\"therapyKey\"", "\"therapyKey\"")));
        assertThat(broken.get("refused").asLong()).isEqualTo(1);
        assertThat(broken.get("alreadyPresent").asLong()).isEqualTo(1);
    }

    private Http writer(String run) {
        return new Http(
                port,
                TestTokens.builder(Role.CLINICAL_WRITER)
                        .subject("migration-" + run)
                        .sign());
    }

    /** The job's location. */
    private static String upload(Http writer, String run, String file) {
        ResponseEntity<JsonNode> started = writer.upload("/api/v1/imports?system=urn:test:" + run, file);
        return started.getHeaders().getLocation().toString();
    }

    private static JsonNode completed(Http writer, String location) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> writer.get(location).getBody(),
                        j -> j.get("status").asString().equals("COMPLETED"));
    }

    private static String session(String key, String patientId, String therapyKey, String date) {
        return "{\"kind\":\"therapySession\",\"key\":\"" + key + "\",\"patientId\":\"" + patientId
                + "\",\"therapyKey\":\"" + therapyKey + "\",\"body\":{\"date\":\"" + date + "\",\"attended\":true}}";
    }

    private static String injection(String key, String patientId, String at) {
        return "{\"kind\":\"injection\",\"key\":\"" + key + "\",\"body\":" + TreatmentBodies.injection(patientId, at)
                + "}";
    }
}
