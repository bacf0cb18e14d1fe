package org.footdrop.stack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.EnergyModality;
import org.footdrop.contract.vocabulary.GaitAid;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.Severity;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.stack.ImportLines;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One synthetic patient's history. Recovery follows a made-up model: each patient has a recovery
 * potential (0..1) reached along {@code 1 - exp(-day / tau)} from the first injection. The potential
 * starts from the cause (a fibular nerve compressed at the knee recovers best, a lumbar root less,
 * stenosis and spinal surgery less again, central and neuromuscular causes hardly) and moves with
 * the solution (PRP above Dextrose 5%), an adherent series, attended physical therapy and a short
 * symptom duration. These effects exist so that a cohort comparison has something to show; they are
 * not findings.
 */
final class DemoPatient {

    private static final int[] WINDOW_TARGET_DAYS = {14, 42, 84, 168, 364};
    private static final int[] WINDOW_JITTER_DAYS = {3, 6, 10, 15, 25};

    private final String id;
    private final Random random;
    /** The last day anything happens: the day before "today". */
    private final LocalDate lastDay;

    private CauseCategory cause;
    private Mechanism mechanism;
    private NerveRootLevel level;
    private Side side;
    private Side indexSide;
    private LocalDate diagnosisDate;
    private LocalDate onset;
    private int birthYear;
    private Sex sex;
    private boolean spasticity;
    private boolean nerveUltrasound;

    // Recovery: where the patient starts, how far and how fast they get.
    private int baselineMrc;
    private double baselineGait;
    private double baselineTug;
    private int baselineFga;
    private int baselineLefs;
    private int baselinePain;

    DemoPatient(String id, Random random, LocalDate today) {
        this.id = id;
        this.random = random;
        this.lastDay = today.minusDays(1);
    }

    void write(ImportLines records, ImportLines corrections) {
        diagnose();
        boolean mechanismLater = mechanism != null && chance(0.03);
        records.create("diagnosis", key("dx"), diagnosis(!mechanismLater));
        if (mechanismLater) {
            corrections.amend("diagnosis", key("dx"), diagnosis(true));
        }
        LocalDate day0 = diagnosisDate.plusDays(2 + random.nextInt(20));
        boolean untreated = chance(0.08) || day0.isAfter(lastDay);
        startingPoint();
        if (untreated) {
            writeUntreated(records);
            return;
        }
        Series series = injections(day0);
        Therapy therapy = therapies(records, corrections, day0);
        double potential = potential(series, therapy);
        double tau = timeConstant(series.solution);
        series.write(records, corrections);
        assessments(records, corrections, day0, potential, tau);
    }

    // ---- diagnosis ----

    private void diagnose() {
        diagnosisDate = lastDay.minusDays(random.nextInt(730));
        double c = random.nextDouble();
        if (c < 0.40) {
            cause = CauseCategory.LUMBAR_NERVE_ROOT;
            mechanism = pick(
                    new Mechanism[] {
                        Mechanism.HERNIATED_DISC, Mechanism.STENOSIS, Mechanism.ARTHRITIS, Mechanism.SURGERY
                    },
                    0.55,
                    0.25,
                    0.10,
                    0.10);
            level = pick(new NerveRootLevel[] {NerveRootLevel.L5, NerveRootLevel.L4, NerveRootLevel.S1}, 0.7, 0.2, 0.1);
        } else if (c < 0.70) {
            cause = CauseCategory.FIBULAR_NERVE_AT_KNEE;
            mechanism = pick(
                    new Mechanism[] {Mechanism.POSTURAL_COMPRESSION, Mechanism.TRAUMA, Mechanism.SURGERY},
                    0.45,
                    0.30,
                    0.25);
        } else if (c < 0.82) {
            cause = CauseCategory.SCIATIC_NERVE;
            mechanism = pick(
                    new Mechanism[] {Mechanism.SURGERY, Mechanism.TRAUMA, Mechanism.POSTURAL_COMPRESSION},
                    0.45,
                    0.35,
                    0.20);
        } else if (c < 0.92) {
            cause = CauseCategory.CENTRAL;
            mechanism = pick(
                    new Mechanism[] {Mechanism.STROKE, Mechanism.MULTIPLE_SCLEROSIS, Mechanism.SPINAL_CORD_INJURY},
                    0.6,
                    0.25,
                    0.15);
        } else if (c < 0.95) {
            cause = CauseCategory.NEUROMUSCULAR;
            mechanism = pick(new Mechanism[] {Mechanism.MUSCULAR_DYSTROPHY, Mechanism.ALS}, 0.6, 0.4);
        } else {
            cause = CauseCategory.OTHER;
            mechanism = chance(0.5) ? Mechanism.OTHER : null;
        }
        boolean bilateral =
                chance(cause == CauseCategory.CENTRAL || cause == CauseCategory.NEUROMUSCULAR ? 0.25 : 0.03);
        Side oneSide = chance(0.5) ? Side.LEFT : Side.RIGHT;
        side = bilateral ? Side.BILATERAL : oneSide;
        indexSide = oneSide;
        birthYear = diagnosisDate.getYear() - 25 - random.nextInt(60);
        sex = pick(new Sex[] {Sex.FEMALE, Sex.MALE, Sex.UNKNOWN}, 0.49, 0.49, 0.02);
        spasticity = cause == CauseCategory.CENTRAL && chance(0.6);
        nerveUltrasound = chance(0.5);
        double lag = random.nextDouble();
        onset = chance(0.05)
                ? null // not recorded: a data-quality finding
                : diagnosisDate.minusDays(
                        lag < 0.4
                                ? 7 + random.nextInt(53)
                                : lag < 0.75 ? 60 + random.nextInt(240) : 300 + random.nextInt(400));
    }

