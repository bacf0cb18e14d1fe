package org.footdrop.outcomes.quality;

/** The data-quality checks, each with what it means for a clinician fixing the records. */
public enum DataQualityCheck {
    DIAGNOSIS_MISSING("events recorded for the patient but no diagnosis after the grace period"),
    INJECTION_SIDE_MISMATCH("an injection on a side other than the (one-sided) diagnosis"),
    TECHNIQUE_INCONSISTENT_WITH_CAUSE("an epidural (nerve-root) injection for a fibular nerve injury at the knee"),
    MISSING_BASELINE("treated, but no assessment on days -28..0 for any measure"),
    LATE_ENTERED("a record entered live more than the allowed days after it happened (imported records excluded)"),
    ASSESSMENT_BEFORE_ONSET("an assessment dated before the symptom onset of the current diagnosis");

    private final String meaning;

    DataQualityCheck(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
