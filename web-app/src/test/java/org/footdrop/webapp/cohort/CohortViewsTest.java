package org.footdrop.webapp.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.footdrop.contract.intake.Measure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CohortViewsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldKeepTheApisNumbersAndRoundThemOnlyForReading() {
        // given the report's example answer: DEXTROSE_5 reported, PRP suppressed
        JsonNode answer = JSON.readTree(getClass().getResourceAsStream("/cohort-report-example.json"));

        // when the page's view is made for gait speed
        CohortReportView view = CohortReportView.of(answer, Measure.GAIT_SPEED_COMFORTABLE);

        // then the reported group's WEEK_2 cell holds the API's numbers as written, rounded only in its text
        CohortReportView.MeasureTable gait = view.measures().get(0);
        assertThat(view.measures()).hasSize(1);
        CohortReportView.WindowRow week2 = gait.groups().get(0).windows().get(0);
        assertThat(week2.window()).isEqualTo("WEEK_2");
        assertThat(week2.responderProportion().lower()).isEqualTo("0.20654931437723742");
        assertThat(week2.responderProportion().shown()).isEqualTo("100.0% (20.7 to 100.0)");
        assertThat(week2.meanChange().shown()).isEqualTo("0.200");
        // and a window without values has no figure, not a zero
        CohortReportView.WindowRow week12 = gait.groups().get(0).windows().get(2);
        assertThat(week12.m()).isEqualTo("0");
        assertThat(week12.meanChange()).isNull();
        assertThat(week12.responderProportion()).isNull();
        // and the suppressed group is only its label, with no n and no rows
        CohortReportView.GroupRows prp = gait.groups().get(1);
        assertThat(prp.group().suppressed()).isTrue();
        assertThat(prp.group().n()).isNull();
        assertThat(prp.group().label()).isEqualTo("PRP");
        assertThat(prp.windows()).isEmpty();
        // and the untreated are counted beside the groups, with the caveat and definitions stated
        assertThat(view.untreated()).isEqualTo(new Figures.Count("5", false));
        assertThat(view.definitions().caveat()).startsWith("Observational and unadjusted");
        assertThat(view.definitions().windows()).hasSize(5);
    }

    @Test
    void shouldShowMrcGradesWithoutAMean() {
        JsonNode answer = JSON.readTree(getClass().getResourceAsStream("/cohort-report-example.json"));

        CohortReportView view = CohortReportView.of(answer, null);

        assertThat(view.measures()).hasSize(Measure.values().length);
        CohortReportView.MeasureTable mrc = view.measures().get(0);
        assertThat(mrc.measure()).isEqualTo("mrcAnkleDorsiflexion");
        assertThat(mrc.ordinal()).isTrue();
        assertThat(mrc.groups().get(0).windows())
                .allSatisfy(w -> assertThat(w.meanChange()).isNull());
    }

    @Test
    void shouldReadTheNumberAtRiskOffTheApisSteps() {
        // given a curve whose steps are on days 14 (10 at risk), 42 (7) and 84 (3)
        JsonNode answer = JSON.readTree(getClass().getResourceAsStream("/time-to-response-example.json"));

        // when the page's view is made
        SurvivalView view = SurvivalView.of(answer);

        // then the axis runs by 14 days to the first tick at or after the last step
        assertThat(view.tickInterval()).isEqualTo(14);
        assertThat(view.ticks()).containsExactly(0, 14, 28, 42, 56, 70, 84);
        // and the number at risk at each tick is the atRisk of the first step on or after it
        SurvivalView.Curve curve = view.curves().get(0);
        assertThat(curve.atRiskAtTicks()).containsExactly("10", "10", "7", "7", "3", "3", "3");
        assertThat(curve.steps()).hasSize(3);
        assertThat(curve.steps().get(1).survival()).isEqualTo("0.39999999999999997");
        assertThat(curve.steps().get(1).shownSurvival()).isEqualTo("0.400");
        assertThat(curve.median()).isEqualTo("42 days (14 to not reached)");
    }

    @Test
    void shouldCountNoOneAtRiskAfterTheLastStep() {
        List<SurvivalView.Step> steps = List.of(
                new SurvivalView.Step("5", "8", "1", "0", "0.875", null, null, null),
                new SurvivalView.Step("30", "2", "0", "2", "0.5", null, null, null));

        assertThat(SurvivalView.atRisk(steps, List.of(0, 28, 56))).containsExactly("8", "2", "0");
        assertThat(SurvivalView.tickInterval(60)).isEqualTo(14);
        assertThat(SurvivalView.tickInterval(400)).isEqualTo(56);
    }

    @Test
    void shouldCarryTheFiltersInTheAddressAndGroupByCommaSeparatedToTheApi() {
        var query = new org.springframework.util.LinkedMultiValueMap<String, String>();
        query.add("causeCategory", "CENTRAL");
        query.add("side", "");
        query.add("groupBy", "solutionGroup");
        query.add("groupBy", "");
        query.add("groupBy", "causeCategory");
        query.add("unknown", "x");

        CohortParameters parameters = CohortParameters.from(query);

        assertThat(parameters.forApi())
                .containsExactly(
                        java.util.Map.entry("causeCategory", "CENTRAL"),
                        java.util.Map.entry("groupBy", "solutionGroup,causeCategory"));
        assertThat(parameters.link("/cohorts/report.csv", java.util.Map.of()))
                .isEqualTo("/cohorts/report.csv?causeCategory=CENTRAL&groupBy=solutionGroup&groupBy=causeCategory");
    }
}
