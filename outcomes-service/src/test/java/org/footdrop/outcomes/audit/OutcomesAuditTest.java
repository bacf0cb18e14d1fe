package org.footdrop.outcomes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.AuditProbe;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Analysts' cohort queries and exports are audited with the query itself; clinicians' reads with the patient. */
@EmbeddedInfrastructure
class OutcomesAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldAuditCohortQueriesExportsAndPatientReads() {
        // given
        String run = UUID.randomUUID().toString();
        String analystSubject = "analyst-" + run;
        String clinicianSubject = "dr-" + run;
        Http analyst = new Http(
                port, TestTokens.builder(Role.ANALYST).subject(analystSubject).sign());
        Http clinician = new Http(
                port,
                TestTokens.builder(Role.CLINICIAN).subject(clinicianSubject).sign());
        String patientId = "pt-audit-" + run;

        // when
        analyst.get("/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_6&groupBy=solutionGroup&side=LEFT");
        analyst.get("/api/v1/cohorts/time-to-response?measure=lefs");
        analyst.sendForText("GET", "/api/v1/exports/patients?format=csv", null);
        analyst.get("/api/v1/patients/" + patientId + "/outcomes");
        clinician.get("/api/v1/patients/" + patientId + "/outcomes");
        clinician.get("/api/v1/data-quality");
        clinician.get("/api/v1/data-quality?patientId=" + patientId);

        // then
        List<Document> analystRecords = new AuditProbe(mongo).awaitRecords(analystSubject, 4);
        assertThat(analystRecords)
                .extracting(d -> d.getString("endpoint"), d -> d.getString("query"), d -> d.getInteger("status"))
                .containsExactly(
                        tuple(
                                "GET /api/v1/cohorts/outcomes",
                                "measure=lefs&window=WEEK_6&groupBy=solutionGroup&side=LEFT",
                                200),
                        tuple("GET /api/v1/cohorts/time-to-response", "measure=lefs", 200),
                        tuple("GET /api/v1/exports/patients", "format=csv", 200),
                        tuple("GET (unmatched)", null, 403));
        assertThat(analystRecords.get(3).getString("path")).isEqualTo("/api/v1/patients/" + patientId + "/outcomes");

        List<Document> clinicianRecords = new AuditProbe(mongo).awaitRecords(clinicianSubject, 3);
        assertThat(clinicianRecords)
                .extracting(d -> d.getString("endpoint"), d -> d.getList("patientIds", String.class))
                .containsExactly(
                        tuple("GET /api/v1/patients/{patientId}/outcomes", List.of(patientId)),
                        tuple("GET /api/v1/data-quality", List.of()),
                        tuple("GET /api/v1/data-quality", List.of(patientId)));
        assertThat(clinicianRecords)
                .allSatisfy(d -> assertThat(d.getString("service")).isEqualTo("outcomes-service"));
    }
}
