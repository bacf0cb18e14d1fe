package org.footdrop.outcomes.derivation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.Measure;
import org.footdrop.contract.series.InjectionSeries;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.Therapy;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.outcomes.derivation.PatientOutcome.CurrentDiagnosis;
import org.footdrop.outcomes.derivation.PatientOutcome.DurationBand;
import org.footdrop.outcomes.derivation.PatientOutcome.Exclusion;
import org.footdrop.outcomes.derivation.PatientOutcome.ExclusionCode;
import org.footdrop.outcomes.derivation.PatientOutcome.FollowUpStatus;
import org.footdrop.outcomes.derivation.PatientOutcome.MeasureOutcome;
import org.footdrop.outcomes.derivation.PatientOutcome.Observation;
import org.footdrop.outcomes.derivation.PatientOutcome.SeriesAdherence;
import org.footdrop.outcomes.derivation.PatientOutcome.SeriesEntry;
import org.footdrop.outcomes.derivation.PatientOutcome.SolutionGroup;
import org.footdrop.outcomes.derivation.PatientOutcome.TherapyExposure;
import org.footdrop.outcomes.derivation.PatientOutcome.TimeToResponse;
import org.footdrop.outcomes.derivation.PatientOutcome.WindowOutcome;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.RecordFacts;

/**
 * Derives a patient's outcome from the projected facts, exactly as
 * docs/outcome-definitions.md states them. A pure function: same facts, same definitions, same as-of date, same result.
 * Decimals are compared exactly (0.72 - 0.62 is 0.10 and counts).
 */
public final class OutcomeDeriver {

    private final OutcomeDefinitions definitions;

    private final ZoneId clinicZone;

    public OutcomeDeriver(OutcomeDefinitions definitions, ZoneId clinicZone) {
        this.definitions = definitions;
        this.clinicZone = clinicZone;
    }