    private ObjectNode diagnosis(boolean withMechanism) {
        ObjectNode body = ImportLines.body()
                .put("patientId", id)
                .put("birthYear", birthYear)
                .put("sex", sex.name())
                .put("side", side.name());
        if (side == Side.BILATERAL) {
            body.put("indexSide", indexSide.name());
        }
        body.put("diagnosisDate", diagnosisDate.toString());
        if (onset != null) {
            body.put("symptomOnsetDate", onset.toString());
        }
        body.put("causeCategory", cause.name());
        if (withMechanism && mechanism != null) {
            body.put("mechanism", mechanism.name());
        }
        if (level != null) {
            body.put("nerveRootLevel", level.name());
        }
        if (cause == CauseCategory.CENTRAL) {
            body.put("spasticity", spasticity);
        }
        ArrayNode codes = body.putArray("icd10Codes");
        codes.add(side == Side.LEFT ? "M21.372" : side == Side.RIGHT ? "M21.371" : "M21.379");
        switch (cause) {
            case FIBULAR_NERVE_AT_KNEE ->
                codes.add(side == Side.LEFT ? "G57.32" : side == Side.RIGHT ? "G57.31" : "G57.33");
            case SCIATIC_NERVE -> codes.add(side == Side.LEFT ? "G57.02" : side == Side.RIGHT ? "G57.01" : "G57.03");
            case LUMBAR_NERVE_ROOT -> codes.add(mechanism == Mechanism.HERNIATED_DISC ? "M51.16" : "M54.17");
            default -> {}
        }
        ArrayNode evaluations = body.putArray("evaluations");
        evaluations.addObject().put("kind", "PHYSICAL_EXAM").put("finding", "FOOT_DROP");
        if (cause != CauseCategory.CENTRAL) {
            evaluations
                    .addObject()
                    .put("kind", "NERVE_CONDUCTION_EMG")
                    .put(
                            "finding",
                            switch (cause) {
                                case FIBULAR_NERVE_AT_KNEE -> "FIBULAR_CONDUCTION_BLOCK_AT_FIBULAR_HEAD";
                                case SCIATIC_NERVE -> "SCIATIC_NEUROPATHY";
                                case LUMBAR_NERVE_ROOT -> level.name() + "_RADICULOPATHY";
                                default -> "AXONAL_LOSS";
                            });
        }
        if (cause == CauseCategory.LUMBAR_NERVE_ROOT || cause == CauseCategory.CENTRAL) {
            evaluations
                    .addObject()
                    .put("kind", "IMAGING")
                    .put("modality", "MRI")
                    .put("finding", cause == CauseCategory.CENTRAL ? "CENTRAL_LESION" : mechanism.name());
        } else if (cause == CauseCategory.FIBULAR_NERVE_AT_KNEE && nerveUltrasound) {
            evaluations
                    .addObject()
                    .put("kind", "IMAGING")
                    .put("modality", "ULTRASOUND")
                    .put("finding", "NERVE_SWELLING");
        }
        return body;
    }

