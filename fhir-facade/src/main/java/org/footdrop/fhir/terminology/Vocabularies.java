package org.footdrop.fhir.terminology;

import java.util.List;
import java.util.Optional;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.ImagingModality;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.Side;

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

    public static final List<Vocabulary<?>> ALL =
            List.of(SIDE, CAUSE_CATEGORY, MECHANISM, NERVE_ROOT_LEVEL, EVALUATION_KIND, IMAGING_MODALITY);

    /** The code system of free UPPER_SNAKE evaluation findings: open, so not served as a CodeSystem. */
    public static final String FINDING_SYSTEM = Vocabulary.BASE + "/finding";

    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

    /** The pseudonymous patient id of the own API, as a Patient identifier. */
    public static final String PATIENT_ID_SYSTEM = Vocabulary.BASE + "/sid/patient-id";

    private Vocabularies() {}

    public static Optional<Vocabulary<?>> byId(String id) {
        return ALL.stream().filter(vocabulary -> vocabulary.id().equals(id)).findFirst();
    }

    public static String extension(String name) {
        return Vocabulary.BASE + "/StructureDefinition/" + name;
    }
}
