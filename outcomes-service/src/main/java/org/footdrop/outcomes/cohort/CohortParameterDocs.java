package org.footdrop.outcomes.cohort;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.support.openapi.Schemas;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The closed sets the cohort and export parameters take, in the OpenAPI document: the controllers
 * read them as text and check them by hand, so springdoc alone sees free strings. The values come
 * from the enums the controllers check against.
 */
@Component
class CohortParameterDocs implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        for (String path : List.of("/api/v1/cohorts/outcomes", "/api/v1/cohorts/time-to-response")) {
            parameter(
                    get(openApi, path),
                    "measure",
                    p -> p.required(true)
                            .description("The measure to summarise")
                            .schema(Schemas.enumOf(
                                    Arrays.stream(Measure.values()).map(Measure::wireName))));
        }
        groupBy(get(openApi, "/api/v1/cohorts/outcomes"), Arrays.stream(Dimension.values()));
        // injectionsReceived depends on the window: refused where no single window is named
        for (String path : List.of("/api/v1/cohorts/time-to-response", "/api/v1/cohorts/report")) {
            groupBy(
                    get(openApi, path),
                    Arrays.stream(Dimension.values()).filter(d -> d != Dimension.INJECTIONS_RECEIVED));
        }
        parameter(
                get(openApi, "/api/v1/cohorts/report"),
                "format",
                p -> p.description("JSON, or the same report as one CSV table")
                        .schema(Schemas.enumOf(List.of("json", "csv"))._default("json")));
        parameter(
                get(openApi, "/api/v1/cohorts/outcomes"),
                "window",
                p -> p.required(true)
                        .description("The analysis window after day 0")
                        .schema(Schemas.enumOf(Arrays.stream(Window.values()).map(Window::name))));

        Operation export = get(openApi, "/api/v1/exports/patients");
        parameter(
                export,
                "format",
                p -> p.description("NDJSON (one JSON object a line) or CSV with a header line")
                        .schema(Schemas.enumOf(List.of("ndjson", "csv"))._default("ndjson")));
        parameter(
                export,
                "limit",
                p -> p.description("Rows per page")
                        .schema(Schemas.typed("integer")
                                .format("int32")
                                .minimum(BigDecimal.ONE)
                                .maximum(BigDecimal.valueOf(ExportController.MAX_PAGE))
                                ._default(ExportController.DEFAULT_PAGE)));
        parameter(
                export,
                "cursor",
                p -> p.description("From the previous page's Link rel=\"next\"; none for the first")
                        .schema(Schemas.typed("string").pattern("^[0-9a-f]{24}$")));
        Schema<Object> rows = Schemas.typed("string").description("One de-identified row per patient");
        export.getResponses()
                .get("200")
                .description("A page of rows; a Link header with rel=\"next\" names the next page, if any")
                .content(new Content()
                        .addMediaType(ExportController.NDJSON.toString(), new MediaType().schema(rows))
                        .addMediaType(ExportController.CSV.toString(), new MediaType().schema(rows)))
                .addHeaderObject(
                        "Link",
                        new Header()
                                .description("<next page>; rel=\"next\" while rows remain")
                                .schema(Schemas.typed("string")));
    }

    private static void groupBy(Operation operation, Stream<Dimension> dimensions) {
        parameter(
                operation,
                "groupBy",
                p -> p.description("One or two dimensions to group by, comma-separated")
                        .style(Parameter.StyleEnum.FORM)
                        .explode(false)
                        .schema(Schemas.typed("array")
                                .minItems(1)
                                .maxItems(2)
                                .items(Schemas.enumOf(dimensions.map(Dimension::wireName)))));
    }

    private static Operation get(OpenAPI openApi, String path) {
        PathItem item = openApi.getPaths().get(path);
        if (item == null || item.getGet() == null) {
            throw new IllegalStateException("No GET " + path + " to document");
        }
        return item.getGet();
    }

    private static void parameter(Operation operation, String name, Consumer<Parameter> change) {
        change.accept(operation.getParameters().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No parameter " + name + " to document")));
    }
}
