package org.footdrop.treatment.injection;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.KeptNotes;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.stereotype.Service;

/** Injections: the clinic's rules and warnings, then the shared record life (create, amend, void). */
@Service
class InjectionService {

    private final ClinicalRecords records;
    private final InjectionRecordKind kind;
    private final InjectionLimits limits;
    private final Clock clock;
    private final ZoneId clinicZone;

    InjectionService(
            ClinicalRecords records,
            InjectionRecordKind kind,
            InjectionLimits limits,
            Clock clock,
            ClinicCalendar calendar) {
        this.records = records;
        this.kind = kind;
        this.limits = limits;
        this.clock = clock;
        this.clinicZone = calendar.clinicZone();
    }

    /** A stored injection and the warnings its values earned. */
    record Result(StoredRecord<InjectionState> injection, List<String> warnings) {}

    /** A created injection (or the one a replayed create found) and its warnings. */
    record Administered(ClinicalRecords.Created<InjectionState> created, List<String> warnings) {

        StoredRecord<InjectionState> injection() {
            return created.record();
        }
    }

    Administered administer(InjectionRequest request, ExternalIdentifier identifier, RequestContext context) {
        InjectionState state = prepare(request);
        var created = records.create(kind, state, identifier, context);
        // Against the patient's other injections: never itself, so a replayed create warns the same.
        return new Administered(created, warnings(state, created.record().id()));
    }

    StoredRecord<InjectionState> find(UUID id) {
        return records.find(kind, id);
    }

    List<PatientSeries.Entry> series(String patientId) {
        return PatientSeries.of(records.findByPatient(kind, patientId), clinicZone);
    }

    Result amend(UUID id, int expectedRevision, InjectionRequest request, RequestContext context) {
        return amend(id, expectedRevision, request, false, context);
    }

    /** @param keepNotes adverse events sent without a note keep the stored ones' ({@link KeptNotes}) */
    Result amend(UUID id, int expectedRevision, InjectionRequest request, boolean keepNotes, RequestContext context) {
        InjectionRequest amended = keepNotes
                ? request.withAdverseEvents(KeptNotes.keep(
                        request.adverseEvents(),
                        records.find(kind, id).state().adverseEvents(),
                        AdverseEventRequest::note,
                        InjectionState.AdverseEvent::note,
                        (sent, stored) -> sent.type() == stored.type(),
                        (sent, note) -> new AdverseEventRequest(sent.type(), sent.severity(), sent.resolved(), note)))
                : request;
        InjectionState state = prepare(amended);
        List<String> warnings = warnings(state, id);
        return new Result(records.amend(kind, id, expectedRevision, state, context), warnings);
    }

    StoredRecord<InjectionState> voidInjection(
            UUID id, Integer expectedRevision, String reason, RequestContext context) {
        return records.voidRecord(kind, id, expectedRevision, reason, context);
    }

    /** The state a valid request stores, after the clinical rules; a bulk import's lines pass here too. */
    InjectionState prepare(InjectionRequest request) {
        check(request);
        return InjectionState.of(request);
    }

    private void check(InjectionRequest request) {
        List<FieldProblem> problems = InjectionRules.check(request, limits, clock.instant());
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
    }

    private List<String> warnings(InjectionState injection, UUID self) {
        List<InjectionState> others = records.findByPatient(kind, injection.patientId()).stream()
                .filter(r -> r.status() == RecordStatus.ACTIVE && !r.id().equals(self))
                .map(StoredRecord::state)
                .toList();
        return InjectionWarnings.of(injection, others, limits, clinicZone);
    }
}
