package org.footdrop.webapp.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.webapp.security.Role;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.TreatmentApi;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.json.JsonMapper;

/** The analysts' pages over outcomes-service's answers (a stand-in returning the API's own examples). */
@SpringBootTest
@AutoConfigureMockMvc
class CohortPagesTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OutcomesApi outcomes;

    @MockitoBean
    TreatmentApi treatment;

    private static RequestPostProcessor person(Role role) {
        return oidcLogin()
                .idToken(token -> token.subject("local-" + role.scope()))
                .authorities(new SimpleGrantedAuthority(role.authority()));
    }

    @Test
    void shouldShowAnAnalystTheReportWithItsSuppressedGroupAndCaveat() throws Exception {
        // given the report's example answer, asked for by cause and grouped by solution
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/cohort-report-example.json"));
        when(outcomes.cohortReport(anyMap())).thenReturn(answer);

        // when an analyst opens the page with those filters in the address
        mvc.perform(get("/cohorts?causeCategory=CENTRAL&groupBy=solutionGroup&measure=gaitSpeedComfortable")
                        .with(person(Role.ANALYST)))
                // then the table holds the API's numbers, the suppressed group reads as suppressed
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-lower=\"0.20654931437723742\"")))
                .andExpect(content().string(Matchers.containsString("Suppressed: fewer than 5 patients")))
                .andExpect(content().string(Matchers.containsString("Observational and unadjusted")))
                .andExpect(content().string(Matchers.containsString("id=\"untreated\"")))
                // and the download carries the same view
                .andExpect(content()
                        .string(Matchers.containsString(
                                "href=\"/cohorts/report.csv?causeCategory=CENTRAL&amp;groupBy=solutionGroup\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))));
        // and the API was asked once, with the filters and the grouping as it takes them
        verify(outcomes).cohortReport(Map.of("causeCategory", "CENTRAL", "groupBy", "solutionGroup"));
    }

    @Test
    void shouldShowTheApisReasonBesideARefusedFilter() throws Exception {
        // given the API refuses a value, naming the parameter
        byte[] problem = """
                {"type":"https://footdrop.org/problems/validation","title":"Bad Request","status":400,
                 "errors":[{"field":"causeCategory","reason":"must be one of [FIBULAR_NERVE_AT_KNEE, CENTRAL]"}]}
                """.getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        HttpClientErrorException refused = HttpClientErrorException.create(
                HttpStatus.BAD_REQUEST, "Bad Request", headers, problem, StandardCharsets.UTF_8);
        refused.setBodyConvertFunction(type -> JsonMapper.builder().build().readTree(problem));
        when(outcomes.cohortReport(anyMap())).thenThrow(refused);

        // when an analyst opens a bookmarked view with a value the API does not know
        mvc.perform(get("/cohorts?causeCategory=ELBOW").with(person(Role.ANALYST)))
                // then the page says which filter and why, beside the field, and shows no figures
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("role=\"alert\"")))
                .andExpect(content().string(Matchers.containsString("must be one of [FIBULAR_NERVE_AT_KNEE, CENTRAL]")))
                .andExpect(content().string(Matchers.containsString("aria-describedby=\"error-causeCategory\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("cohort-table"))));
    }

    @Test
    void shouldRefuseAnUnknownMeasureWithoutAskingTheApi() throws Exception {
        mvc.perform(get("/cohorts?measure=grip").with(person(Role.ANALYST)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("id=\"error-measure\"")));
    }

    @Test
    void shouldRelayTheApisCsvForTheSameView() throws Exception {
        byte[] csv = "solutionGroup,population,suppressed,n\nPRP,GROUP,true,\n".getBytes(StandardCharsets.UTF_8);
        when(outcomes.cohortReportCsv(Map.of("groupBy", "solutionGroup")))
                .thenReturn(ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .body(csv));

        mvc.perform(get("/cohorts/report.csv?groupBy=solutionGroup").with(person(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, Matchers.startsWith("attachment")))
                .andExpect(content().bytes(csv));
    }

    @Test
    void shouldDrawTheCurvesFromOneTimeToResponseCall() throws Exception {
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/time-to-response-example.json"));
        when(outcomes.timeToResponse(eq("gaitSpeedComfortable"), anyMap())).thenReturn(answer);

        mvc.perform(get("/cohorts/time-to-response?groupBy=solutionGroup").with(person(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-survival=\"0.39999999999999997\"")))
                .andExpect(content().string(Matchers.containsString("42 days (14 to not reached)")))
                .andExpect(content().string(Matchers.containsString("data-at-risk=\"10,10,7,7,3,3,3\"")));
        verify(outcomes).timeToResponse("gaitSpeedComfortable", Map.of("groupBy", "solutionGroup"));
    }

    @Test
    void shouldOfferInTheFormEveryFilterValueAndGroupingTheReportTakes() throws Exception {
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/cohort-report-example.json"));
        when(outcomes.cohortReport(anyMap())).thenReturn(answer);

        // when an analyst opens the cohort page
        String page = mvc.perform(get("/cohorts").with(person(Role.ANALYST)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        // then each filter's select offers "any" and every value the report endpoint documents, in its order
        for (CohortParameters.Filter filter : CohortOptions.fromContract().filters()) {
            if (filter.date()) {
                assertThat(page).contains("type=\"date\" id=\"filter-" + filter.name() + "\"");
                continue;
            }
            List<String> expected = new ArrayList<>(List.of(""));
            expected.addAll(filter.options());
            assertThat(options(page, "filter-" + filter.name())).containsExactlyElementsOf(expected);
        }
        // and both group-by selects every dimension
        List<String> dimensions = new ArrayList<>(List.of(""));
        dimensions.addAll(CohortOptions.fromContract().dimensions());
        assertThat(options(page, "groupBy-0")).containsExactlyElementsOf(dimensions);
        assertThat(options(page, "groupBy-1")).containsExactlyElementsOf(dimensions);
    }

    /** The option values of the select with this id, in the page's order. */
    private static List<String> options(String page, String id) {
        Matcher select = Pattern.compile("<select[^>]* id=\"" + id + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("a select #" + id).isTrue();
        List<String> values = new ArrayList<>();
        Matcher option = Pattern.compile("<option[^>]* value=\"([^\"]*)\"").matcher(select.group(1));
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }

    @Test
    void shouldKeepTheCohortPagesFromOtherRoles() throws Exception {
        // the API gives cohort figures to analysts only; the pages follow it
        for (Role role : new Role[] {Role.CLINICIAN, Role.ADMIN, Role.OPS}) {
            mvc.perform(get("/cohorts").with(person(role)))
                    .andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
            mvc.perform(get("/cohorts/time-to-response").with(person(role))).andExpect(status().isForbidden());
            mvc.perform(get("/cohorts/report.csv").with(person(role))).andExpect(status().isForbidden());
        }
    }
}
