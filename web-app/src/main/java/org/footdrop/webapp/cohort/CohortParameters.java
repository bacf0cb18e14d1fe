package org.footdrop.webapp.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cohort filters and group-by dimensions as the page's address carries them (so a view can be
 * bookmarked) and as outcomes-service takes them (docs/analysing.md, "Filters and grouping"). The
 * options offered are the API's; what a value means, and whether it is valid, is the API's to say:
 * a refused value comes back as its problem, naming the parameter.
 */
public record CohortParameters(Map<String, String> filters, List<String> groupBy) {

    /** A filter and the values the form offers for it. */
    public record Filter(String name, String label, List<String> options, boolean date) {}

    /** The filters and grouping outcomes-service's report takes, from its OpenAPI document. */
    static final CohortOptions OPTIONS = CohortOptions.fromContract();

    static final List<Filter> FILTERS = OPTIONS.filters();

    /** What the report and time to response group by (the API leaves out injectionsReceived: it needs a window). */
    static final List<String> DIMENSIONS = OPTIONS.dimensions();

    static final int MAX_GROUP_BY = 2;

    /** The filters and grouping in the page's address; blank values mean "everyone" and are dropped. */
    static CohortParameters from(MultiValueMap<String, String> query) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (Filter filter : FILTERS) {
            String value = query.getFirst(filter.name());
            if (value != null && !value.isBlank()) {
                filters.put(filter.name(), value.strip());
            }
        }
        List<String> groupBy = new ArrayList<>();
        for (String value : query.getOrDefault("groupBy", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank() && !groupBy.contains(part.strip())) {
                    groupBy.add(part.strip());
                }
            }
        }
        return new CohortParameters(filters, List.copyOf(groupBy));
    }

    /** The query parameters outcomes-service takes: the filters, and groupBy comma-separated. */
    Map<String, String> forApi() {
        Map<String, String> parameters = new LinkedHashMap<>(filters);
        if (!groupBy.isEmpty()) {
            parameters.put("groupBy", String.join(",", groupBy));
        }
        return parameters;
    }

    /** The group-by dimension chosen in the form's nth select (from 0), or "" for none. */
    public String groupBy(int nth) {
        return nth < groupBy.size() ? groupBy.get(nth) : "";
    }

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    /** The same view on another page of this app (the address carries it), e.g. {@code /cohorts/report.csv}. */
    String link(String path, Map<String, String> extra) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach(uri::queryParam);
        groupBy.forEach(dimension -> uri.queryParam("groupBy", dimension));
        extra.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUriString();
    }
}
