package org.footdrop.intake.assessment;

import java.time.Instant;
import org.footdrop.contract.intake.Measures;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.GaitAid;
import org.footdrop.contract.vocabulary.Side;

/**
 * An assessment as stored, the storage schema of its collection: mapped from the request, so that a
 * change of the API's body never changes stored documents or the fingerprints of answered requests.
 * The measures are the contract's own record, whose names are the stored ones.
 */
record AssessmentState(
        String patientId,
        Instant assessedAt,
        AssessmentKind kind,
        Side side,
        Measures measures,
        GaitAid gaitAid,
        Boolean steppageGait,
        Boolean footSlap,
        Boolean toeDrag) {

    static AssessmentState of(AssessmentRequest a) {
        MeasuresRequest m = a.measures();
        return new AssessmentState(
                a.patientId(),
                a.assessedAt(),
                a.kind(),
                a.side(),
                new Measures(
                        m.mrcAnkleDorsiflexion(),
                        m.mrcExtensorHallucisLongus(),
                        m.mrcAnkleEversion(),
                        m.mrcAnkleInversion(),
                        m.mrcHipAbduction(),
                        m.gaitSpeedComfortable(),
                        m.gaitSpeedFast(),
                        m.timedUpAndGo(),
                        m.functionalGaitAssessment(),
                        m.lefs(),
                        m.painNrs()),
                a.gaitAid(),
                a.steppageGait(),
                a.footSlap(),
                a.toeDrag());
    }

    /** The state in the API's words, as responses show it. */
    AssessmentRequest toRequest() {
        Measures m = measures;
        return new AssessmentRequest(
                patientId,
                assessedAt,
                kind,
                side,
                new MeasuresRequest(
                        m.mrcAnkleDorsiflexion(),
                        m.mrcExtensorHallucisLongus(),
                        m.mrcAnkleEversion(),
                        m.mrcAnkleInversion(),
                        m.mrcHipAbduction(),
                        m.gaitSpeedComfortable(),
                        m.gaitSpeedFast(),
                        m.timedUpAndGo(),
                        m.functionalGaitAssessment(),
                        m.lefs(),
                        m.painNrs()),
                gaitAid,
                steppageGait,
                footSlap,
                toeDrag);
    }
}
