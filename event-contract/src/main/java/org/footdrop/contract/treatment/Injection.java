package org.footdrop.contract.treatment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.PrpLeukocytes;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;

/**
 * The facts of one injection. Derived values (nth in the series, interval, spacing) are never
 * carried: whoever reads the events computes them, so late and corrected records leave no stale
 * numbers in the log.
 *
 * @param targetLevel for NERVE_ROOT targets
 * @param prpLeukocytes for PRP only, optional
 */
public record Injection(
        Instant administeredAt,
        InjectionTechnique technique,
        InjectionTarget target,
        NerveRootLevel targetLevel,
        Side side,
        Guidance guidance,
        Solution solution,
        PrpLeukocytes prpLeukocytes,
        BigDecimal volumeMl,
        Integer durationMinutes,
        List<AdverseEvent> adverseEvents,
        List<String> cptCodes) {

    public Injection {
        adverseEvents = adverseEvents == null ? List.of() : List.copyOf(adverseEvents);
        cptCodes = cptCodes == null ? List.of() : List.copyOf(cptCodes);
    }
}
