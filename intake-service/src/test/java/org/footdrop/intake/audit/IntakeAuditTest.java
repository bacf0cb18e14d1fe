package org.footdrop.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.intake.lifecycle.IntakeRecordApis;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.AuditProbe;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Every kind of access to intake's patient data leaves an audit record saying who, what, when and how it ended. */
@EmbeddedInfrastructure
class IntakeAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldAuditWritesAndReadsAcceptedOrRejected() {
        // given a clinical system, a clinician and an analyst, each with their own subject
        String run = UUID.randomUUID().toString();
        String writerSubject = "ehr-" + run;
        String clinicianSubject = "dr-" + run;
        String analystSubject = "analyst-" + run;
        Http writer = new Http(
                port,
                TestTokens.builder(Role.CLINICAL_WRITER).subject(writerSubject).sign());
        Http clinician = new Http(
                port,
                TestTokens.builder(Role.CLINICIAN).subject(clinicianSubject).sign());
        Http analyst = new Http(
                port, TestTokens.builder(Role.ANALYST).subject(analystSubject).sign());
        String patientId = "pt-audit-" + run;
        String body = IntakeRecordApis.DIAGNOSES.validBody().apply(patientId).toString();

        // when the writer records, amends and sends one invalid and one oversized body
        String id = writer.send("POST", "/api/v1/diagnoses", body)
                .getBody()
                .get("diagnosisId")
                .asString();
        writer.send(
                "PUT",
                "/api/v1/diagnoses/" + id,
                IntakeRecordApis.DIAGNOSES.amendedBody().apply(patientId).toString(),
                "If-Match",
                "\"1\"");
        writer.send("POST", "/api/v1/diagnoses", "{\"patientId\":\"" + patientId + "\"}");
        writer.send("POST", "/api/v1/diagnoses", "{\"notes\":\"" + "x".repeat(70_000) + "\"}");
        // and the clinician reads the record and the patient's list, and the analyst tries to
        clinician.get("/api/v1/diagnoses/" + id);
        clinician.get("/api/v1/patients/" + patientId + "/diagnoses");
        analyst.get("/api/v1/patients/" + patientId + "/diagnoses");
        // and someone without a token tries too
        new Http(port, null).get("/api/v1/patients/" + patientId + "/diagnoses");

        // then
        List<Document> writes = new AuditProbe(mongo).awaitRecords(writerSubject, 4);
        assertThat(writes)
                .extracting(d -> d.getString("endpoint"), d -> d.getInteger("status"), d -> d.getString("outcome"))
                .containsExactly(
                        tuple("POST /api/v1/diagnoses", 201, "ALLOWED"),
                        tuple("PUT /api/v1/diagnoses/{diagnosisId}", 200, "ALLOWED"),
                        tuple("POST /api/v1/diagnoses", 400, "REJECTED"),
                        tuple("POST (unmatched)", 413, "REJECTED"));
        assertThat(writes.get(0).getList("patientIds", String.class)).containsExactly(patientId);
        assertThat(writes.get(1).getList("patientIds", String.class)).containsExactly(patientId);
        assertThat(writes).allSatisfy(d -> {
            assertThat(d.getString("client")).isEqualTo(writerSubject);
            assertThat(d.getString("service")).isEqualTo("intake-service");
            assertThat(d.getDate("at")).isNotNull();
        });

        List<Document> reads = new AuditProbe(mongo).awaitRecords(clinicianSubject, 2);
        assertThat(reads)
                .extracting(d -> d.getString("endpoint"))
                .containsExactly("GET /api/v1/diagnoses/{diagnosisId}", "GET /api/v1/patients/{patientId}/diagnoses");
        assertThat(reads).allSatisfy(d -> {
            assertThat(d.getList("patientIds", String.class)).containsExactly(patientId);
            assertThat(d.getInteger("status")).isEqualTo(200);
        });

        Document refused = new AuditProbe(mongo).awaitRecords(analystSubject, 1).get(0);
        assertThat(refused.getInteger("status")).isEqualTo(403);
        assertThat(refused.getString("outcome")).isEqualTo("REJECTED");
        assertThat(refused.getString("path")).isEqualTo("/api/v1/patients/" + patientId + "/diagnoses");

        List<Document> anonymous = new AuditProbe(mongo).awaitRecords("anonymous", 1);
        assertThat(anonymous).anySatisfy(d -> {
            assertThat(d.getString("path")).isEqualTo("/api/v1/patients/" + patientId + "/diagnoses");
            assertThat(d.getInteger("status")).isEqualTo(401);
        });
    }
}
