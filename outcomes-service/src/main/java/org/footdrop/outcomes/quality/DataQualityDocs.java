package org.footdrop.outcomes.quality;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.footdrop.support.openapi.Schemas;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The paging of the data-quality list in the OpenAPI document: what {@code page} and {@code size}
 * mean (springdoc sees their bounds and defaults, not their meaning) and the Link header.
 */
@Component
class DataQualityDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        PathItem item = openApi.getPaths().get(DataQualityController.PATH);
        if (item == null || item.getGet() == null) {
            throw new IllegalStateException("No GET " + DataQualityController.PATH + " to document");
        }
        Operation list = item.getGet();
        parameter(list, "page")
                .description("The page, from 1: each check lists its patients (page - 1) x size + 1 to page x size, "
                        + "in patientId order; a page past the last lists no one");
        parameter(list, "size").description("Patients listed per check on a page");
        parameter(list, "patientId")
                .description("Only this patient: each check lists them if they fail it (count 0 or 1); "
                        + "audited as a read of the patient's record");
        list.getResponses()
                .get("200")
                .description("A page of every check's patients; while any check has more, next and a Link header "
                        + "with rel=\"next\" name the next page")
                .addHeaderObject(
                        "Link",
                        new Header()
                                .description("<next page>; rel=\"next\" while any check lists more patients")
                                .schema(Schemas.typed("string")));
    }

    private static Parameter parameter(Operation operation, String name) {
        return operation.getParameters().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No parameter " + name + " to document"));
    }
}
