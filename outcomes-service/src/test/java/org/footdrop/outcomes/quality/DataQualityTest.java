package org.footdrop.outcomes.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.derivation.PatientHistory;
import org.junit.jupiter.api.Test;

class DataQualityTest {

    private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);
    private static final Duration LATE_ENTRY = Duration.ofDays(30);

    @Test
    void shouldFlagEventsWaitingForTheirDiagnosisPastTheGracePeriodOnly() {
        PatientHistory undiagnosed = new PatientHistory();
        undiagnosed.injection("2026-05-20T10:00:00Z", Solution.PRP); // recorded 2026-06-01

        assertThat(checks(undiagnosed, NOW, LATE_ENTRY)).contains(DataQualityCheck.DIAGNOSIS_MISSING);
        assertThat(checks(undiagnosed, Instant.parse("2026-06-05T00:00:00Z"), LATE_ENTRY))
                .doesNotContain(DataQualityCheck.DIAGNOSIS_MISSING);
    }

    @Test
    void shouldFlagAnInjectionOnTheOtherSideAndAnEpiduralForAFibularInjury() {
        PatientHistory patient = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", null);
        patient.add(new InjectionAdministered(
                UUID.randomUUID(),
                1,
                new Injection(
                        Instant.parse("2026-03-02T10:00:00Z"),
                        InjectionTechnique.CAUDAL_EPIDURAL,
                        InjectionTarget.NERVE_ROOT,
                        null,
                        Side.RIGHT,
                        Guidance.FLUOROSCOPY,
                        Solution.DEXTROSE_5,
                        null,
                        new BigDecimal("20"),
                        30,
                        List.of(),
                        List.of())));

        assertThat(checks(patient, NOW, LATE_ENTRY))
                .contains(
                        DataQualityCheck.INJECTION_SIDE_MISMATCH,
                        DataQualityCheck.TECHNIQUE_INCONSISTENT_WITH_CAUSE,
                        DataQualityCheck.MISSING_BASELINE);
    }

    @Test
    void shouldPassAConsistentPatientWithABaseline() {
        PatientHistory patient = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", null);
        patient.injection("2026-03-02T10:00:00Z", Solution.DEXTROSE_5);
        patient.assessment(
                "2026-03-01T09:00:00Z",
                Side.LEFT,
                AssessmentKind.BASELINE,
                PatientHistory.measures("3", null, null, null));

        assertThat(checks(patient, NOW, LATE_ENTRY)).isEmpty();
    }

    @Test
    void shouldFlagARecordEnteredMoreThanTheAllowedDaysAfterItHappened() {
        PatientHistory patient = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", null);
        // an injection given on Mar 2 entered on Apr 15: 44 days > 30
        patient.addAt(
                new InjectionAdministered(
                        UUID.randomUUID(),
                        1,
                        new Injection(
                                Instant.parse("2026-03-02T10:00:00Z"),
                                InjectionTechnique.NERVE_HYDRODISSECTION,
                                InjectionTarget.FIBULAR_NERVE,
                                null,
                                Side.LEFT,
                                Guidance.ULTRASOUND,
                                Solution.PRP,
                                null,
                                new BigDecimal("10"),
                                30,
                                List.of(),
                                List.of())),
                Instant.parse("2026-03-02T10:00:00Z"),
                Instant.parse("2026-04-15T10:00:00Z"));

        assertThat(checks(patient, NOW, LATE_ENTRY)).contains(DataQualityCheck.LATE_ENTERED);
        assertThat(checks(patient, NOW, Duration.ofDays(60))).doesNotContain(DataQualityCheck.LATE_ENTERED);
    }

    @Test
    void shouldNeverFlagARecordABulkImportBroughtInAsEnteredLate() {
        // given an injection given on Mar 2, 2019, brought in by an import on Jun 1, 2026
        PatientHistory patient = new PatientHistory().diagnosis(Side.LEFT, null, "2019-02-20", null);
        patient.importedAt(
                new InjectionAdministered(
                        UUID.randomUUID(), 1, PatientHistory.injectionAt("2019-03-02T10:00:00Z", Solution.PRP)),
                Instant.parse("2019-03-02T10:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"),
                "import-2026-06-01");

        // when, then: history is late by nature; the other checks still apply to it
        assertThat(checks(patient, NOW, LATE_ENTRY))
                .doesNotContain(DataQualityCheck.LATE_ENTERED)
                .contains(DataQualityCheck.MISSING_BASELINE);
    }

    @Test
    void shouldFlagAnAssessmentDatedBeforeTheSymptomOnsetWhicheverArrivedFirst() {
        // the assessment arrives before the diagnosis that names the onset (the write side could not refuse it)
        PatientHistory assessedFirst = new PatientHistory();
        assessedFirst.assessment(
                "2026-01-10T09:00:00Z",
                Side.LEFT,
                AssessmentKind.BASELINE,
                PatientHistory.measures("3", null, null, null));
        assessedFirst.diagnosis(Side.LEFT, null, "2026-02-20", "2026-01-15");
        // the onset day itself is not before the onset
        PatientHistory onTheOnsetDay = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", "2026-01-15");
        onTheOnsetDay.assessment(
                "2026-01-15T09:00:00Z",
                Side.LEFT,
                AssessmentKind.BASELINE,
                PatientHistory.measures("3", null, null, null));

        assertThat(checks(assessedFirst, NOW, LATE_ENTRY)).contains(DataQualityCheck.ASSESSMENT_BEFORE_ONSET);
        assertThat(checks(onTheOnsetDay, NOW, LATE_ENTRY)).doesNotContain(DataQualityCheck.ASSESSMENT_BEFORE_ONSET);
    }

    private static Set<DataQualityCheck> checks(PatientHistory patient, Instant now, Duration lateEntry) {
        var facts = patient.facts();
        var outcome = new OutcomeDeriver(OutcomeDefinitions.defaults(), java.time.ZoneOffset.UTC)
                .derive(facts, LocalDate.parse("2026-06-10"));
        return DataQuality.of(facts, outcome, now, GRACE, lateEntry, java.time.ZoneOffset.UTC);
    }
}
