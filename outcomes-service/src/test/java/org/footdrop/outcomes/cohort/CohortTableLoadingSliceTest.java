package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.support.testing.SliceRequests.body;
import static org.footdrop.support.testing.SliceRequests.get;
import static org.mockito.Mockito.when;

import org.footdrop.outcomes.OutcomesConfiguration;
import org.footdrop.support.testing.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * While the cohort table loads after a start, a valid cohort read or export answers 503 and says when to retry:
 * a page of the export read from part of the table would be skipped for good by its cursor.
 */
@WebMvcTest({CohortController.class, ExportController.class})
@WebSlice
@Import(OutcomesConfiguration.class)
class CohortTableLoadingSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CohortQueries queries; // never reached while loading

    @MockitoBean
    CohortTable table;

    @MockitoBean
    ExportIndex exports; // never reached while loading

    @Test
    void shouldAskToRetryAfterAFewSecondsWhileTheTableLoads() {
        when(table.isLoaded()).thenReturn(false);

        var answer = get(mvc, "/api/v1/cohorts/report?groupBy=solutionGroup");

        assertThat(answer).hasStatus(503);
        assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(body(answer).get("type").asString()).endsWith("/unavailable");
    }

    @Test
    void shouldNotExportFromAHalfLoadedTable() {
        when(table.isLoaded()).thenReturn(false);

        var answer = get(mvc, "/api/v1/exports/patients?format=csv");

        assertThat(answer).hasStatus(503);
        assertThat(answer.getResponse().getHeader("Retry-After")).isEqualTo("5");
        org.mockito.Mockito.verifyNoInteractions(exports);
    }
}
