package org.footdrop.treatment.therapy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.treatment.Therapy;
import org.footdrop.contract.treatment.TherapyAmended;
import org.footdrop.contract.treatment.TherapyPrescribed;
import org.footdrop.contract.treatment.TherapyVoided;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How therapy prescriptions are stored and which events they publish. */
@Component
class TherapyKind extends NamedRecordKind<TherapyRequest> {

    private final ZoneId clinicZone;

    TherapyKind(ClinicCalendar calendar) {
        super("therapies", "Therapy", "POST /api/v1/therapies", "treatment-service", TherapyRequest.class);
        this.clinicZone = calendar.clinicZone();
    }

    @Override
    public String patientId(TherapyRequest state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(TherapyRequest state) {
        return state.startDate().atStartOfDay(clinicZone).toInstant();
    }

    @Override
    public EventPayload recorded(UUID id, TherapyRequest state) {
        return new TherapyPrescribed(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, TherapyRequest state) {
        return new TherapyAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, TherapyRequest lastState) {
        return new TherapyVoided(id, revision);
    }

    static Therapy toContract(TherapyRequest t) {
        return new Therapy(t.type(), t.modality(), t.startDate(), t.sessionsPerWeek(), t.plannedWeeks(), t.endDate());
    }
}
