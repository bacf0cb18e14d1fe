package org.footdrop.intake.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.support.web.FieldProblem;

/** Rules across fields that annotations on single fields cannot say. */
final class DiagnosisRules {

    private DiagnosisRules() {}

    static List<FieldProblem> check(DiagnosisRequest d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.side() == Side.BILATERAL && (d.indexSide() == null || d.indexSide() == Side.BILATERAL)) {
            problems.add(new FieldProblem("indexSide", "a BILATERAL diagnosis needs an index side, LEFT or RIGHT"));
        }
        if (d.side() != null && d.side() != Side.BILATERAL && d.indexSide() != null && d.indexSide() != d.side()) {
            problems.add(new FieldProblem("indexSide", "must be empty or equal to side for a one-sided diagnosis"));
        }
        if (d.causeCategory() == CauseCategory.LUMBAR_NERVE_ROOT && d.nerveRootLevel() == null) {
            problems.add(new FieldProblem("nerveRootLevel", "required for LUMBAR_NERVE_ROOT (L4, L5 or S1)"));
        }
        if (d.symptomOnsetDate() != null
                && d.diagnosisDate() != null
                && d.symptomOnsetDate().isAfter(d.diagnosisDate())) {
            problems.add(new FieldProblem("symptomOnsetDate", "must not be after diagnosisDate"));
        }
        if (d.evaluations() != null) {
            for (int i = 0; i < d.evaluations().size(); i++) {
                EvaluationRequest e = d.evaluations().get(i);
                if (e != null && e.kind() == EvaluationKind.IMAGING && e.modality() == null) {
                    problems.add(new FieldProblem("evaluations[" + i + "].modality", "required for IMAGING"));
                }
                if (e != null && e.kind() != EvaluationKind.IMAGING && e.modality() != null) {
                    problems.add(new FieldProblem("evaluations[" + i + "].modality", "only for IMAGING"));
                }
            }
        }
        return problems;
    }
}
