package org.footdrop.treatment.therapy;

import java.util.Optional;
import org.footdrop.support.imports.ImportLine;
import org.footdrop.support.imports.NamedImportableKind;
import org.springframework.stereotype.Component;

/** Therapy prescriptions in a bulk import: first of treatment's kinds, so sessions find them. */
@Component
class TherapyImport extends NamedImportableKind<TherapyRequest, TherapyState> {

    private final TherapyService therapies;

    TherapyImport(TherapyService therapies, TherapyRecordKind kind) {
        super("therapy", 0, TherapyRequest.class, kind, "startDate");
        this.therapies = therapies;
    }

    @Override
    public LineImporter<TherapyRequest, TherapyState> start() {
        return (ImportLine line, TherapyRequest request) -> therapies.prepare(request);
    }

    @Override
    public Optional<TherapyState> asStored(ImportLine line, TherapyRequest request) {
        return Optional.of(TherapyState.of(request));
    }
}
