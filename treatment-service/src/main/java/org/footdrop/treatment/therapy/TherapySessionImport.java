package org.footdrop.treatment.therapy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Logged sessions in a bulk import, after their patient's therapies are stored (a patient's lines
 * come together, therapies first): a session line names its therapy by the therapy's line key
 * ({@code therapyKey}) and its patient beside the body. A key of another patient's therapy is refused:
 * at {@code patientId} if that therapy is stored already, at {@code therapyKey} if its patient comes
 * later in the job.
 */
@Component
class TherapySessionImport extends NamedImportableKind<TherapySessionRequest, TherapySessionState> {

    private final TherapyService therapies;
    private final ClinicalRecords records;
    private final TherapyRecordKind therapyKind;

    TherapySessionImport(
            TherapyService therapies,
            ClinicalRecords records,
            TherapyRecordKind therapyKind,
            TherapySessionRecordKind kind) {
        super("therapySession", 2, TherapySessionRequest.class, kind, "date");
        this.therapies = therapies;
        this.records = records;
        this.therapyKind = therapyKind;
    }

    @Override
    public LineImporter<TherapySessionRequest, TherapySessionState> start() {
        return new LineImporter<>() {
            private String therapyKey;
            private StoredRecord<TherapyState> therapy;

            @Override
            public TherapySessionState prepare(ImportLine line, TherapySessionRequest request) {
                String patientId = line.requirePatientId();
                String key = line.requireField("therapyKey");
                if (!key.equals(therapyKey)) {
                    // the system is the job's: the therapy was imported under the same one
                    var identifier = new ExternalIdentifier(line.system(), key);
                    therapy = therapies.activeTherapy(records.find(therapyKind, identifier)
                            .map(StoredRecord::id)
                            .orElseThrow(
                                    () -> invalid("therapyKey", "no therapy with key " + key + "; import it first")));
                    therapyKey = key;
                }
                if (!therapy.patientId().equals(patientId)) {
                    throw invalid("patientId", "is not the patient of therapy " + key);
                }
                return therapies.prepareSession(therapy, request);
            }
        };
    }

    private static ClinicalProblemException invalid(String field, String reason) {
        return ClinicalProblemException.invalid(List.of(new FieldProblem(field, reason)));
    }

    @Override
    public Optional<TherapySessionState> asStored(ImportLine line, TherapySessionRequest request) {
        // the therapy's id derives from its key, as the rules' lookup finds it
        UUID therapyId =
                records.idOf(therapyKind, new ExternalIdentifier(line.system(), line.requireField("therapyKey")));
        return Optional.of(TherapySessionState.of(line.requirePatientId(), therapyId, request));
    }
}
