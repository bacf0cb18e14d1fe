package org.footdrop.fhir.terminology;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Serves the project's CodeSystems, so every code the facade emits resolves to its definition. */
@Component
public class CodeSystemProvider implements IResourceProvider {

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return Vocabularies.codeSystem(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<CodeSystem> all() {
        return Vocabularies.codeSystems();
    }
}
