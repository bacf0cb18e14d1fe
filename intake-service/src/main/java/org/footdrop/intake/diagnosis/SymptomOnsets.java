package org.footdrop.intake.diagnosis;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.springframework.stereotype.Component;

/** What other features may ask of a patient's diagnoses: when the symptoms began. */
@Component
public class SymptomOnsets {

    private final ClinicalRecords records;
    private final DiagnosisRecordKind kind;

    SymptomOnsets(ClinicalRecords records, DiagnosisRecordKind kind) {
        this.records = records;
        this.kind = kind;
    }

    /** The earliest onset date among the patient's non-voided diagnoses, if any records one. */
    public Optional<LocalDate> earliestOnset(String patientId) {
        return earliest(records.findByPatient(kind, patientId));
    }

    /** Each patient's earliest onset, as {@link #earliestOnset}, in two reads whatever their number. */
    public Map<String, Optional<LocalDate>> earliestOnsets(Collection<String> patientIds) {
        Map<String, Optional<LocalDate>> onsets = new HashMap<>();
        records.findByPatients(kind, patientIds)
                .forEach((patientId, diagnoses) -> onsets.put(patientId, earliest(diagnoses)));
        return onsets;
    }

    private static Optional<LocalDate> earliest(List<StoredRecord<DiagnosisState>> diagnoses) {
        return diagnoses.stream()
                .filter(r -> r.status() == RecordStatus.ACTIVE)
                .map(r -> r.state().symptomOnsetDate())
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo);
    }
}
