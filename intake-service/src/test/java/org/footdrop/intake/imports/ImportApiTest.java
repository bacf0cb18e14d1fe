package org.footdrop.intake.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.Topics;
import org.footdrop.support.imports.ImportProperties;
import org.footdrop.support.imports.Importer;
import org.footdrop.support.outbox.PendingEventMarker;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TopicProbe;
import org.footdrop.support.web.RequestSizeLimitFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A clinic's history in one file, through real HTTP: the lines of intake's kinds applied in
 * clinical order whatever the file's order, under the same rules and with the same events as
 * posted records; refusals with the API's own problems; a second import skips what is there.
 */
@EmbeddedInfrastructure
class ImportApiTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    EventCodec codec;

    @Autowired
    Importer importer;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ImportProperties imports;

    String run;
    String subject;
    Http writer;
    Http clinician;

    @BeforeEach
    void writer() {
        run = UUID.randomUUID().toString().substring(0, 8);
        subject = "emr-migration-" + run;
        writer = new Http(
                port, TestTokens.builder(Role.CLINICAL_WRITER).subject(subject).sign());
        clinician = new Http(port, TestTokens.forRoles(Role.CLINICIAN));
    }

    @Test
    void shouldImportAMixedFileInClinicalOrderWithTheApisRulesAndEvents() {
        String p1 = "pt-imp-1-" + run;
        String p2 = "pt-imp-2-" + run;
        String file = String.join(
                "\n",
                // out of order on purpose: p1's assessment before its diagnosis, which sets the onset
                assessment("a-1", p1, "2026-01-05T09:00:00Z"),
                assessment("a-early", p1, "2025-12-20T09:00:00Z"),
                diagnosis("d-1", p1, "2025-12-28"),
                "{\"kind\":\"injection\",\"key\":\"i-1\",\"body\":{\"patientId\":\"" + p1 + "\"}}",
                diagnosis("d-2", p2, "2026-01-02"),
                "{\"kind\":\"assessment\",\"key\":\"a-bad\",\"body\":{\"patientId\":\"" + p2
                        + "\",\"assessedAt\":\"2026-01-06T09:00:00Z\",\"kind\":\"BASELINE\",\"side\":\"LEFT\","
                        + "\"measures\":{\"mrcAnkleDorsiflexion\":\"6\"}}}",
                "not json",
                "{\"kind\":\"assessment\",\"key\":\"a-1\",\"action\":\"amend\",\"body\":"
                        + assessmentBody(p1, "2026-01-05T09:00:00Z", "4") + "}",
                "{\"kind\":\"diagnosis\",\"key\":\"d-2\",\"action\":\"void\",\"patientId\":\"" + p2
                        + "\",\"reason\":\"duplicate chart\"}");

        JsonNode job = finished(upload(file));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("linesRead").asLong()).isEqualTo(9);
        assertThat(job.get("otherService").asLong()).isEqualTo(1);
        assertThat(job.get("accepted").asLong()).isEqualTo(5); // d-1, d-2, a-1, its amend, d-2's void
        assertThat(job.get("refused").asLong()).isEqualTo(3); // a-early, a-bad, not json
        assertThat(job.get("alreadyPresent").asLong()).isZero();
        assertThat(job.get("startedBy").asString()).isEqualTo(subject);

        List<JsonNode> refusals = refusals(job);
        assertThat(refusals).extracting(r -> r.get("line").asLong()).containsExactly(2L, 6L, 7L);
        assertThat(refusals.get(0)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("assessedAt");
        assertThat(refusals.get(0)
                        .get("problem")
                        .get("errors")
                        .get(0)
                        .get("reason")
                        .asString())
                .isEqualTo("must not be before the symptom onset (2025-12-28)");
        // the very problem the per-record API answers for the same body
        ResponseEntity<JsonNode> posted = writer.send(
                "POST",
                "/api/v1/assessments",
                EventJson.mapper().readTree(lineOf(file, 6)).get("body").toString());
        assertThat(refusals.get(1).get("problem").get("errors"))
                .isEqualTo(posted.getBody().get("errors"));
        assertThat(refusals.get(1).get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(refusals.get(2).get("problem").get("type").asString()).endsWith("malformed-request");

        JsonNode p1Assessments =
                clinician.get("/api/v1/patients/{p}/assessments", p1).getBody();
        assertThat(p1Assessments).hasSize(1);
        assertThat(p1Assessments.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(p1Assessments
                        .get(0)
                        .get("measures")
                        .get("mrcAnkleDorsiflexion")
                        .asString())
                .isEqualTo("4");
        JsonNode p2Diagnoses =
                clinician.get("/api/v1/patients/{p}/diagnoses", p2).getBody();
        assertThat(p2Diagnoses.get(0).get("status").asString()).isEqualTo("VOIDED");

        List<EventEnvelope> events = awaitEvents(List.of(p1, p2), 5);
        assertThat(events)
                .allSatisfy(e ->
                        assertThat(e.importJob()).isEqualTo(job.get("jobId").asString()));
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactlyInAnyOrder(
                        "intake.diagnosis-recorded",
                        "intake.diagnosis-recorded",
                        "intake.assessment-recorded",
                        "intake.assessment-amended",
                        "intake.diagnosis-voided");
        // and once sent, no outbox marker keeps any of them pending (a batch's is one for all its events)
        List<String> eventIds = events.stream().map(e -> e.eventId().toString()).toList();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.count(
                                Query.query(new Criteria()
                                        .orOperator(
                                                Criteria.where("_id").in(eventIds),
                                                Criteria.where("events.eventId").in(eventIds))),
                                PendingEventMarker.COLLECTION)
                        == 0);
    }

    @Test
    void shouldSkipWhatIsThereWhenAFileIsImportedAgainAndRefuseAKnownKeyWithAnotherBody() {
        String p = "pt-again-" + run;
        String file = diagnosis("d-1", p, "2026-01-02") + "\n" + assessment("a-1", p, "2026-01-05T09:00:00Z");
        finished(upload(file));

        String grown =
                file + "\n" + assessment("a-2", p, "2026-02-05T09:00:00Z") + "\n" + diagnosis("d-1", p, "2025-12-30");
        JsonNode again = finished(upload(grown));

        assertThat(again.get("accepted").asLong()).isEqualTo(1);
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(2);
        assertThat(again.get("refused").asLong()).isEqualTo(1);
        assertThat(refusals(again).get(0).get("problem").get("status").asInt()).isEqualTo(409);
        assertThat(clinician.get("/api/v1/patients/{p}/assessments", p).getBody())
                .hasSize(2);
        JsonNode diagnoses = clinician.get("/api/v1/patients/{p}/diagnoses", p).getBody();
        assertThat(diagnoses).hasSize(1);
        // the refusal names the record that already carries the key
        assertThat(refusals(again).get(0).get("problem").get("existingRecordId").asString())
                .isEqualTo(diagnoses.get(0).get("diagnosisId").asString());
    }

    @Test
    void shouldFindAFileImportedAgainAlreadyPresentWhereARuleWouldNowRefuseALine() {
        // given a file imported whole: the assessment is after the earlier diagnosis's onset
        String p = "pt-again-rules-" + run;
        String file = String.join(
                "\n",
                diagnosis("d-1", p, "2025-11-01"),
                diagnosis("d-2", p, "2025-12-28"),
                assessment("a-1", p, "2025-12-01T09:00:00Z"),
                "{\"kind\":\"assessment\",\"key\":\"a-1\",\"action\":\"amend\",\"body\":"
                        + assessmentBody(p, "2025-12-01T09:00:00Z", "4") + "}");
        assertThat(finished(upload(file)).get("accepted").asLong()).isEqualTo(4);
        // and the earlier diagnosis voided since: the onset rule would now refuse the assessment
        String d1 = null;
        for (JsonNode diagnosis :
                clinician.get("/api/v1/patients/{p}/diagnoses", p).getBody()) {
            if ("d-1".equals(diagnosis.path("identifier").path("value").asString())) {
                d1 = diagnosis.get("diagnosisId").asString();
            }
        }
        assertThat(writer.send("DELETE", "/api/v1/diagnoses/" + d1, "{\"reason\":\"wrong chart\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // when the same file is imported again
        JsonNode again = finished(upload(file));

        // then every line is what it stored, the correction too: already present, none refused
        assertThat(again.get("refused").asLong()).as(refusals(again).toString()).isZero();
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(4);
    }

    @Test
    void shouldApplyAValueCorrectedAndThenCorrectedBackAndFindTheFileAlreadyPresentWhenImportedAgain() {
        // given an assessment corrected to 4, then to 5, then back to 4 with the very line of the first
        String p = "pt-back-" + run;
        String toFour = "{\"kind\":\"assessment\",\"key\":\"a-1\",\"action\":\"amend\",\"body\":"
                + assessmentBody(p, "2026-01-05T09:00:00Z", "4") + "}";
        String file = String.join(
                "\n",
                diagnosis("d-1", p, "2025-12-28"),
                assessment("a-1", p, "2026-01-05T09:00:00Z"),
                toFour,
                "{\"kind\":\"assessment\",\"key\":\"a-1\",\"action\":\"amend\",\"body\":"
                        + assessmentBody(p, "2026-01-05T09:00:00Z", "5") + "}",
                toFour);

        JsonNode job = finished(upload(file));

        // then the last correction stands, each applied once
        assertThat(job.get("accepted").asLong()).isEqualTo(5);
        JsonNode assessment =
                clinician.get("/api/v1/patients/{p}/assessments", p).getBody().get(0);
        assertThat(assessment.get("revision").asInt()).isEqualTo(4);
        assertThat(assessment.get("measures").get("mrcAnkleDorsiflexion").asString())
                .isEqualTo("4");
        // and the same file imported again changes nothing
        JsonNode again = finished(upload(file));
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(5);
        assertThat(again.get("accepted").asLong()).isZero();
        assertThat(clinician
                        .get("/api/v1/patients/{p}/assessments", p)
                        .getBody()
                        .get(0)
                        .get("revision")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void shouldRefuseALineTooLongToHoldAndImportTheLinesAfterIt() {
        String p = "pt-long-" + run;
        String file = String.join(
                "\n",
                "{\"kind\":\"diagnosis\",\"key\":\"d-long\",\"body\":{\"patientId\":\"" + p + "\",\"note\":\""
                        + "x".repeat(200_000) + "\"}}",
                diagnosis("d-1", p, "2025-12-28"));

        JsonNode job = finished(upload(file));

        assertThat(job.get("accepted").asLong()).isEqualTo(1);
        assertThat(refusals(job)).singleElement().satisfies(refusal -> {
            assertThat(refusal.get("line").asLong()).isEqualTo(1);
            assertThat(refusal.get("problem").get("errors").get(0).get("field").asString())
                    .isEqualTo("line");
        });
    }

    @Test
    void shouldFindAnIdenticalVoidOrAmendRepeatedInAFileAlreadyPresent() {
        String p = "pt-twice-" + run;
        String amend = "{\"kind\":\"assessment\",\"key\":\"a-1\",\"action\":\"amend\",\"body\":"
                + assessmentBody(p, "2026-01-05T09:00:00Z", "4") + "}";
        String voidLine = "{\"kind\":\"diagnosis\",\"key\":\"d-2\",\"action\":\"void\",\"patientId\":\"" + p
                + "\",\"reason\":\"duplicate chart\"}";
        String file = String.join(
                "\n",
                diagnosis("d-1", p, "2025-12-28"),
                diagnosis("d-2", p, "2025-12-28"),
                assessment("a-1", p, "2026-01-05T09:00:00Z"),
                amend,
                voidLine,
                amend,
                voidLine);

        JsonNode job = finished(upload(file));

        // the repeats change nothing: already present, not refused, not applied twice
        assertThat(job.get("refused").asLong()).as(refusals(job).toString()).isZero();
        assertThat(job.get("accepted").asLong()).isEqualTo(5);
        assertThat(job.get("alreadyPresent").asLong()).isEqualTo(2);
        assertThat(clinician
                        .get("/api/v1/patients/{p}/assessments", p)
                        .getBody()
                        .get(0)
                        .get("revision")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void shouldShowAJobOnlyToWhoStartedItAndRefuseToCancelAFinishedOne() {
        JsonNode job = finished(upload(diagnosis("d-1", "pt-own-" + run, "2026-01-02")));
        String location = "/api/v1/imports/" + job.get("jobId").asString();
        Http otherWriter = new Http(
                port,
                TestTokens.builder(Role.CLINICAL_WRITER).subject("other-" + run).sign());

        assertThat(otherWriter.get(location).getStatusCode().value()).isEqualTo(404);
        assertThat(otherWriter
                        .sendForText("GET", location + "/refusals", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(writer.send("DELETE", location, null).getStatusCode().value())
                .isEqualTo(409);
        assertThat(new Http(port, TestTokens.forRoles(Role.CLINICIAN))
                        .get(location)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void shouldApplyTheOnsetRuleToAPatientWhoseLinesABatchBoundaryDivides() {
        String p = "pt-p-" + run;
        String q = "pt-q-" + run;
        StringBuilder file = new StringBuilder();
        // in the file's order: p's assessments before its diagnosis, then q's, whose onset is earlier
        file.append(assessment("a-early", p, "2025-12-20T09:00:00Z")).append('\n');
        file.append(assessment("a-late", p, "2026-01-05T09:00:00Z")).append('\n');
        file.append(assessment("q-early", q, "2025-12-20T09:00:00Z")).append('\n');
        file.append(diagnosis("d-q", q, "2025-12-01")).append('\n');
        file.append(diagnosis("d-p", p, "2025-12-28")).append('\n');
        // patients sorted before p fill the first batch of 500 but one line: p's diagnosis closes it,
        // and its assessments are prepared with the next batch, after it is stored
        for (int i = 0; i < 499; i++) {
            file.append(diagnosis("fill-" + i, "pt-a-" + run + "-" + String.format("%03d", i), "2026-01-01"))
                    .append('\n');
        }

        JsonNode job = finished(upload(file.toString()));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("accepted").asLong()).isEqualTo(499 + 4); // the fillers, d-p, d-q, a-late, q-early
        List<JsonNode> refusals = refusals(job);
        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.get("line").asLong()).isEqualTo(1);
            assertThat(refusal.get("problem").get("errors").get(0).get("reason").asString())
                    .isEqualTo("must not be before the symptom onset (2025-12-28)");
        });
    }

    @Test
    void shouldApplyTheOnsetRuleToACorrectionAfterTheDiagnosisItReadsWasAmended() {
        String p = "pt-amended-onset-" + run;
        String file = String.join(
                "\n",
                diagnosis("d-onset", p, "2025-12-01"),
                assessment("a-onset", p, "2025-12-20T09:00:00Z"),
                // the onset moved after the assessment: amending the assessment now breaks the rule
                diagnosis("d-onset", p, "2025-12-28").replace("\"key\":", "\"action\":\"amend\",\"key\":"),
                "{\"kind\":\"assessment\",\"key\":\"a-onset\",\"action\":\"amend\",\"body\":"
                        + assessmentBody(p, "2025-12-20T09:00:00Z", "4") + "}");

        JsonNode job = finished(upload(file));

        assertThat(job.get("accepted").asLong()).isEqualTo(3);
        assertThat(refusals(job)).singleElement().satisfies(refusal -> {
            assertThat(refusal.get("line").asLong()).isEqualTo(4);
            assertThat(refusal.get("problem").get("errors").get(0).get("reason").asString())
                    .isEqualTo("must not be before the symptom onset (2025-12-28)");
        });
    }

    @Test
    void shouldStopACancelledJobAfterItsBatchKeepingWhatItImported() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            file.append(diagnosis("d-" + i, "pt-cancel-" + run + "-" + i, "2026-01-01"))
                    .append('\n');
        }
        ResponseEntity<JsonNode> started = upload(file.toString());

        ResponseEntity<JsonNode> cancelled =
                writer.send("DELETE", started.getHeaders().getLocation().toString(), null);
        JsonNode job = finished(started);

        assertThat(cancelled.getStatusCode().value()).isEqualTo(202);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("processed").asLong())
                .isLessThan(5_000)
                .isEqualTo(job.get("accepted").asLong());
        assertThat(clinician
                        .get("/api/v1/patients/{p}/diagnoses", "pt-cancel-" + run + "-0")
                        .getBody())
                .hasSize(1);
        assertThat(imports.directory().resolve(job.get("jobId").asString()))
                .as("a cancelled job's sorted lines, not resumed, are removed")
                .doesNotExist();
    }

    @Test
    void shouldCountCorrectionsRedoneAfterAnInterruptionAsAcceptedExactlyOnce() {
        // given a job with many corrections, checkpointed every CORRECTIONS_PER_CHECKPOINT of them
        int patients = 20;
        int amendsEach = 100;
        StringBuilder file = new StringBuilder();
        for (int p = 0; p < patients; p++) {
            String patient = "pt-redo-" + run + "-" + p;
            file.append(diagnosis("d-" + p, patient, "2026-01-01")).append('\n');
            file.append(assessment("a-" + p, patient, "2026-01-05T09:00:00Z")).append('\n');
        }
        for (int i = 1; i <= amendsEach; i++) {
            for (int p = 0; p < patients; p++) {
                file.append(gaitSpeedAmend("a-" + p, "pt-redo-" + run + "-" + p, i))
                        .append('\n');
            }
        }
        long lines = 2L * patients + (long) patients * amendsEach;
        ResponseEntity<JsonNode> started = upload(file.toString());
        String location = started.getHeaders().getLocation().toString();
        long creates = 2L * patients;
        long firstCheckpoint = creates + Importer.CORRECTIONS_PER_CHECKPOINT;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> writer.get(location).getBody().get("processed").asLong() >= firstCheckpoint + 100);

        // when the service stops mid-corrections and its job is left at an earlier checkpoint, as a kill
        // after the corrections were written but before their checkpoint leaves it; then it starts again
        restartAt(location, firstCheckpoint);
        JsonNode job = finished(started);

        // then the corrections it met again count as its own: accepted once, none already present
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("alreadyPresent").asLong()).isZero();
        assertThat(job.get("refused").asLong()).isZero();
        assertThat(job.get("accepted").asLong()).isEqualTo(lines);
        JsonNode assessments = clinician
                .get("/api/v1/patients/{p}/assessments", "pt-redo-" + run + "-" + (patients - 1))
                .getBody();
        assertThat(assessments.get(0).get("revision").asInt()).isEqualTo(1 + amendsEach);

        // and the same file imported again by another job is all already present
        JsonNode again = finished(upload(file.toString()));
        assertThat(again.get("alreadyPresent").asLong()).isEqualTo(lines);
        assertThat(again.get("accepted").asLong()).isZero();
    }

    @Test
    void shouldCountAnAmendRedoneAfterAnInterruptionAsAcceptedWhenItsRecordWasVoidedSince() {
        // given a job whose corrections begin with an amend of a record and its void, then go on long
        int patients = 20;
        StringBuilder file = new StringBuilder();
        for (int p = 0; p < patients; p++) {
            String patient = "pt-redo-void-" + run + "-" + p;
            file.append(diagnosis("d-" + p, patient, "2026-01-01")).append('\n');
            file.append(assessment("a-" + p, patient, "2026-01-05T09:00:00Z")).append('\n');
        }
        String voided = "pt-redo-void-" + run + "-0";
        file.append("{\"kind\":\"assessment\",\"key\":\"a-0\",\"action\":\"amend\",\"body\":")
                .append(assessmentBody(voided, "2026-01-05T09:00:00Z", "4"))
                .append("}\n");
        file.append("{\"kind\":\"assessment\",\"key\":\"a-0\",\"action\":\"void\",\"patientId\":\"")
                .append(voided)
                .append("\",\"reason\":\"wrong chart\"}\n");
        int amendsEach = 50;
        for (int i = 1; i <= amendsEach; i++) {
            for (int p = 1; p < patients; p++) {
                file.append(gaitSpeedAmend("a-" + p, "pt-redo-void-" + run + "-" + p, i))
                        .append('\n');
            }
        }
        long lines = 2L * patients + 2 + (long) (patients - 1) * amendsEach;
        ResponseEntity<JsonNode> started = upload(file.toString());
        String location = started.getHeaders().getLocation().toString();
        long creates = 2L * patients;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> writer.get(location).getBody().get("processed").asLong()
                        >= creates + Importer.CORRECTIONS_PER_CHECKPOINT);

        // when the service stops and its job is left at the checkpoint before the amend and the void, as
        // a kill after they were written but before their checkpoint leaves it; then it starts again
        restartAt(location, creates);
        JsonNode job = finished(started);

        // then the amend met again is the job's own, although its record has been voided since
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("refused").asLong()).as(refusals(job).toString()).isZero();
        assertThat(job.get("alreadyPresent").asLong()).isZero();
        assertThat(job.get("accepted").asLong()).isEqualTo(lines);
    }

    @Test
    void shouldCancelAJobWaitingItsTurnBeforeItImportsAnything() {
        // given a long job running and another waiting behind it
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            file.append(diagnosis("d-" + i, "pt-busy-" + run + "-" + i, "2026-01-01"))
                    .append('\n');
        }
        ResponseEntity<JsonNode> busy = upload(file.toString());
        String waitingPatient = "pt-waiting-" + run;
        ResponseEntity<JsonNode> waiting = upload(diagnosis("d-w", waitingPatient, "2026-01-01"));
        String location = waiting.getHeaders().getLocation().toString();

        // when the waiting one is cancelled (and the long one, to end sooner)
        assertThat(writer.send("DELETE", location, null).getStatusCode().value())
                .isEqualTo(202);
        writer.send("DELETE", busy.getHeaders().getLocation().toString(), null);
        JsonNode job = finished(waiting);
        finished(busy);

        // then nothing of it was imported, and its sorted lines are gone from the disk
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("accepted").asLong()).isZero();
        assertThat(clinician
                        .get("/api/v1/patients/{p}/diagnoses", waitingPatient)
                        .getBody())
                .isEmpty();
        assertThat(imports.directory().resolve(job.get("jobId").asString())).doesNotExist();
    }

    @Test
    void shouldFailAFileFoundTooLargeWhileItIsReadAndKeepNothingOfIt() {
        // a file sent without a length runs over the limit after its first line
        InputStream overTheLimit = new SequenceInputStream(
                new ByteArrayInputStream(
                        (diagnosis("d-1", "pt-large-" + run, "2026-01-01") + "\n").getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new RequestSizeLimitFilter.BodyTooLargeException(1024);
                    }
                });

        assertThatThrownBy(() -> importer.receive(
                        overTheLimit, "urn:test:" + run, RequestContext.forJob("migration", subject, null)))
                .isInstanceOf(RequestSizeLimitFilter.BodyTooLargeException.class);

        Document job = mongo.findOne(Query.query(Criteria.where("subject").is(subject)), Document.class, "import_jobs");
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failure")).contains("larger than the import's limit");
        assertThat(imports.directory().resolve(job.getString("_id"))).doesNotExist();
    }

    /**
     * Stops the service mid-job and leaves the job at this checkpoint, as a kill after later lines were
     * written but before their checkpoint leaves it; then starts the service again.
     */
    private void restartAt(String location, long checkpoint) {
        importer.stop();
        assertThat(writer.get(location).getBody().get("status").asString()).isEqualTo("RUNNING");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(location.substring(location.lastIndexOf('/') + 1))),
                new Update()
                        .set("position", checkpoint)
                        .set("processed", checkpoint)
                        .set("accepted", checkpoint)
                        .set("alreadyPresent", 0L)
                        .set("refused", 0L),
                "import_jobs");
        importer.start();
    }

    /** An amend of the patient's assessment to a comfortable gait speed of i/100 m/s. */
    private static String gaitSpeedAmend(String key, String patientId, int i) {
        return "{\"kind\":\"assessment\",\"key\":\"" + key + "\",\"action\":\"amend\",\"body\":{\"patientId\":\""
                + patientId + "\",\"assessedAt\":\"2026-01-05T09:00:00Z\",\"kind\":\"BASELINE\",\"side\":\"LEFT\","
                + "\"measures\":{\"gaitSpeedComfortable\":" + "%d.%02d}}}".formatted(i / 100, i % 100);
    }

    private ResponseEntity<JsonNode> upload(String file) {
        ResponseEntity<JsonNode> response = writer.upload("/api/v1/imports?system=urn:test:" + run, file);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(202);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        return response;
    }

    private JsonNode finished(ResponseEntity<JsonNode> started) {
        String location = started.getHeaders().getLocation().toString();
        return await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> writer.get(location).getBody(),
                        job -> !job.get("status").asString().matches("RECEIVING|QUEUED|RUNNING"));
    }

    private List<JsonNode> refusals(JsonNode job) {
        String text = writer.sendForText(
                        "GET", "/api/v1/imports/" + job.get("jobId").asString() + "/refusals", null)
                .getBody();
        return text == null
                ? List.of()
                : text.lines().map(EventJson.mapper()::readTree).toList();
    }

    private List<EventEnvelope> awaitEvents(List<String> patients, int count) {
        try (TopicProbe topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS)) {
            return await().atMost(Duration.ofSeconds(120))
                    .until(
                            () -> topic.poll().stream()
                                    .filter(r -> patients.contains(new String(r.key(), StandardCharsets.UTF_8)))
                                    .map(ConsumerRecord::value)
                                    .map(codec::decode)
                                    .toList(),
                            events -> events.size() >= count);
        }
    }

    private static String lineOf(String file, int number) {
        return file.lines().skip(number - 1).findFirst().orElseThrow();
    }

    private static String diagnosis(String key, String patientId, String onset) {
        return "{\"kind\":\"diagnosis\",\"key\":\"" + key + "\",\"body\":{\"patientId\":\"" + patientId
                + "\",\"side\":\"LEFT\",\"diagnosisDate\":\"2026-01-02\",\"symptomOnsetDate\":\"" + onset
                + "\",\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"}}";
    }

    private static String assessment(String key, String patientId, String at) {
        return "{\"kind\":\"assessment\",\"key\":\"" + key + "\",\"body\":" + assessmentBody(patientId, at, "3") + "}";
    }

    private static String assessmentBody(String patientId, String at, String mrc) {
        return "{\"patientId\":\"" + patientId + "\",\"assessedAt\":\"" + at
                + "\",\"kind\":\"BASELINE\",\"side\":\"LEFT\",\"measures\":{\"mrcAnkleDorsiflexion\":\"" + mrc
                + "\"}}";
    }
}
