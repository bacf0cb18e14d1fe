package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.support.testing.SliceRequests.assertRefusedNaming;
import static org.footdrop.support.testing.SliceRequests.get;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import java.util.stream.Stream;
import org.footdrop.outcomes.OutcomesConfiguration;
import org.footdrop.support.testing.WebSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * The query parameters of cohort reads and the export, through the real controllers, binding,
 * strict query parameters and problem handler: a bad one answers 400 problem+json naming it, and
 * nothing is read. The answers themselves are tested end-to-end in CohortApiTest.
 */
@WebMvcTest({CohortController.class, ExportController.class})
@WebSlice
@Import(OutcomesConfiguration.class)
class CohortQueryValidationSliceTest {

    @Autowired
    MockMvcTester mvc;

    // A refused query never reaches the cohort table or the queries over it; each test checks that.
    @MockitoBean
    CohortQueries queries;

    @MockitoBean
    CohortTable table;

    @MockitoBean
    ExportIndex exports;

    @AfterEach
    void nothingRead() {
        verifyNoInteractions(queries);
        verify(table, never()).isLoaded();
        verify(exports, never()).page(any(), anyInt());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("/api/v1/cohorts/outcomes?window=WEEK_6", "measure"),
                refused("/api/v1/cohorts/outcomes?measure=lefs", "window"),
                refused(
                        "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&groupBy=side,mechanism,causeCategory",
                        "groupBy"),
                refused("/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&solutionGroup=SALINE", "solutionGroup"),
                refused(
                        "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&diagnosedFrom=2019-13-01",
                        "diagnosedFrom"),
                refused("/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&patientId=pt-1", "patientId"),
                refused(
                        "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2&diagnosedFrom=2026-06-01&diagnosedTo=2026-01-01",
                        "diagnosedFrom"),
                refused("/api/v1/cohorts/safety?diagnosedFrom=2026-06-01&diagnosedTo=2026-01-01", "diagnosedFrom"),
                refused("/api/v1/cohorts/time-to-response?measure=height", "measure"),
                refused("/api/v1/cohorts/time-to-response?measure=lefs&groupBy=injectionsReceived", "groupBy"),
                refused("/api/v1/cohorts/report?groupBy=injectionsReceived", "groupBy"),
                refused("/api/v1/cohorts/report?format=xml", "format"),
                refused("/api/v1/cohorts/safety?side=UP", "side"),
                // given twice, one value of them would be dropped unseen
                refused("/api/v1/cohorts/safety?side=LEFT&side=UP", "side"),
                refused(
                        "/api/v1/cohorts/outcomes?measure=lefs&window=WEEK_2"
                                + "&causeCategory=FIBULAR_NERVE_AT_KNEE&causeCategory=L5_RADICULOPATHY",
                        "causeCategory"),
                refused("/api/v1/exports/patients?limit=5000", "limit"),
                refused("/api/v1/exports/patients?limit=0", "limit"),
                refused("/api/v1/exports/patients?limit=ten", "limit"),
                refused("/api/v1/exports/patients?cursor=%7B%24ne%3Anull%7D", "cursor"),
                refused("/api/v1/exports/patients?format=xml", "format"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void shouldRefuseABadQueryParameterNamingIt(String query, String field) {
        JsonNode problem = assertRefusedNaming(get(mvc, query), field);

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
    }

    @Test
    void shouldRefuseAnUnknownMeasureWindowAndDimensionAllInOneAnswer() {
        JsonNode problem = assertRefusedNaming(
                get(mvc, "/api/v1/cohorts/outcomes?measure=height&window=WEEK_7&groupBy=favouriteColour,side"),
                "groupBy");

        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrderElementsOf(List.of("measure", "window", "groupBy"));
    }

    @Test
    void shouldSayWhatAFilterTakesWithoutEchoingTheValueOrNamingJavaTypes() {
        // when a filter's value is not one of its own, then the reason lists the values it takes
        JsonNode problem =
                assertRefusedNaming(get(mvc, "/api/v1/cohorts/report?solutionGroup=SALINE"), "solutionGroup");
        assertThat(problem.get("errors").findValuesAsString("reason"))
                .containsExactly("must be one of [DEXTROSE_5, PRP, MIXED]");

        // and a date that is not one says so
        problem = assertRefusedNaming(get(mvc, "/api/v1/cohorts/report?diagnosedTo=yesterday"), "diagnosedTo");
        assertThat(problem.get("errors").findValuesAsString("reason"))
                .singleElement()
                .satisfies(
                        reason -> assertThat(reason).doesNotContain("yesterday").doesNotContain("java."));
    }

    private static Arguments refused(String query, String field) {
        return Arguments.of(query, field);
    }
}
