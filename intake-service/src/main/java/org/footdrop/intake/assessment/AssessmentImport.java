package org.footdrop.intake.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.footdrop.intake.diagnosis.SymptomOnsets;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.springframework.stereotype.Component;

/**
 * Assessments in a bulk import, after their patient's diagnoses are stored (a patient's lines come
 * together, diagnoses first): the onset rule reads the diagnoses of a batch's patients all at once,
 * before the batch's assessments are prepared.
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
            private Map<String, Optional<LocalDate>> batchOnsets = Map.of();
            private String patientId;
            private Optional<LocalDate> onset = Optional.empty();

            @Override
            public void prefetch(List<ImportLine> lines) {
                batchOnsets = onsets.earliestOnsets(lines.stream()
                        .map(ImportLine::patientId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
            }

            @Override
            public AssessmentState prepare(ImportLine line, AssessmentRequest request) {
                if (!request.patientId().equals(patientId)) {
                    patientId = request.patientId();
                    // read ahead with the batch; a correction's line is prepared alone
                    Optional<LocalDate> read = batchOnsets.get(patientId);
                    onset = read != null ? read : onsets.earliestOnset(patientId);
                }
                return assessments.prepare(request, onset);
            }
        };
    }

    @Override
    public Optional<AssessmentState> asStored(ImportLine line, AssessmentRequest request) {
        return Optional.of(AssessmentState.of(request));
    }
}
