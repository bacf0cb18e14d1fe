package org.footdrop.support.record;

/**
 * A {@link RecordKind} whose names are given once, in its constructor; subclasses say only what
 * is particular to them (patient, clinical time, events).
 */
public abstract class NamedRecordKind<S> implements RecordKind<S> {

    private final String collection;
    private final String label;
    private final String createEndpoint;
    private final String source;
    private final Class<S> stateType;

    protected NamedRecordKind(
            String collection, String label, String createEndpoint, String source, Class<S> stateType) {
        this.collection = collection;
        this.label = label;
        this.createEndpoint = createEndpoint;
        this.source = source;
        this.stateType = stateType;
    }

    @Override
    public final String collection() {
        return collection;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String createEndpoint() {
        return createEndpoint;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final Class<S> stateType() {
        return stateType;
    }
}