    public PatientOutcome derive(PatientFacts facts, LocalDate asOf) {
        Optional<CurrentDiagnosis> current = currentDiagnosis(facts.diagnoses());
        List<InjectionSeries.Entry<Injected>> injections = injections(facts);
        LocalDate dayZero = injections.isEmpty() ? null : injections.get(0).date();
        List<SeriesEntry> series = series(injections, dayZero);
        Long symptomDays = current.map(c -> c.diagnosis().symptomOnsetDate())
                .filter(onset -> dayZero != null)
                .map(onset -> ChronoUnit.DAYS.between(onset, dayZero))
                .orElse(null);
        List<Dated<Assessment>> assessments = assessments(facts);
        Side indexSide = current.map(CurrentDiagnosis::indexSide).orElse(null);
        List<Dated<Assessment>> indexAssessments = assessments.stream()
                .filter(a -> indexSide == null
                        || a.value().side() == indexSide
                        || a.value().side() == Side.BILATERAL)
                .toList();
        Map<String, MeasureOutcome> measures = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            measures.put(measure.wireName(), measure(measure, indexAssessments, dayZero, series));
        }
        return new PatientOutcome(
                facts.patientId(),
                current.isEmpty(),
                current.orElse(null),
                dayZero,
                symptomDays,
                band(symptomDays),
                series,
                solutionGroup(series),
                series.isEmpty() ? null : series.get(0).technique(),
                seriesAdherence(series),
                therapies(facts),
                followUp(facts, assessments, injections, current, asOf),
                measures);
    }

    /** The latest non-voided diagnosis by diagnosis date; on a tie, the later recorded, then the id. */
    static Optional<CurrentDiagnosis> currentDiagnosis(List<? extends RecordFacts<?>> diagnoses) {
        return diagnoses.stream()
                .filter(RecordFacts::counts)
                .max(Comparator.<RecordFacts<?>, LocalDate>comparing(
                                r -> diagnosis(r).diagnosisDate())
                        .thenComparing(r -> r.recordedAt() == null ? java.time.Instant.MIN : r.recordedAt())
                        .thenComparing(r -> r.recordId().toString()))
                .map(r -> {
                    Diagnosis d = diagnosis(r);
                    Side index = d.side() == Side.BILATERAL ? d.indexSide() : d.side();
                    return new CurrentDiagnosis(r.recordId(), r.revision(), index, d);
                });
    }

    private MeasureOutcome measure(
            Measure measure, List<Dated<Assessment>> assessments, LocalDate dayZero, List<SeriesEntry> series) {
        if (dayZero == null) {
            return new MeasureOutcome(
                    null,
                    Map.of(),
                    null,
                    new Exclusion(ExclusionCode.NO_DAY_0, "no injection yet: no day 0"),
                    List.of());
        }
        List<Observation> observations = new ArrayList<>();
        for (Dated<Assessment> a : assessments) {
            Object raw = measure.raw(a.value().measures());
            if (raw != null) {
                observations.add(new Observation(raw, ChronoUnit.DAYS.between(dayZero, a.date()), a.id()));
            }
        }
        // Assessments in time order; the list index breaks ties between same-day assessments.
        Observation baseline = null;
        for (Observation o : observations) {
            if (o.day() >= definitions.baselineFromDay() && o.day() <= definitions.baselineToDay()) {
                baseline = o;
            }
        }
        Map<Window, WindowOutcome> windows = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            Observation closest = null;
            for (Observation o : observations) {
                if (window.contains(o.day())
                        && (closest == null
                                || Math.abs(o.day() - window.targetDay())
                                        <= Math.abs(closest.day() - window.targetDay()))) {
                    closest = o; // on a tie the later one wins: observations are in time order
                }
            }
            if (closest != null) {
                BigDecimal change = baseline == null ? null : change(measure, baseline, closest);
                Boolean responder = change == null ? null : responds(measure, change);
                long day = closest.day();
                int received = (int) series.stream().filter(s -> s.day() <= day).count();
                windows.put(window, new WindowOutcome(closest, change, responder, received));
            }
        }
        if (baseline == null) {
            return new MeasureOutcome(
                    null,
                    windows,
                    null,
                    new Exclusion(
                            ExclusionCode.NO_BASELINE,
                            "no baseline on days " + definitions.baselineFromDay() + ".."
                                    + definitions.baselineToDay()),
                    observations);
        }
        List<Observation> after = observations.stream().filter(o -> o.day() > 0).toList();
        if (after.isEmpty()) {
            return new MeasureOutcome(
                    baseline,
                    windows,
                    null,
                    new Exclusion(ExclusionCode.NO_ASSESSMENT_AFTER_DAY_0, "no assessment after day 0"),
                    observations);
        }
        for (Observation o : after) {
            if (responds(measure, change(measure, baseline, o))) {
                return new MeasureOutcome(baseline, windows, new TimeToResponse(o.day(), true), null, observations);
            }
        }
        return new MeasureOutcome(
                baseline,
                windows,
                new TimeToResponse(after.get(after.size() - 1).day(), false),
                null,
                observations);
    }

    private static BigDecimal change(Measure measure, Observation baseline, Observation later) {
        return measure.numeric(later.value()).subtract(measure.numeric(baseline.value()));
    }

    private boolean responds(Measure measure, BigDecimal change) {
        return measure.improvement(change).compareTo(definitions.threshold(measure)) >= 0;
    }

    private static List<SeriesEntry> series(List<InjectionSeries.Entry<Injected>> injections, LocalDate dayZero) {
        List<SeriesEntry> series = new ArrayList<>();
        for (InjectionSeries.Entry<Injected> entry : injections) {
            Injection injection = entry.injection().value();
            series.add(new SeriesEntry(
                    entry.injection().id(),
                    entry.nth(),
                    entry.date(),
                    ChronoUnit.DAYS.between(dayZero, entry.date()),
                    injection.technique(),
                    injection.solution(),
                    entry.intervalDays(),
                    entry.spacing(),
                    injection.adverseEvents()));
        }
        return series;
    }

    private static SolutionGroup solutionGroup(List<SeriesEntry> series) {
        if (series.isEmpty()) {
            return null;
        }
        if (series.stream().allMatch(s -> s.solution() == Solution.DEXTROSE_5)) {
            return SolutionGroup.DEXTROSE_5;
        }
        return series.stream().allMatch(s -> s.solution() == Solution.PRP) ? SolutionGroup.PRP : SolutionGroup.MIXED;
    }

    private static SeriesAdherence seriesAdherence(List<SeriesEntry> series) {
        if (series.size() < 2) {
            return null;
        }
        return series.stream().skip(1).allMatch(s -> s.spacing() == Spacing.IN_WINDOW)
                ? SeriesAdherence.ADHERENT
                : SeriesAdherence.NON_ADHERENT;
    }

    private static DurationBand band(Long days) {
        if (days == null) {
            return null;
        }
        if (days < 90) {
            return DurationBand.UNDER_90_DAYS;
        }
        return days <= 365 ? DurationBand.DAYS_90_TO_365 : DurationBand.OVER_365_DAYS;
    }

    /**
     * DISCHARGED with a discharge assessment; LOST_TO_FOLLOW_UP when the last assessment (or, with
     * none, the latest diagnosis or injection) is more than the configured days before the as-of date.
     */
    private FollowUpStatus followUp(
            PatientFacts facts,
            List<Dated<Assessment>> assessments,
            List<InjectionSeries.Entry<Injected>> injections,
            Optional<CurrentDiagnosis> current,
            LocalDate asOf) {
        if (assessments.stream().anyMatch(a -> a.value().kind() == AssessmentKind.DISCHARGE)) {
            return FollowUpStatus.DISCHARGED;
        }
        Optional<LocalDate> lastContact = assessments.isEmpty()
                ? java.util.stream.Stream.concat(
                                injections.stream().map(InjectionSeries.Entry::date),
                                current.map(c -> c.diagnosis().diagnosisDate()).stream())
                        .max(LocalDate::compareTo)
                : Optional.of(assessments.get(assessments.size() - 1).date());
        return lastContact
                .filter(d -> ChronoUnit.DAYS.between(d, asOf) > definitions.lostToFollowUpDays())
                .map(d -> FollowUpStatus.LOST_TO_FOLLOW_UP)
                .orElse(FollowUpStatus.ACTIVE);
    }

    private static List<TherapyExposure> therapies(PatientFacts facts) {
        List<TherapyExposure> exposures = new ArrayList<>();
        for (RecordFacts<?> record : facts.therapies()) {
            if (!record.counts()) {
                continue;
            }
            Therapy therapy = record.state(Therapy.class);
            int attended = (int) facts.therapySessions().stream()
                    .filter(RecordFacts::counts)
                    .map(s -> (TherapySessionLogged) s.latest())
                    .filter(s -> s.therapyId().equals(record.recordId())
                            && Boolean.TRUE.equals(s.session().attended()))
                    .count();
            int planned = therapy.plannedSessions();
            exposures.add(new TherapyExposure(
                    record.recordId(),
                    therapy.type(),
                    planned,
                    attended,
                    BigDecimal.valueOf(attended).divide(BigDecimal.valueOf(planned), 3, RoundingMode.HALF_UP)));
        }
        return exposures;
    }

    /** The non-voided injections as the contract numbers them, the write side's series too. */
    private List<InjectionSeries.Entry<Injected>> injections(PatientFacts facts) {
        List<Injected> injections = new ArrayList<>();
        for (RecordFacts<?> record : facts.injections()) {
            if (record.counts()) {
                Injection injection = record.state(Injection.class);
                injections.add(new Injected(record.recordId(), record.recordedAt(), injection));
            }
        }
        return InjectionSeries.number(
                injections,
                i -> new InjectionSeries.Key(i.value().administeredAt(), i.recordedAt(), i.id()),
                clinicZone);
    }

    private List<Dated<Assessment>> assessments(PatientFacts facts) {
        List<Dated<Assessment>> assessments = new ArrayList<>();
        for (RecordFacts<?> record : facts.assessments()) {
            if (record.counts()) {
                Assessment assessment = record.state(Assessment.class);
                assessments.add(new Dated<>(
                        record.recordId(),
                        assessment.assessedAt(),
                        assessment.assessedAt().atZone(clinicZone).toLocalDate(),
                        assessment));
            }
        }
        assessments.sort(Dated.ORDER);
        return assessments;
    }

    private static Diagnosis diagnosis(RecordFacts<?> record) {
        return record.state(Diagnosis.class);
    }

    /** An injection record's state, with what the series orders by. */
    private record Injected(UUID id, java.time.Instant recordedAt, Injection value) {}

    /** A record's value with its clinical time and calendar date; ordered by time, then id. */
    private record Dated<T>(UUID id, java.time.Instant at, LocalDate date, T value) {
        static final Comparator<Dated<?>> ORDER =
                Comparator.<Dated<?>, java.time.Instant>comparing(Dated::at).thenComparing(d -> d.id().toString());
    }
}
