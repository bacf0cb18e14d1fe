package org.footdrop.outcomes.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventType;
import org.footdrop.outcomes.testing.GoldenEvents;
import org.footdrop.outcomes.testing.PoisonRecords;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.SecurityMatrixContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

@EmbeddedInfrastructure
class OutcomesSecurityMatrixTest extends SecurityMatrixContract {

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Override
    protected Map<String, Entry> apiMatrix() {
        Map<String, Entry> matrix = new LinkedHashMap<>();
        matrix.put("GET /api/v1/patients/{patientId}/outcomes", new Entry(Access.role(Role.CLINICIAN), http -> {
            String patientId = newPatient();
            new GoldenEvents(brokers, codec).publish(patientId, EventType.DIAGNOSIS_RECORDED);
            String path = "/api/v1/patients/" + patientId + "/outcomes";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get(path).getStatusCode().value() == 200);
            return Call.get(path);
        }));
        matrix.put(
                "GET /api/v1/data-quality",
                new Entry(Access.role(Role.CLINICIAN), http -> Call.get("/api/v1/data-quality")));
        matrix.put(
                "GET /api/v1/cohorts/outcomes",
                new Entry(
                        Access.role(Role.ANALYST),
                        http -> Call.get("/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_6")));
        matrix.put(
                "GET /api/v1/cohorts/time-to-response",
                new Entry(
                        Access.role(Role.ANALYST), http -> Call.get("/api/v1/cohorts/time-to-response?measure=lefs")));
        matrix.put(
                "GET /api/v1/cohorts/report",
                new Entry(Access.role(Role.ANALYST), http -> Call.get("/api/v1/cohorts/report?groupBy=solutionGroup")));
        matrix.put(
                "GET /api/v1/data-quality/summary",
                new Entry(Access.role(Role.ANALYST), http -> Call.get("/api/v1/data-quality/summary")));
        matrix.put(
                "GET /api/v1/cohorts/safety",
                new Entry(Access.role(Role.ANALYST), http -> Call.get("/api/v1/cohorts/safety")));
        matrix.put(
                "GET /api/v1/exports/patients",
                new Entry(Access.role(Role.ANALYST), http -> Call.get("/api/v1/exports/patients")));
        matrix.put("POST /api/v1/admin/projection-rebuilds", new Entry(Access.role(Role.ADMIN), http -> {
            awaitNoRebuildRunning(http);
            return Call.send("POST", "/api/v1/admin/projection-rebuilds", null, 202);
        }));
        matrix.put(
                "GET /api/v1/admin/projection-rebuilds/current",
                new Entry(Access.role(Role.ADMIN), http -> Call.get("/api/v1/admin/projection-rebuilds/current")));
        matrix.put(
                "GET /api/v1/admin/dead-letters",
                new Entry(Access.role(Role.ADMIN), http -> Call.get("/api/v1/admin/dead-letters")));
        matrix.put(
                "POST /api/v1/admin/dead-letters/{partition}/{offset}/redrives",
                new Entry(Access.role(Role.ADMIN), http -> {
                    JsonNode letter = PoisonRecords.deadLetter(brokers, http);
                    return Call.send(
                            "POST",
                            "/api/v1/admin/dead-letters/"
                                    + letter.get("partition").asInt() + "/"
                                    + letter.get("offset").asLong() + "/redrives",
                            null,
                            201);
                }));
        return matrix;
    }

    /** Other tests share this context and may have a rebuild running. */
    static void awaitNoRebuildRunning(Http http) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.get("/api/v1/admin/projection-rebuilds/current")
                        .getBody()
                        .path("state")
                        .asString()
                        .equals("REPLAYING"));
    }
}