    // ---- treatment ----

    /** The patient's injections, decided before anything is written, as their recovery depends on them. */
    private final class Series {
        final Solution solution; // null: mixed
        final List<LocalDate> days = new ArrayList<>();
        final InjectionTechnique technique;
        final Guidance caudalGuidance;
        boolean adherent = true;

        Series(LocalDate day0) {
            double s = random.nextDouble();
            solution = s < 0.55 ? Solution.DEXTROSE_5 : s < 0.95 ? Solution.PRP : null;
            technique = cause == CauseCategory.LUMBAR_NERVE_ROOT
                    ? (chance(0.6) ? InjectionTechnique.TRANSFORAMINAL_EPIDURAL : InjectionTechnique.CAUDAL_EPIDURAL)
                    : cause == CauseCategory.CENTRAL && chance(0.3)
                            ? InjectionTechnique.CAUDAL_EPIDURAL
                            : InjectionTechnique.NERVE_HYDRODISSECTION;
            caudalGuidance = chance(0.5) ? Guidance.ULTRASOUND : Guidance.FLUOROSCOPY;
            int planned = 1 + pickIndex(0.12, 0.25, 0.33, 0.20, 0.10);
            boolean keepsToTheWindow = chance(0.7);
            LocalDate day = day0;
            for (int n = 0; n < planned && !day.isAfter(lastDay); n++) {
                days.add(day);
                int interval = keepsToTheWindow || chance(0.3)
                        ? 14 + random.nextInt(29)
                        : chance(0.4) ? 7 + random.nextInt(7) : 43 + random.nextInt(28);
                boolean given = n + 1 < planned && !day.plusDays(interval).isAfter(lastDay);
                if (given && (interval < 14 || interval > 42)) {
                    adherent = false;
                }
                day = day.plusDays(interval);
            }
        }

        Solution solutionOf(int n) {
            return solution != null ? solution : n == 0 ? Solution.DEXTROSE_5 : Solution.PRP;
        }

        void write(ImportLines records, ImportLines corrections) {
            for (int n = 0; n < days.size(); n++) {
                ObjectNode body = injection(days.get(n), n);
                records.create("injection", key("inj", n + 1), body);
                if (chance(0.015)) {
                    // charted twice at the visit, the copy voided
                    records.create("injection", key("inj", n + 1) + "-dup", body);
                    corrections.voidRecord("injection", key("inj", n + 1) + "-dup", id, "charted twice");
                }
            }
        }

        private ObjectNode injection(LocalDate day, int n) {
            Solution used = solutionOf(n);
            ObjectNode body = ImportLines.body()
                    .put("patientId", id)
                    .put("administeredAt", at(day, 10, 6).toString())
                    .put("technique", technique.name());
            switch (technique) {
                case NERVE_HYDRODISSECTION ->
                    body.put(
                                    "target",
                                    cause == CauseCategory.SCIATIC_NERVE
                                            ? InjectionTarget.SCIATIC_NERVE.name()
                                            : InjectionTarget.FIBULAR_NERVE.name())
                            .put("side", indexSide.name())
                            .put("guidance", Guidance.ULTRASOUND.name());
                case TRANSFORAMINAL_EPIDURAL ->
                    body.put("target", InjectionTarget.NERVE_ROOT.name())
                            .put("targetLevel", level.name())
                            .put("side", indexSide.name())
                            .put("guidance", Guidance.FLUOROSCOPY.name());
                case CAUDAL_EPIDURAL ->
                    body.put("target", InjectionTarget.NERVE_ROOT.name())
                            .put("side", side.name())
                            .put("guidance", caudalGuidance.name());
            }
            body.put("solution", used.name());
            if (used == Solution.PRP && chance(0.7)) {
                body.put("prpLeukocytes", chance(0.8) ? "LEUKOCYTE_POOR" : "LEUKOCYTE_RICH");
            }
            double volume = switch (technique) {
                case NERVE_HYDRODISSECTION -> 5 + random.nextInt(151) / 10.0;
                case CAUDAL_EPIDURAL -> 10 + random.nextInt(201) / 10.0;
                case TRANSFORAMINAL_EPIDURAL -> 2 + random.nextInt(31) / 10.0;
            };
            body.put("volumeMl", BigDecimal.valueOf(volume).setScale(1, RoundingMode.HALF_UP))
                    .put("durationMinutes", 20 + 5 * random.nextInt(9));
            if (chance(0.05)) {
                double kind = random.nextDouble();
                body.putArray("adverseEvents")
                        .addObject()
                        .put(
                                "type",
                                (kind < 0.6
                                                ? AdverseEventType.INJECTION_SITE_DISCOMFORT
                                                : kind < 0.95
                                                        ? AdverseEventType.TRANSIENT_NUMBNESS
                                                        : AdverseEventType.VASOVAGAL)
                                        .name())
                        .put("severity", (chance(0.9) ? Severity.MILD : Severity.MODERATE).name())
                        .put("resolved", chance(0.97));
            }
            ArrayNode cpt = body.putArray("cptCodes");
            switch (technique) {
                case NERVE_HYDRODISSECTION -> cpt.add("64450").add("76942");
                case TRANSFORAMINAL_EPIDURAL -> cpt.add("64483");
                case CAUDAL_EPIDURAL -> cpt.add(caudalGuidance == Guidance.FLUOROSCOPY ? "62323" : "62322");
            }
            return body;
        }
    }

