package org.footdrop.fhir.records;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.footdrop.fhir.server.IfMatch;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * The FHIR interactions every resource backed by one kind of record has alike: read, create
 * (conditional on the identifier), update with If-Match, delete (void). HAPI finds these annotated
 * methods on the subclass's provider, which adds only its own: the search parameters it supports.
 */
public abstract class RecordProvider<R extends DomainResource> implements IResourceProvider {

    private final RecordResources<R> records;

    protected RecordProvider(RecordResources<R> records) {
        this.records = records;
    }

    /** The flow itself, for a subclass's search. */
    protected final RecordResources<R> records() {
        return records;
    }

    @Override
    public final Class<R> getResourceType() {
        return records.resourceType();
    }

    @Read(version = true)
    public R read(@IdParam IdType id) {
        return records.read(id);
    }

    @Create
    public MethodOutcome create(@ResourceParam R resource, @ConditionalUrlParam String ifNoneExist) {
        return records.create(resource, ifNoneExist);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam R resource) {
        return records.update(id, resource);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id, RequestDetails request) {
        // HAPI's delete binding leaves If-Match to the provider (its update binding reads it)
        return delete(IfMatch.versioned(id, request.getHeader(Constants.HEADER_IF_MATCH)));
    }

    /** Voids the record, at the id's version when it has one (a batch entry's ifMatch). */
    public MethodOutcome delete(IdType id) {
        return records.delete(id);
    }
}
