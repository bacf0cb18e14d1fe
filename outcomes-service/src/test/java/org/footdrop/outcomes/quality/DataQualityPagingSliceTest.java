package org.footdrop.outcomes.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.support.testing.SliceRequests.assertRefusedNaming;
import static org.footdrop.support.testing.SliceRequests.body;
import static org.footdrop.support.testing.SliceRequests.get;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.footdrop.outcomes.OutcomesConfiguration;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.support.audit.AuditTrail;
import org.footdrop.support.testing.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * The clinicians' data-quality list a page at a time, through the real controller, binding,
 * strict query parameters and problem handler: following the pages lists every patient once, and a
 * bad page or size answers 400 naming it without reading the findings. The findings themselves, from
 * events, are tested in CohortApiTest.
 */
@WebMvcTest(DataQualityController.class)
@WebSlice
@Import(OutcomesConfiguration.class)
class DataQualityPagingSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DataQualityFindings findings;

    /** The audit store is the store's; here only what the controller notes is checked. */
    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    CohortTable table;

    @BeforeEach
    void loaded() {
        when(table.isLoaded()).thenReturn(true);
    }

    @Test
    void shouldNoteAReadOfEveryPatientAPageNamesAndOfNoOther() {
        // given three patients failing checks
        when(findings.byPatient())
                .thenReturn(Map.of(
                        "pt-a", Set.of(DataQualityCheck.MISSING_BASELINE),
                        "pt-b", Set.of(DataQualityCheck.MISSING_BASELINE, DataQualityCheck.LATE_ENTERED),
                        "pt-c", Set.of(DataQualityCheck.DIAGNOSIS_MISSING)));

        // when a clinician lists the first page, one patient a check
        assertThat(get(mvc, "/api/v1/data-quality?size=1")).hasStatusOk();

        // then the patients it names are noted as read (pt-a under MISSING_BASELINE, pt-b under LATE_ENTERED,
        // pt-c under DIAGNOSIS_MISSING), as a clinician's read of their records
        verify(audit).read("pt-a");
        verify(audit).read("pt-b");
        verify(audit).read("pt-c");
    }

    @Test
    void shouldAskToRetryWhileTheTableLoadsRatherThanCountPartOfIt() {
        when(table.isLoaded()).thenReturn(false);

        for (String path : List.of(
                "/api/v1/data-quality", "/api/v1/data-quality/summary", "/api/v1/data-quality?patientId=pt-a")) {
            var answer = get(mvc, path);
            assertThat(answer).as(path).hasStatus(503);
            assertThat(answer.getResponse().getHeader("Retry-After")).as(path).isEqualTo("5");
        }
        verifyNoInteractions(findings);
    }

    @Test
    void shouldListEveryPatientOfEveryCheckOnceAcrossThePages() {
        // given 5 patients missing a baseline, 2 of them also entered late
        Map<String, Set<DataQualityCheck>> failed = new LinkedHashMap<>();
        for (String id : List.of("pt-e", "pt-c", "pt-a", "pt-d", "pt-b")) {
            failed.put(
                    id,
                    id.equals("pt-a") || id.equals("pt-d")
                            ? Set.of(DataQualityCheck.MISSING_BASELINE, DataQualityCheck.LATE_ENTERED)
                            : Set.of(DataQualityCheck.MISSING_BASELINE));
        }
        when(findings.byPatient()).thenReturn(failed);

        // when the pages are followed from the first, 2 patients a check at a time
        List<JsonNode> pages = new ArrayList<>();
        String next = "/api/v1/data-quality?size=2";
        while (next != null) {
            MvcTestResult result = get(mvc, next);
            assertThat(result).hasStatusOk();
            JsonNode page = body(result);
            pages.add(page);
            String link = result.getResponse().getHeader("Link");
            next = page.has("next") ? page.get("next").asString() : null;
            assertThat(link).isEqualTo(next == null ? null : "<" + next + ">; rel=\"next\"");
        }

        // then three pages, each with every check, the counts complete on each
        assertThat(pages).hasSize(3);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("totalPages").asInt()).isEqualTo(3);
            assertThat(page.get("checks")).hasSize(DataQualityCheck.values().length);
            assertThat(check(page, "MISSING_BASELINE").get("count").asInt()).isEqualTo(5);
            assertThat(check(page, "LATE_ENTERED").get("count").asInt()).isEqualTo(2);
        });
        assertThat(pages.stream().map(page -> page.get("page").asInt())).containsExactly(1, 2, 3);
        assertThat(pages.stream().flatMap(page -> ids(page, "MISSING_BASELINE")))
                .containsExactly("pt-a", "pt-b", "pt-c", "pt-d", "pt-e");
        assertThat(pages.stream().flatMap(page -> ids(page, "LATE_ENTERED"))).containsExactly("pt-a", "pt-d");
        assertThat(pages.stream()
                        .map(page ->
                                check(page, "MISSING_BASELINE").get("truncated").asBoolean()))
                .containsExactly(true, true, false);
        assertThat(pages.stream()
                        .map(page ->
                                check(page, "LATE_ENTERED").get("truncated").asBoolean()))
                .containsExactly(false, false, false);
    }

    @Test
    void shouldListEveryoneOnOnePageByDefaultAndNoOnePastTheLast() {
        // given
        when(findings.byPatient()).thenReturn(Map.of("pt-a", Set.of(DataQualityCheck.DIAGNOSIS_MISSING)));

        // when
        JsonNode first = body(get(mvc, "/api/v1/data-quality"));
        JsonNode past = body(get(mvc, "/api/v1/data-quality?page=7"));

        // then
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(DataQualityController.DEFAULT_PAGE_SIZE);
        assertThat(first.get("totalPages").asInt()).isEqualTo(1);
        assertThat(first.has("next")).isFalse();
        assertThat(ids(first, "DIAGNOSIS_MISSING")).containsExactly("pt-a");
        assertThat(ids(past, "DIAGNOSIS_MISSING")).isEmpty();
        assertThat(check(past, "DIAGNOSIS_MISSING").get("count").asInt()).isEqualTo(1);
        assertThat(check(past, "DIAGNOSIS_MISSING").get("truncated").asBoolean())
                .isFalse();
        assertThat(past.has("next")).isFalse();
    }

    @Test
    void shouldListOnlyTheAskedPatientUnderTheChecksTheyFailAndNoteTheRead() {
        // given pt-b fails two checks, pt-a and pt-c one of them each
        when(findings.byPatient())
                .thenReturn(Map.of(
                        "pt-a", Set.of(DataQualityCheck.MISSING_BASELINE),
                        "pt-b", Set.of(DataQualityCheck.MISSING_BASELINE, DataQualityCheck.LATE_ENTERED),
                        "pt-c", Set.of(DataQualityCheck.DIAGNOSIS_MISSING)));

        // when a clinician asks for pt-b's findings, and for a patient with none
        JsonNode b = body(get(mvc, "/api/v1/data-quality?patientId=pt-b"));
        JsonNode none = body(get(mvc, "/api/v1/data-quality?patientId=pt-z"));

        // then only pt-b is named, under exactly the checks they fail, each counted once
        assertThat(b.get("checks")).hasSize(DataQualityCheck.values().length);
        assertThat(ids(b, "MISSING_BASELINE")).containsExactly("pt-b");
        assertThat(ids(b, "LATE_ENTERED")).containsExactly("pt-b");
        assertThat(ids(b, "DIAGNOSIS_MISSING")).isEmpty();
        assertThat(check(b, "MISSING_BASELINE").get("count").asInt()).isEqualTo(1);
        assertThat(check(b, "DIAGNOSIS_MISSING").get("count").asInt()).isZero();
        assertThat(b.get("totalPages").asInt()).isEqualTo(1);
        assertThat(b.has("next")).isFalse();
        assertThat(none.get("checks").valueStream().mapToInt(c -> c.get("count").asInt()))
                .containsOnly(0);
        // and each is noted as a read of that patient's record
        verify(audit).read("pt-b");
        verify(audit).read("pt-z");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("/api/v1/data-quality?page=0", "page"),
                Arguments.of("/api/v1/data-quality?page=-1", "page"),
                Arguments.of("/api/v1/data-quality?page=one", "page"),
                Arguments.of("/api/v1/data-quality?size=0", "size"),
                Arguments.of("/api/v1/data-quality?size=1001", "size"),
                Arguments.of("/api/v1/data-quality?size=%24ne", "size"),
                Arguments.of("/api/v1/data-quality?limit=10", "limit"),
                Arguments.of("/api/v1/data-quality?cursor=pt-a", "cursor"),
                Arguments.of("/api/v1/data-quality?patientId=pt%20a", "patientId"),
                Arguments.of("/api/v1/data-quality?patientId=" + "p".repeat(65), "patientId"),
                Arguments.of("/api/v1/data-quality?patientId=", "patientId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void shouldRefuseABadPageOrSizeNamingItAndReadNothing(String query, String field) {
        JsonNode problem = assertRefusedNaming(get(mvc, query), field);

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(field);
        verifyNoInteractions(findings);
    }

    private static JsonNode check(JsonNode page, String check) {
        return page.get("checks")
                .valueStream()
                .filter(c -> c.get("check").asString().equals(check))
                .findFirst()
                .orElseThrow();
    }

    private static Stream<String> ids(JsonNode page, String check) {
        return check(page, check).get("patientIds").valueStream().map(JsonNode::asString);
    }
}