    private Series injections(LocalDate day0) {
        return new Series(day0);
    }

    /** Physical therapy as attended, or null when none was prescribed. */
    private record Therapy(double attendance) {}

    private Therapy therapies(ImportLines records, ImportLines corrections, LocalDate day0) {
        Therapy physical = null;
        if (chance(0.65)) {
            LocalDate start = day0.plusDays(random.nextInt(15));
            if (!start.isAfter(lastDay)) {
                int weeks = 6 + random.nextInt(5);
                String therapyKey = key("th-pt");
                records.create("therapy", therapyKey, therapy(TherapyType.PHYSICAL_THERAPY, null, start, 2, weeks));
                double attendanceRate = 0.45 + random.nextDouble() * 0.55;
                int held = 0;
                int attended = 0;
                for (int week = 0; week < weeks; week++) {
                    for (int offset : new int[] {0, 3}) {
                        LocalDate date = start.plusDays(7L * week + offset);
                        if (date.isAfter(lastDay)) {
                            break;
                        }
                        held++;
                        boolean came = chance(attendanceRate);
                        attended += came ? 1 : 0;
                        if (came || chance(0.7)) { // some missed sessions are never charted
                            records.therapySession(
                                    key("ses", held),
                                    id,
                                    therapyKey,
                                    ImportLines.body()
                                            .put("date", date.toString())
                                            .put("attended", came));
                        }
                    }
                }
                physical = new Therapy(held == 0 ? 0 : (double) attended / held);
            }
        }
        if (chance(0.35)) {
            records.create("therapy", key("th-home"), therapy(TherapyType.HOME_EXERCISE, null, day0, 5, 12));
        }
        if (chance(0.08)) {
            EnergyModality modality = pick(
                    new EnergyModality[] {
                        EnergyModality.LASER, EnergyModality.SHOCKWAVE, EnergyModality.ELECTRICAL_STIMULATION
                    },
                    0.4,
                    0.3,
                    0.3);
            records.create("therapy", key("th-energy"), therapy(TherapyType.ENERGY_MODALITY, modality, day0, 1, 6));
        }
        if (chance(0.15)) {
            String nutrition = key("th-nutrition");
            records.create("therapy", nutrition, therapy(TherapyType.NUTRITIONAL_SUPPORT, null, day0, 1, 12));
            if (chance(0.1)) {
                corrections.voidRecord("therapy", nutrition, id, "prescribed for the wrong patient");
            }
        }
        return physical;
    }

    private ObjectNode therapy(TherapyType type, EnergyModality modality, LocalDate start, int perWeek, int weeks) {
        ObjectNode body = ImportLines.body().put("patientId", id).put("type", type.name());
        if (modality != null) {
            body.put("modality", modality.name());
        }
        return body.put("startDate", start.toString())
                .put("sessionsPerWeek", perWeek)
                .put("plannedWeeks", weeks);
    }

    // ---- recovery ----

    private void startingPoint() {
        boolean central = cause == CauseCategory.CENTRAL || cause == CauseCategory.NEUROMUSCULAR;
        baselineMrc = central ? 2 + random.nextInt(2) : random.nextInt(4);
        baselineGait = (central ? 0.30 : 0.45) + random.nextDouble() * 0.40;
        baselineTug = 11 + random.nextDouble() * 13;
        baselineFga = 8 + random.nextInt(11);
        baselineLefs = 18 + random.nextInt(28);
        baselinePain = cause == CauseCategory.LUMBAR_NERVE_ROOT ? 4 + random.nextInt(5) : 2 + random.nextInt(6);
    }

