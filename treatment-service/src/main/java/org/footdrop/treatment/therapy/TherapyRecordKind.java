package org.footdrop.treatment.therapy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.treatment.TherapyAmended;
import org.footdrop.contract.treatment.TherapyPrescribed;
import org.footdrop.contract.treatment.TherapyVoided;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How therapy prescriptions are stored and which events they publish. */
@Component
class TherapyRecordKind extends NamedRecordKind<TherapyState> {

    private final ZoneId clinicZone;

    TherapyRecordKind(ClinicCalendar calendar) {
        super("therapies", "Therapy", "POST /api/v1/therapies", "treatment-service", TherapyState.class);
        this.clinicZone = calendar.clinicZone();
    }

    @Override
    public String patientId(TherapyState state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(TherapyState state) {
        return state.startDate().atStartOfDay(clinicZone).toInstant();
    }

    @Override
    public EventPayload recorded(UUID id, TherapyState state) {
        return new TherapyPrescribed(id, 1, state.toContract());
    }

    @Override
    public EventPayload amended(UUID id, int revision, TherapyState state) {
        return new TherapyAmended(id, revision, state.toContract());
    }

    @Override
    public EventPayload voided(UUID id, int revision, TherapyState lastState) {
        return new TherapyVoided(id, revision);
    }
}
