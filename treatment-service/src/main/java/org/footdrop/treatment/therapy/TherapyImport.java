package org.footdrop.treatment.therapy;

import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.ImportableKind;
import org.footdrop.support.record.RecordKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Therapy prescriptions in a bulk import: first of treatment's kinds, so sessions find them. */
@Component
class TherapyImport implements ImportableKind<TherapyRequest, TherapyState> {

    private final TherapyService therapies;
    private final TherapyRecordKind kind;

    TherapyImport(TherapyService therapies, TherapyRecordKind kind) {
        this.therapies = therapies;
        this.kind = kind;
    }

    @Override
    public String name() {
        return "therapy";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public Class<TherapyRequest> requestType() {
        return TherapyRequest.class;
    }

    @Override
    public RecordKind<TherapyState> recordKind() {
        return kind;
    }

    @Override
    public String clinicalTime(JsonNode body) {
        JsonNode start = body.get("startDate");
        return start == null ? null : start.asString();
    }

    @Override
    public LineImporter<TherapyRequest, TherapyState> start() {
        return (ImportLine line, TherapyRequest request) -> therapies.prepare(request);
    }
}
