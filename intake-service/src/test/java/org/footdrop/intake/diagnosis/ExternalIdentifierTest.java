package org.footdrop.intake.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordRefusedException;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.testing.AuditProbe;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A clinic's own id for a record is a field of the stored record, unique per kind, and the same
 * engine serves a background job: its writes are audited under the caller who started it.
 */
@EmbeddedInfrastructure
class ExternalIdentifierTest {

    @Autowired
    ClinicalRecords records;

    @Autowired
    DiagnosisRecordKind kind;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldStoreOneRecordPerIdentifierAndRefuseItWithOtherValues() {
        String run = UUID.randomUUID().toString();
        var identifier = new ExternalIdentifier("urn:clinic:emr", "dx-" + run);
        RequestContext job = RequestContext.forJob("importer", "dr-" + run, "job-" + run);
        DiagnosisState state = diagnosis("pt-" + run, Side.LEFT);

        var first = records.create(kind, state, identifier, job);
        var again = records.create(kind, state, identifier, job);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.record().id()).isEqualTo(first.record().id());
        assertThat(first.record().identifier()).isEqualTo(identifier);
        assertThat(records.find(kind, identifier))
                .map(r -> r.id())
                .contains(first.record().id());
        assertThat(records.findByPatient(kind, "pt-" + run)).hasSize(1);
        Document stored = mongo.findById(first.record().id().toString(), Document.class, "diagnoses");
        assertThat(stored.get("identifier", Document.class))
                .isEqualTo(new Document("system", "urn:clinic:emr").append("value", "dx-" + run));
        assertThatThrownBy(() -> records.create(kind, diagnosis("pt-" + run, Side.RIGHT), identifier, job))
                .isInstanceOfSatisfying(
                        RecordRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(RecordRefusedException.Reason.KEY_REUSED));
        assertThat(records.find(kind, new ExternalIdentifier("urn:clinic:emr", "unknown-" + run)))
                .isEmpty();
    }

    @Test
    void shouldAuditABackgroundJobsWritesUnderItsCaller() {
        String run = UUID.randomUUID().toString();
        String subject = "dr-job-" + run;
        RequestContext job = RequestContext.forJob("importer", subject, "job-" + run);

        var created =
                records.create(kind, diagnosis("pt-job-" + run, Side.LEFT), job).record();
        records.voidRecord(kind, created.id(), null, "entered in error", job);

        List<Document> audited = new AuditProbe(mongo).awaitRecords(subject, 2);
        assertThat(audited).allSatisfy(record -> {
            assertThat(record.getString("client")).isEqualTo("importer");
            assertThat(record.getString("endpoint")).isEqualTo("JOB job-" + run);
            assertThat(record.getList("patientIds", String.class)).containsExactly("pt-job-" + run);
        });
    }

    private static DiagnosisState diagnosis(String patientId, Side side) {
        return new DiagnosisState(
                patientId,
                1970,
                null,
                side,
                null,
                LocalDate.parse("2026-02-10"),
                null,
                CauseCategory.SCIATIC_NERVE,
                null,
                null,
                null,
                null,
                null);
    }
}