    private double potential(Series series, Therapy therapy) {
        double base = switch (cause) {
            case FIBULAR_NERVE_AT_KNEE -> mechanism == Mechanism.POSTURAL_COMPRESSION ? 0.80 : 0.60;
            case SCIATIC_NERVE -> mechanism == Mechanism.POSTURAL_COMPRESSION ? 0.65 : 0.50;
            case LUMBAR_NERVE_ROOT -> mechanism == Mechanism.HERNIATED_DISC ? 0.45 : 0.28;
            case CENTRAL -> 0.20;
            case NEUROMUSCULAR -> 0.05;
            case OTHER -> 0.35;
        };
        boolean epidural = series.technique != InjectionTechnique.NERVE_HYDRODISSECTION;
        double solution =
                series.solution == Solution.PRP ? (epidural ? 0.08 : 0.15) : series.solution == null ? 0.07 : 0.0;
        double adherence = series.days.size() >= 2 && series.adherent ? 0.05 : 0.0;
        double injections = 0.03 * (series.days.size() - 1);
        double physical = therapy != null && therapy.attendance() >= 0.6 ? 0.08 : 0.0;
        long duration = onset == null ? 120 : ChronoUnit.DAYS.between(onset, series.days.get(0));
        double chronic = duration > 365 ? -0.20 : duration >= 90 ? -0.08 : 0.0;
        return clamp(
                base + solution + adherence + injections + physical + chronic + 0.12 * random.nextGaussian(), 0, 1);
    }

    private double timeConstant(Solution solution) {
        double tau = switch (cause) {
            case FIBULAR_NERVE_AT_KNEE -> 40;
            case SCIATIC_NERVE -> 60;
            case LUMBAR_NERVE_ROOT -> 75;
            case CENTRAL -> 120;
            case NEUROMUSCULAR -> 150;
            case OTHER -> 80;
        };
        return solution == Solution.PRP ? tau * 0.8 : tau;
    }

    private void assessments(
            ImportLines records, ImportLines corrections, LocalDate day0, double potential, double tau) {
        LocalDate baselineDay = day0.minusDays(random.nextInt(15));
        if (baselineDay.isBefore(diagnosisDate)) {
            baselineDay = diagnosisDate;
        }
        List<LocalDate> visits = new ArrayList<>(List.of(baselineDay));
        boolean discharged = false;
        for (int w = 0; w < WINDOW_TARGET_DAYS.length && !discharged; w++) {
            int jitter = WINDOW_JITTER_DAYS[w];
            LocalDate visit = day0.plusDays(WINDOW_TARGET_DAYS[w] - jitter + random.nextInt(2 * jitter + 1));
            if (visit.isAfter(lastDay) || chance(0.06)) {
                break; // not yet due, or lost to follow-up
            }
            if (w == 2 && chance(0.1)) {
                visits.add(day0.plusDays(120 + random.nextInt(20))); // a visit between the windows
            }
            if (chance(0.12)) {
                continue; // missed visit
            }
            visits.add(visit);
            discharged = w >= 3 && potential > 0.7 && chance(0.3);
        }
        visits.removeIf(day -> day.isAfter(lastDay));
        visits.sort(null);
        for (int v = 0; v < visits.size(); v++) {
            LocalDate day = visits.get(v);
            long sinceDay0 = ChronoUnit.DAYS.between(day0, day);
            double progress = sinceDay0 <= 0 ? 0 : potential * (1 - Math.exp(-sinceDay0 / tau));
            AssessmentKind kind = v == 0
                    ? AssessmentKind.BASELINE
                    : v == visits.size() - 1 && (discharged || sinceDay0 > 300)
                            ? AssessmentKind.DISCHARGE
                            : AssessmentKind.FOLLOW_UP;
            writeAssessment(records, corrections, v, day, kind, progress);
        }
    }

    private void writeUntreated(ImportLines records) {
        // seen, waiting or declined: a baseline, and a review two months later for some
        LocalDate baseline = diagnosisDate.plusDays(random.nextInt(8));
        if (!baseline.isAfter(lastDay) && chance(0.85)) {
            writeAssessment(records, null, 0, baseline, AssessmentKind.BASELINE, 0);
            LocalDate review = baseline.plusDays(50 + random.nextInt(20));
            if (!review.isAfter(lastDay) && chance(0.5)) {
                writeAssessment(records, null, 1, review, AssessmentKind.FOLLOW_UP, 0.05 * random.nextDouble());
            }
        }
    }

