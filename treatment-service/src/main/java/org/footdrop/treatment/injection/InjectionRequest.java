package org.footdrop.treatment.injection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * The body of an injection create or amend: the facts of one injection. Derived values (nth,
 * interval, spacing) are never accepted or stored; they are computed when read.
 *
 * @param targetLevel for NERVE_ROOT targets
 * @param prpLeukocytes for PRP only, optional
 * @param volumeMl total injected volume, 0.1 mL resolution
 */
public record InjectionRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId,

        @NotNull Instant administeredAt,
        @NotNull InjectionTechnique technique,
        @NotNull InjectionTarget target,
        NerveRootLevel targetLevel,
        @NotNull Side side,
        @NotNull Guidance guidance,
        @NotNull Solution solution,
        PrpLeukocytes prpLeukocytes,

        @NotNull
        @DecimalMin(value = "0.0", inclusive = false)
        @DecimalMax("100.0")
        @Digits(integer = 3, fraction = 1, message = "mL to 0.1 mL resolution")
        BigDecimal volumeMl,

        @NotNull Integer durationMinutes,
        @Size(max = 20) List<@NotNull @Valid AdverseEventRequest> adverseEvents,

        @Size(max = 20)
        List<
                        @NotNull
                        @Pattern(regexp = "[0-9]{4}[0-9FTU]", message = "must be a CPT code such as 64450 or 0232T")
                        String>
                cptCodes) {

    public InjectionRequest {
        adverseEvents = adverseEvents == null ? List.of() : adverseEvents;
        cptCodes = cptCodes == null ? List.of() : cptCodes;
    }

    /** The same request with these adverse events. */
    InjectionRequest withAdverseEvents(List<AdverseEventRequest> replaced) {
        return new InjectionRequest(
                patientId,
                administeredAt,
                technique,
                target,
                targetLevel,
                side,
                guidance,
                solution,
                prpLeukocytes,
                volumeMl,
                durationMinutes,
                replaced,
                cptCodes);
    }
}
