package org.footdrop.intake.assessment;

import java.time.Instant;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentAmended;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.AssessmentVoided;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How assessments are stored and which events they publish. */
@Component
class AssessmentRecordKind extends NamedRecordKind<AssessmentState> {

    static final String COLLECTION = "assessments";

    AssessmentRecordKind() {
        super(COLLECTION, "Assessment", "POST /api/v1/assessments", "intake-service", AssessmentState.class);
    }

    @Override
    public String patientId(AssessmentState state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(AssessmentState state) {
        return state.assessedAt();
    }

    @Override
    public EventPayload recorded(UUID id, AssessmentState state) {
        return new AssessmentRecorded(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, AssessmentState state) {
        return new AssessmentAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, AssessmentState lastState) {
        return new AssessmentVoided(id, revision);
    }

    static Assessment toContract(AssessmentState a) {
        return new Assessment(
                a.assessedAt(),
                a.kind(),
                a.side(),
                a.measures(),
                a.gaitAid(),
                a.steppageGait(),
                a.footSlap(),
                a.toeDrag());
    }
}
