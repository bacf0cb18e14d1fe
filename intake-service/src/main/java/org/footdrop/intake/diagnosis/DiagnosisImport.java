package org.footdrop.intake.diagnosis;

import java.util.Optional;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.springframework.stereotype.Component;

/** Diagnoses in a bulk import: first of intake's kinds, so assessments see their onset. */
@Component
class DiagnosisImport extends NamedImportableKind<DiagnosisRequest, DiagnosisState> {

    private final DiagnosisService diagnoses;

    DiagnosisImport(DiagnosisService diagnoses, DiagnosisRecordKind kind) {
        super("diagnosis", 0, DiagnosisRequest.class, kind, "diagnosisDate");
        this.diagnoses = diagnoses;
    }

    @Override
    public LineImporter<DiagnosisRequest, DiagnosisState> start() {
        return (ImportLine line, DiagnosisRequest request) -> diagnoses.prepare(request);
    }

    @Override
    public Optional<DiagnosisState> asStored(ImportLine line, DiagnosisRequest request) {
        return Optional.of(DiagnosisState.of(request));
    }
}
