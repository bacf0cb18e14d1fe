package org.footdrop.fhir.terminology;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.footdrop.contract.intake.Measure;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.EnergyModality;
import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.GaitAid;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.ImagingModality;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.PrpLeukocytes;
import org.footdrop.contract.vocabulary.Severity;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.hl7.fhir.r4.model.CodeSystem;

/** The project's CodeSystems the facade speaks, served as CodeSystem resources (docs/fhir.md). */
public final class Vocabularies {

    public static final Vocabulary<Side> SIDE = new Vocabulary<>("side", "Side of the foot drop", Side.class);
    public static final Vocabulary<CauseCategory> CAUSE_CATEGORY =
            new Vocabulary<>("cause-category", "Foot drop cause category", CauseCategory.class);
    public static final Vocabulary<Mechanism> MECHANISM =
            new Vocabulary<>("mechanism", "Foot drop mechanism", Mechanism.class);
    public static final Vocabulary<NerveRootLevel> NERVE_ROOT_LEVEL =
            new Vocabulary<>("nerve-root-level", "Lumbar nerve root level", NerveRootLevel.class);
    public static final Vocabulary<EvaluationKind> EVALUATION_KIND =
            new Vocabulary<>("evaluation-kind", "Kind of clinical evaluation", EvaluationKind.class);
    public static final Vocabulary<ImagingModality> IMAGING_MODALITY =
            new Vocabulary<>("imaging-modality", "Imaging modality", ImagingModality.class);

    public static final Vocabulary<InjectionTechnique> INJECTION_TECHNIQUE =
            new Vocabulary<>("injection-technique", "Injection technique", InjectionTechnique.class);
    public static final Vocabulary<InjectionTarget> INJECTION_TARGET =
            new Vocabulary<>("injection-target", "Injection target", InjectionTarget.class);
    public static final Vocabulary<Guidance> GUIDANCE =
            new Vocabulary<>("guidance", "Injection guidance", Guidance.class);
    public static final Vocabulary<Solution> SOLUTION =
            new Vocabulary<>("solution", "Injected solution", Solution.class);
    public static final Vocabulary<PrpLeukocytes> PRP_LEUKOCYTES =
            new Vocabulary<>("prp-leukocytes", "Leukocyte content of PRP", PrpLeukocytes.class);
    public static final Vocabulary<AdverseEventType> ADVERSE_EVENT =
            new Vocabulary<>("adverse-event", "Adverse event of an injection", AdverseEventType.class);
    public static final Vocabulary<Severity> SEVERITY =
            new Vocabulary<>("severity", "Severity of an adverse event", Severity.class);

    public static final Vocabulary<TherapyType> THERAPY_TYPE =
            new Vocabulary<>("therapy-type", "Adjunct therapy", TherapyType.class);
    public static final Vocabulary<EnergyModality> ENERGY_MODALITY =
            new Vocabulary<>("energy-modality", "Energy modality of a therapy", EnergyModality.class);

    public static final Vocabulary<AssessmentKind> ASSESSMENT_KIND =
            new Vocabulary<>("assessment-kind", "Foot drop assessment", AssessmentKind.class);
    public static final Vocabulary<Measure> MEASURE =
            new Vocabulary<>("measure", "Foot drop outcome measure", Measure.class);
    public static final Vocabulary<GaitAid> GAIT_AID = new Vocabulary<>("gait-aid", "Gait aid", GaitAid.class);

    public static final Vocabulary<DerivedOutcome> DERIVED_OUTCOME =
            new Vocabulary<>("derived-outcome", "Derived foot drop outcome", DerivedOutcome.class);

    public static final List<Vocabulary<?>> ALL = List.of(
            SIDE,
            CAUSE_CATEGORY,
            MECHANISM,
            NERVE_ROOT_LEVEL,
            EVALUATION_KIND,
            IMAGING_MODALITY,
            INJECTION_TECHNIQUE,
            INJECTION_TARGET,
            GUIDANCE,
            SOLUTION,
            PRP_LEUKOCYTES,
            ADVERSE_EVENT,
            SEVERITY,
            THERAPY_TYPE,
            ENERGY_MODALITY,
            ASSESSMENT_KIND,
            MEASURE,
            GAIT_AID,
            DERIVED_OUTCOME);

    /** CPT, as FHIR names it (R4's terminology registry); codes checked for their form only. */
    public static final String CPT = "http://www.ama-assn.org/go/cpt";

    public static final String UCUM = "http://unitsofmeasure.org";

    /** The code system of free UPPER_SNAKE evaluation findings: open, so not served as a CodeSystem. */
    public static final String FINDING_SYSTEM = Vocabulary.BASE + "/finding";

    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

    /** The pseudonymous patient id of the own API, as a Patient identifier. */
    public static final String PATIENT_ID_SYSTEM = Vocabulary.BASE + "/sid/patient-id";

    private Vocabularies() {}

    /** Every CodeSystem the facade serves: the vocabularies and the MRC grades. */
    public static List<CodeSystem> codeSystems() {
        return Stream.concat(ALL.stream().map(Vocabulary::codeSystem), Stream.of(MrcGrades.codeSystem()))
                .toList();
    }

    public static Optional<CodeSystem> codeSystem(String id) {
        return codeSystems().stream()
                .filter(system -> system.getId().equals(id))
                .findFirst();
    }

    /** The UCUM code of a measure's unit as the contract names it; scores are unitless ({score}). */
    public static String ucum(Measure measure) {
        switch (measure.unit()) {
            case "m/s":
                return "m/s";
            case "s":
                return "s";
            default:
                return "{score}";
        }
    }

    public static String extension(String name) {
        return Vocabulary.BASE + "/StructureDefinition/" + name;
    }
}
