package org.footdrop.treatment.injection;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.stereotype.Service;

/** Injections: the clinic's rules and warnings, then the shared record life (create, amend, void). */
@Service
class InjectionService {

    private final ClinicalRecords records;
    private final InjectionKind kind;
    private final InjectionLimits limits;
    private final Clock clock;
    private final ZoneId clinicZone;

    InjectionService(
            ClinicalRecords records, InjectionKind kind, InjectionLimits limits, Clock clock, ClinicCalendar calendar) {
        this.records = records;
        this.kind = kind;
        this.limits = limits;
        this.clock = clock;
        this.clinicZone = calendar.clinicZone();
    }

    /** A stored injection and the warnings its values earned. */
    record Result(StoredRecord<InjectionRequest> injection, List<String> warnings) {}

    Result administer(InjectionRequest request, String caller, String idempotencyKey, String correlationId) {
        check(request);
        StoredRecord<InjectionRequest> created = records.create(kind, request, caller, idempotencyKey, correlationId)
                .record();
        // Against the patient's other injections: never itself, so a replayed create warns the same.
        return new Result(created, warnings(request, created.id()));
    }

    StoredRecord<InjectionRequest> find(UUID id) {
        return records.find(kind, id);
    }

    List<PatientSeries.Entry> series(String patientId) {
        return PatientSeries.of(records.findByPatient(kind, patientId), clinicZone);
    }

    Result amend(
            UUID id,
            int expectedRevision,
            InjectionRequest request,
            String caller,
            String idempotencyKey,
            String correlationId) {
        check(request);
        List<String> warnings = warnings(request, id);
        return new Result(
                records.amend(kind, id, expectedRevision, request, caller, idempotencyKey, correlationId), warnings);
    }

    StoredRecord<InjectionRequest> voidInjection(
            UUID id,
            Integer expectedRevision,
            String reason,
            String caller,
            String idempotencyKey,
            String correlationId) {
        return records.voidRecord(kind, id, expectedRevision, reason, caller, idempotencyKey, correlationId);
    }

    private void check(InjectionRequest request) {
        List<FieldProblem> problems = InjectionRules.check(request, limits, clock.instant());
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
    }

    private List<String> warnings(InjectionRequest request, UUID self) {
        List<InjectionRequest> others = records.findByPatient(kind, request.patientId()).stream()
                .filter(r -> r.status() == RecordStatus.ACTIVE && !r.id().equals(self))
                .map(StoredRecord::state)
                .toList();
        return InjectionWarnings.of(request, others, limits, clinicZone);
    }
}
