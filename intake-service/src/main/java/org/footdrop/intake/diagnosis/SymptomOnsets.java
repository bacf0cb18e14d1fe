package org.footdrop.intake.diagnosis;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.RecordStatus;
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
        return records.findByPatient(kind, patientId).stream()
                .filter(r -> r.status() == RecordStatus.ACTIVE)
                .map(r -> r.state().symptomOnsetDate())
                .filter(Objects::nonNull)
                .min(LocalDate::compareTo);
    }
}
