package org.footdrop.intake.assessment;

import java.time.Instant;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentAmended;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.AssessmentVoided;
import org.footdrop.contract.intake.Measures;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How assessments are stored and which events they publish. */
@Component
class AssessmentKind extends NamedRecordKind<AssessmentRequest> {

    static final String COLLECTION = "assessments";

    AssessmentKind() {
        super(COLLECTION, "Assessment", "POST /api/v1/assessments", "intake-service", AssessmentRequest.class);
    }

    @Override
    public String patientId(AssessmentRequest state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(AssessmentRequest state) {
        return state.assessedAt();
    }

    @Override
    public EventPayload recorded(UUID id, AssessmentRequest state) {
        return new AssessmentRecorded(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, AssessmentRequest state) {
        return new AssessmentAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, AssessmentRequest lastState) {
        return new AssessmentVoided(id, revision);
    }

    static Assessment toContract(AssessmentRequest a) {
        MeasuresRequest m = a.measures();
        return new Assessment(
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
}
