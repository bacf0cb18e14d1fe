package org.footdrop.treatment.injection;

import java.util.Optional;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.springframework.stereotype.Component;

/** Injections in a bulk import: the per-record rules; the series is numbered when read, as always. */
@Component
class InjectionImport extends NamedImportableKind<InjectionRequest, InjectionState> {

    private final InjectionService injections;

    InjectionImport(InjectionService injections, InjectionRecordKind kind) {
        super("injection", 1, InjectionRequest.class, kind, "administeredAt");
        this.injections = injections;
    }

    @Override
    public LineImporter<InjectionRequest, InjectionState> start() {
        return (ImportLine line, InjectionRequest request) -> injections.prepare(request);
    }

    @Override
    public Optional<InjectionState> asStored(ImportLine line, InjectionRequest request) {
        return Optional.of(InjectionState.of(request));
    }
}
