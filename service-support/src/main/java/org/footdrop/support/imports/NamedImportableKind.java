package org.footdrop.support.imports;

import org.footdrop.support.record.RecordKind;
import tools.jackson.databind.JsonNode;

/**
 * An {@link ImportableKind} whose names are given once, in its constructor: subclasses say only how
 * a job applies the kind's rules ({@link #start()}).
 */
public abstract class NamedImportableKind<R, S> implements ImportableKind<R, S> {

    private final String name;
    private final int rank;
    private final Class<R> requestType;
    private final RecordKind<S> recordKind;
    private final String clinicalTimeField;

    /** @param clinicalTimeField the body's field of the record's clinical time, e.g. {@code assessedAt} */
    protected NamedImportableKind(
            String name, int rank, Class<R> requestType, RecordKind<S> recordKind, String clinicalTimeField) {
        this.name = name;
        this.rank = rank;
        this.requestType = requestType;
        this.recordKind = recordKind;
        this.clinicalTimeField = clinicalTimeField;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int rank() {
        return rank;
    }

    @Override
    public final Class<R> requestType() {
        return requestType;
    }

    @Override
    public final RecordKind<S> recordKind() {
        return recordKind;
    }

    @Override
    public final String clinicalTime(JsonNode body) {
        JsonNode time = body.get(clinicalTimeField);
        return time == null || !time.isString() ? null : time.asString();
    }
}
