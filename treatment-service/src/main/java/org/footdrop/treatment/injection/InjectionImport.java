package org.footdrop.treatment.injection;

import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.ImportableKind;
import org.footdrop.support.record.RecordKind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Injections in a bulk import: the per-record rules; the series is numbered when read, as always. */
@Component
class InjectionImport implements ImportableKind<InjectionRequest, InjectionState> {

    private final InjectionService injections;
    private final InjectionRecordKind kind;

    InjectionImport(InjectionService injections, InjectionRecordKind kind) {
        this.injections = injections;
        this.kind = kind;
    }

    @Override
    public String name() {
        return "injection";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public Class<InjectionRequest> requestType() {
        return InjectionRequest.class;
    }

    @Override
    public RecordKind<InjectionState> recordKind() {
        return kind;
    }

    @Override
    public String clinicalTime(JsonNode body) {
        JsonNode at = body.get("administeredAt");
        return at == null ? null : at.asString();
    }

    @Override
    public LineImporter<InjectionRequest, InjectionState> start() {
        return (ImportLine line, InjectionRequest request) -> injections.prepare(request);
    }
}
