package org.footdrop.intake.diagnosis;

import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.ImportableKind;
import org.footdrop.support.record.RecordKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Diagnoses in a bulk import: first of intake's kinds, so assessments see their onset. */
@Component
class DiagnosisImport implements ImportableKind<DiagnosisRequest, DiagnosisState> {

    private final DiagnosisService diagnoses;
    private final DiagnosisRecordKind kind;

    DiagnosisImport(DiagnosisService diagnoses, DiagnosisRecordKind kind) {
        this.diagnoses = diagnoses;
        this.kind = kind;
    }

    @Override
    public String name() {
        return "diagnosis";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public Class<DiagnosisRequest> requestType() {
        return DiagnosisRequest.class;
    }

    @Override
    public RecordKind<DiagnosisState> recordKind() {
        return kind;
    }

    @Override
    public String clinicalTime(JsonNode body) {
        JsonNode date = body.get("diagnosisDate");
        return date == null ? null : date.asString();
    }

    @Override
    public LineImporter<DiagnosisRequest, DiagnosisState> start() {
        return (ImportLine line, DiagnosisRequest request) -> diagnoses.prepare(request);
    }
}
