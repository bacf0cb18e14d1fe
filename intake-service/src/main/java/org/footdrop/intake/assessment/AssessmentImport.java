package org.footdrop.intake.assessment;

import java.time.LocalDate;
import java.util.Optional;
import org.footdrop.intake.diagnosis.SymptomOnsets;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.springframework.stereotype.Component;

/**
 * Assessments in a bulk import, after every diagnosis of the file is stored: the onset rule reads
 * the patient's diagnoses once per patient, as the lines come patient by patient.
 */
@Component
class AssessmentImport extends NamedImportableKind<AssessmentRequest, AssessmentState> {

    private final AssessmentService assessments;
    private final SymptomOnsets onsets;

    AssessmentImport(AssessmentService assessments, AssessmentRecordKind kind, SymptomOnsets onsets) {
        super("assessment", 1, AssessmentRequest.class, kind, "assessedAt");
        this.assessments = assessments;
        this.onsets = onsets;
    }

    @Override
    public LineImporter<AssessmentRequest, AssessmentState> start() {
        return new LineImporter<>() {
            private String patientId;
            private Optional<LocalDate> onset = Optional.empty();

            @Override
            public AssessmentState prepare(ImportLine line, AssessmentRequest request) {
                if (!request.patientId().equals(patientId)) {
                    patientId = request.patientId();
                    onset = onsets.earliestOnset(patientId);
                }
                return assessments.prepare(request, onset);
            }
        };
    }
}
