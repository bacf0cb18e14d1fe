package org.footdrop.treatment.injection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.support.web.FieldProblem;

/**
 * The clinic's rules for an injection: hydrodissection is ultrasound-guided around the fibular or
 * sciatic nerve; a transforaminal epidural is fluoroscopy-guided at a nerve root with its level; a
 * caudal epidural may use either guidance and reaches the nerve roots. Volumes and duration within
 * the configured limits.
 */
final class InjectionRules {

    /** CPT codes of the procedures the clinic performs; others are accepted with a warning. */
    static final Set<String> KNOWN_CPT = Set.of("64450", "76942", "62322", "62323", "64483", "64484", "0232T");

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private InjectionRules() {}

    static List<FieldProblem> check(InjectionRequest i, InjectionLimits limits, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        if (i.administeredAt() != null && i.administeredAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("administeredAt", "must not be in the future"));
        }
        if (i.technique() != null) {
            checkTechnique(i, limits, problems);
        }
        if (i.target() != null && i.target() != InjectionTarget.NERVE_ROOT && i.targetLevel() != null) {
            problems.add(new FieldProblem("targetLevel", "only for a NERVE_ROOT target"));
        }
        if (i.prpLeukocytes() != null && i.solution() != Solution.PRP) {
            problems.add(new FieldProblem("prpLeukocytes", "only for a PRP solution"));
        }
        if (i.durationMinutes() != null
                && !limits.durationMinutes().contains(BigDecimal.valueOf(i.durationMinutes()))) {
            problems.add(
                    new FieldProblem("durationMinutes", "must be within " + limits.durationMinutes() + " minutes"));
        }
        if (i.adverseEvents() != null) {
            for (int n = 0; n < i.adverseEvents().size(); n++) {
                AdverseEventRequest event = i.adverseEvents().get(n);
                if (event == null) {
                    continue;
                }
                if (event.type() == AdverseEventType.OTHER
                        && (event.note() == null || event.note().isBlank())) {
                    problems.add(new FieldProblem("adverseEvents[" + n + "].note", "required for OTHER"));
                }
                if (event.type() != AdverseEventType.OTHER && event.note() != null) {
                    problems.add(new FieldProblem("adverseEvents[" + n + "].note", "only for OTHER"));
                }
            }
        }
        return problems;
    }

    private static void checkTechnique(InjectionRequest i, InjectionLimits limits, List<FieldProblem> problems) {
        switch (i.technique()) {
            case NERVE_HYDRODISSECTION -> {
                require(
                        i.guidance() == null || i.guidance() == Guidance.ULTRASOUND,
                        problems,
                        "guidance",
                        "nerve hydrodissection must be ULTRASOUND-guided");
                require(
                        i.target() == null
                                || i.target() == InjectionTarget.FIBULAR_NERVE
                                || i.target() == InjectionTarget.SCIATIC_NERVE,
                        problems,
                        "target",
                        "nerve hydrodissection targets the FIBULAR_NERVE or SCIATIC_NERVE");
                volume(i, limits.hydrodissectionVolumeMl(), problems);
            }
            case TRANSFORAMINAL_EPIDURAL -> {
                require(
                        i.guidance() == null || i.guidance() == Guidance.FLUOROSCOPY,
                        problems,
                        "guidance",
                        "a transforaminal epidural must be FLUOROSCOPY-guided");
                require(
                        i.target() == null || i.target() == InjectionTarget.NERVE_ROOT,
                        problems,
                        "target",
                        "a transforaminal epidural targets a NERVE_ROOT");
                require(
                        i.target() != InjectionTarget.NERVE_ROOT || i.targetLevel() != null,
                        problems,
                        "targetLevel",
                        "a transforaminal epidural names the nerve root level (L4, L5 or S1)");
                volume(i, limits.transforaminalVolumeMl(), problems);
            }
            case CAUDAL_EPIDURAL -> {
                require(
                        i.target() == null || i.target() == InjectionTarget.NERVE_ROOT,
                        problems,
                        "target",
                        "a caudal epidural targets the NERVE_ROOT(s)");
                volume(i, limits.caudalVolumeMl(), problems);
            }
        }
    }

    private static void volume(InjectionRequest i, InjectionLimits.Range range, List<FieldProblem> problems) {
        if (i.volumeMl() != null && !range.contains(i.volumeMl())) {
            problems.add(new FieldProblem("volumeMl", "must be within " + range + " mL for " + i.technique()));
        }
    }

    private static void require(boolean ok, List<FieldProblem> problems, String field, String reason) {
        if (!ok) {
            problems.add(new FieldProblem(field, reason));
        }
    }

    static boolean isEpidural(InjectionTechnique technique) {
        return technique == InjectionTechnique.CAUDAL_EPIDURAL
                || technique == InjectionTechnique.TRANSFORAMINAL_EPIDURAL;
    }
}