    private void writeAssessment(
            ImportLines records, ImportLines corrections, int n, LocalDate day, AssessmentKind kind, double progress) {
        double mrc = clamp(baselineMrc + progress * (5 - baselineMrc) + 0.3 * random.nextGaussian(), 0, 5);
        ObjectNode measures = ImportLines.body()
                .put("mrcAnkleDorsiflexion", grade(mrc))
                .put("mrcExtensorHallucisLongus", grade(clamp(mrc - 0.5 + 0.3 * random.nextGaussian(), 0, 5)));
        double gait = clamp(baselineGait + progress * 0.5 + 0.03 * random.nextGaussian(), 0.05, 1.8);
        measures.put("gaitSpeedComfortable", decimal(gait, 2))
                .put("gaitSpeedFast", decimal(gait * 1.3, 2))
                .put(
                        "timedUpAndGo",
                        decimal(
                                clamp(
                                        baselineTug - progress * (baselineTug - 8) * 0.8 + 0.6 * random.nextGaussian(),
                                        5,
                                        60),
                                1));
        boolean brief = n > 0 && chance(0.3); // a short visit: strength, gait speed and pain only
        if (!brief) {
            measures.put("functionalGaitAssessment", (int) Math.round(
                            clamp(baselineFga + progress * (30 - baselineFga) * 0.7 + random.nextGaussian(), 0, 30)))
                    .put("lefs", (int) Math.round(clamp(
                            baselineLefs + progress * (80 - baselineLefs) * 0.6 + 3 * random.nextGaussian(), 0, 80)));
        }
        measures.put("painNrs", (int)
                Math.round(clamp(baselinePain - progress * baselinePain * 0.7 + 0.7 * random.nextGaussian(), 0, 10)));
        String at = at(day, 8, 3).toString();
        ObjectNode body = assessment(at, kind, measures, mrc);
        String key = key("as", n);
        if (corrections != null && chance(0.03)) {
            // first charted with the gait speed mistyped, corrected later
            ObjectNode mistyped = measures.deepCopy().put("gaitSpeedComfortable", decimal(gait + 0.1, 2));
            records.create("assessment", key, assessment(at, kind, mistyped, mrc));
            corrections.amend("assessment", key, body);
        } else {
            records.create("assessment", key, body);
        }
        if (corrections != null && chance(0.01)) {
            records.create("assessment", key + "-dup", body);
            corrections.voidRecord("assessment", key + "-dup", id, "entered twice");
        }
    }

    private ObjectNode assessment(String at, AssessmentKind kind, ObjectNode measures, double mrc) {
        ObjectNode body = ImportLines.body()
                .put("patientId", id)
                .put("assessedAt", at)
                .put("kind", kind.name())
                .put("side", indexSide.name());
        body.set("measures", measures);
        return body.put("gaitAid", (mrc < 3 ? GaitAid.ANKLE_FOOT_ORTHOSIS : GaitAid.NONE).name())
                .put("steppageGait", mrc < 3)
                .put("footSlap", mrc < 4)
                .put("toeDrag", mrc < 2.5);
    }

    // ---- helpers ----

    /** An MRC grade from a continuous strength: 2.3 reads 2+, 2.6 reads 3-. */
    static String grade(double strength) {
        int whole = (int) Math.floor(strength);
        double part = strength - whole;
        if (whole >= 5) {
            return "5";
        }
        if (part < 0.25) {
            return Integer.toString(whole);
        }
        if (part < 0.5) {
            return whole == 0 ? "0" : whole + "+";
        }
        return part < 0.75 ? (whole + 1) + "-" : Integer.toString(whole + 1);
    }

    private Instant at(LocalDate day, int fromHour, int hours) {
        return day.atTime(fromHour + random.nextInt(hours), 15 * random.nextInt(4))
                .toInstant(ZoneOffset.UTC);
    }

    private String key(String kind) {
        return kind + "-" + id;
    }

    private String key(String kind, int n) {
        return key(kind) + "-" + n;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(T[] values, double... weights) {
        return values[pickIndex(weights)];
    }

    private int pickIndex(double... weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
