package org.footdrop.intake.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The onset an assessment may not precede: one patient's, or a bulk import batch's patients' at once. */
@EmbeddedInfrastructure
class SymptomOnsetsTest {

    @Autowired
    SymptomOnsets onsets;

    @Autowired
    ClinicalRecords records;

    @Autowired
    DiagnosisRecordKind kind;

    @Test
    void shouldReadEachPatientsEarliestActiveOnsetAloneOrForManyAtOnce() {
        String run = UUID.randomUUID().toString();
        String twoDiagnoses = "pt-two-" + run;
        String voidedEarliest = "pt-voided-" + run;
        String withoutOnset = "pt-none-" + run;
        String unknown = "pt-unknown-" + run;
        RequestContext context = RequestContext.forJob("importer", "dr-" + run, "job-" + run);
        records.create(kind, diagnosis(twoDiagnoses, "2025-12-01"), context);
        records.create(kind, diagnosis(twoDiagnoses, "2025-11-20"), context);
        var voided = records.create(kind, diagnosis(voidedEarliest, "2025-10-01"), context)
                .record();
        records.voidRecord(kind, voided.id(), null, "entered in error", context);
        records.create(kind, diagnosis(voidedEarliest, "2025-12-15"), context);
        records.create(kind, diagnosis(withoutOnset, null), context);

        var many = onsets.earliestOnsets(List.of(twoDiagnoses, voidedEarliest, withoutOnset, unknown));

        assertThat(many)
                .containsEntry(twoDiagnoses, Optional.of(LocalDate.parse("2025-11-20")))
                .containsEntry(voidedEarliest, Optional.of(LocalDate.parse("2025-12-15")))
                .containsEntry(withoutOnset, Optional.empty())
                .containsEntry(unknown, Optional.empty())
                .hasSize(4);
        for (String patientId : List.of(twoDiagnoses, voidedEarliest, withoutOnset, unknown)) {
            assertThat(onsets.earliestOnset(patientId)).as(patientId).isEqualTo(many.get(patientId));
        }
    }

    private static DiagnosisState diagnosis(String patientId, String onset) {
        return new DiagnosisState(
                patientId,
                1970,
                null,
                Side.LEFT,
                null,
                LocalDate.parse("2026-02-10"),
                onset == null ? null : LocalDate.parse(onset),
                CauseCategory.SCIATIC_NERVE,
                null,
                null,
                null,
                null,
                null);
    }
}
