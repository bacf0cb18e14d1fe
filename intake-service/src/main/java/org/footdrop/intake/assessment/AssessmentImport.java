package org.footdrop.intake.assessment;

import java.time.LocalDate;
import java.util.Optional;
import org.footdrop.intake.diagnosis.SymptomOnsets;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.ImportableKind;
import org.footdrop.support.record.RecordKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Assessments in a bulk import, after every diagnosis of the file is stored: the onset rule reads
 * the patient's diagnoses once per patient, as the lines come patient by patient.
 */
@Component
class AssessmentImport implements ImportableKind<AssessmentRequest, AssessmentState> {

    private final AssessmentService assessments;
    private final AssessmentRecordKind kind;
    private final SymptomOnsets onsets;

    AssessmentImport(AssessmentService assessments, AssessmentRecordKind kind, SymptomOnsets onsets) {
        this.assessments = assessments;
        this.kind = kind;
        this.onsets = onsets;
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public Class<AssessmentRequest> requestType() {
        return AssessmentRequest.class;
    }

    @Override
    public RecordKind<AssessmentState> recordKind() {
        return kind;
    }

    @Override
    public String clinicalTime(JsonNode body) {
        JsonNode at = body.get("assessedAt");
        return at == null ? null : at.asString();
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
