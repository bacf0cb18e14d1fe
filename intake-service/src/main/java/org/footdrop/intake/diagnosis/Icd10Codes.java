package org.footdrop.intake.diagnosis;

import java.util.List;
import java.util.Set;

/**
 * The ICD-10-CM codes of foot drop and its usual causes (listed in docs/integrating.md). Other well-formed codes are
 * accepted, with a warning, since clinics code comorbidities and newer codes too.
 */
final class Icd10Codes {

    static final Set<String> KNOWN = Set.of(
            "M21.371", "M21.372", "M21.379", // foot drop, right / left / unspecified
            "G57.30", "G57.31", "G57.32", "G57.33", // lesion of the lateral popliteal (fibular) nerve
            "G57.00", "G57.01", "G57.02", "G57.03", // lesion of the sciatic nerve
            "M54.16", "M54.17", // radiculopathy, lumbar / lumbosacral
            "M51.16"); // disc disorder with radiculopathy, lumbar

    private Icd10Codes() {}

    static List<String> warnings(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        return codes.stream()
                .filter(code -> !KNOWN.contains(code))
                .map(code -> "ICD-10-CM code " + code + " is well-formed but not one of the foot drop codes "
                        + "this service knows; it was accepted as given")
                .toList();
    }
}
