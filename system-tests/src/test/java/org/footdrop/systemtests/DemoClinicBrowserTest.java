package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.stack.ImportClient;
import org.footdrop.stack.demo.DemoClinic;
import org.footdrop.stack.demo.DemoClinicImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's path through the demo clinic, as {@code ./run-local.sh --demo} loads it, in a real browser: a
 * clinician finds the example patient and sees the recovery with the API's numbers; an analyst compares PRP
 * with Dextrose 5% by cause, table and CSV equal to the report endpoint, then the recovery curves with the
 * API's numbers at risk; an admin sees the demo clinic's import jobs with their own counts. axe-core on every
 * page. One running system and one import for the class; the screenshots under
 * system-tests/target/browser-screenshots are the ones docs/images shows.
 */
@Tag("system")
class DemoClinicBrowserTest extends BrowserFixture {

    /** Fixed, so the clinic, its days and the screenshots are the same each run. */
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static final String MEASURE = "gaitSpeedComfortable";

    static DemoClinicImport.Loaded demo;

    DemoClinicBrowserTest() {
        super("demo-");
    }

    @BeforeAll
    static void startSystemAndImportTheDemoClinic() throws Exception {
        Accessibility.requireAxe();
        startSystem(Map.of());
        demo = system.importDemoClinic(TODAY);
    }

    @Test
    void shouldShowAClinicianTheExamplePatientsRecoveryWithTheApisNumbers() throws Exception {
        // given a clinician signed in
        Browser.signIn(browser, system, "clinician");

        // when they find the example patient by id on the start page
        WebElement search = browser.findElement(By.id("patientId"));
        search.sendKeys(DemoClinic.EXAMPLE_PATIENT, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(search));
        Browser.waitFor(browser, By.id("patient-id"));

        // then the page holds what the outcomes API answers a clinician for that patient
        JsonNode api = read("outcomes", "/api/v1/patients/" + DemoClinic.EXAMPLE_PATIENT + "/outcomes", "clinician");
        assertThat(text("#patient-id")).isEqualTo(DemoClinic.EXAMPLE_PATIENT);
        assertThat(text("#day-zero")).isEqualTo(api.path("dayZero").asString());
        assertThat(text("#diagnosis-cause"))
                .isEqualTo(api.path("currentDiagnosis")
                        .path("diagnosis")
                        .path("causeCategory")
                        .asString());
        // (the demo's example: several injections, a real recovery)
        assertThat(api.path("injections").size()).isGreaterThan(1);
        assertThat(browser.findElements(By.cssSelector("#injections tbody tr")))
                .hasSize(api.path("injections").size());
        JsonNode gait = api.path("measures").path(MEASURE);
        WebElement measure = browser.findElement(By.id("measure-" + MEASURE));
        assertThat(measure.findElement(By.cssSelector(".baseline")).getText())
                .isEqualTo(gait.path("baseline").path("value").asString() + " (day "
                        + gait.path("baseline").path("day").asString() + ")");
        // and each analysis window's change and responder status
        int responderWindows = 0;
        for (WebElement window : measure.findElements(By.cssSelector("table.windows tr[data-window]"))) {
            JsonNode w = gait.path("windows").path(window.getAttribute("data-window"));
            assertThat(window.findElement(By.cssSelector(".change")).getText()).isEqualTo(shown(w.path("change")));
            if (w.path("responder").isBoolean()) {
                assertThat(window.findElement(By.cssSelector(".responder")).getText())
                        .isEqualTo(w.path("responder").asBoolean() ? "yes" : "no");
                responderWindows += w.path("responder").asBoolean() ? 1 : 0;
            }
        }
        assertThat(responderWindows)
                .as("windows where the example patient responded")
                .isPositive();
        assertThat(gait.path("timeToResponse").path("days").isNumber()).isTrue();
        assertThat(measure.findElement(By.cssSelector(".time-to-response")).getText())
                .contains(gait.path("timeToResponse").path("days").asString());
        // and the chart drawn with every value as a point
        WebElement chart = measure.findElement(By.cssSelector(".chart"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> chart.getAttribute("data-drawn-points") != null);
        assertThat(chart.getAttribute("data-drawn-points"))
                .isEqualTo(String.valueOf(gait.path("values").size()));
        assertThat(chartPoints(chart)).hasSize(gait.path("values").size());
        Accessibility.assertNoSeriousViolations(browser, "demo patient page");
        // (a tall window, so the screenshot shows the timeline and the first chart)
        Browser.viewport(browser, 1280, 1900, false);
        Browser.screenshot(browser, "demo-patient-page");
    }

    @Test
    void shouldCompareTheSolutionsByCauseAsTheReportEndpointAnswers() throws Exception {
        // given an analyst on the cohort page
        Browser.signIn(browser, system, "analyst");
        browser.get(system.webAppUrl() + "/cohorts");
        Browser.waitFor(browser, By.id("groupBy-0"));

        // when they group by cause and solution with the form, for gait speed
        WebElement shown = browser.findElement(By.cssSelector("main h1"));
        new Select(browser.findElement(By.id("groupBy-0"))).selectByValue("causeCategory");
        new Select(browser.findElement(By.id("groupBy-1"))).selectByValue("solutionGroup");
        new Select(browser.findElement(By.id("measure"))).selectByValue(MEASURE);
        browser.findElement(By.id("show")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(shown));
        Browser.waitFor(browser, By.cssSelector("table.cohort-table"));
        assertThat(browser.getCurrentUrl()).contains("groupBy=causeCategory", "groupBy=solutionGroup");

        // then every group's figures at every window are the report endpoint's for the same view
        JsonNode api = read("outcomes", "/api/v1/cohorts/report?groupBy=causeCategory,solutionGroup", "analyst");
        List<WebElement> bodies =
                browser.findElements(By.cssSelector("table.cohort-table[data-measure='" + MEASURE + "'] tbody"));
        assertThat(bodies).hasSize(api.path("groups").size());
        List<String> solutions = new ArrayList<>();
        int i = 0;
        for (JsonNode group : api.path("groups")) {
            WebElement body = bodies.get(i++);
            assertThat(body.getAttribute("data-group")).isEqualTo(label(group));
            assertThatGroupShowsTheApisFigures(body, group);
            solutions.add(group.path("group").path("solutionGroup").asString());
        }
        assertThat(solutions).contains("PRP", "DEXTROSE_5");
        assertThat(text("#untreated")).isEqualTo(api.path("untreated").path("n").asString());
        Accessibility.assertNoSeriousViolations(browser, "demo cohort page");
        Browser.viewport(browser, 1280, 2000, false);
        browser.executeScript("document.getElementById('caveat').scrollIntoView()");
        Browser.screenshot(browser, "demo-cohorts-page");

        // and the downloaded table's rows for the shown measure are the table's, group by group
        Browser.viewport(browser, 1280, 900, false);
        browser.findElement(By.id("download-csv")).click();
        Path csv = downloads.resolve("cohort-report.csv");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            if (!row.get("population").equals("GROUP")
                    || !row.get("measure").equals(MEASURE)
                    || row.get("window").equals("TIME_TO_RESPONSE")) {
                continue;
            }
            String group = row.get("causeCategory") + " · " + row.get("solutionGroup");
            WebElement tr = browser.findElement(By.cssSelector("table.cohort-table[data-measure='" + MEASURE
                    + "'] tbody[data-group='" + group + "'] tr[data-window='" + row.get("window") + "']"));
            assertThat(tr.findElement(By.cssSelector("td.n")).getText())
                    .as(group)
                    .isEqualTo(row.get("n"));
            assertThat(tr.findElement(By.cssSelector("td.m")).getText())
                    .as(group)
                    .isEqualTo(row.get("m"));
            assertSameNumber(attribute(tr, "td.mean", "data-value"), row.get("meanChange"));
            assertSameNumber(attribute(tr, "td.median", "data-value"), row.get("medianChange"));
            assertSameNumber(attribute(tr, "td.proportion", "data-value"), row.get("responderProportion"));
            checked++;
        }
        int windows = browser.findElements(
                        By.cssSelector("table.cohort-table[data-measure='" + MEASURE + "'] tbody tr[data-window]"))
                .size();
        assertThat(checked).isEqualTo(windows).isPositive();
    }

    @Test
    void shouldDrawTheRecoveryCurvesWithTheApisNumbersAtRisk() throws Exception {
        // given an analyst on the cohort page grouped by solution
        Browser.signIn(browser, system, "analyst");
        browser.get(system.webAppUrl() + "/cohorts?groupBy=solutionGroup&measure=" + MEASURE);
        Browser.waitFor(browser, By.id("curves-link"));

        // when they follow the link to the time to response of these patients
        browser.findElement(By.id("curves-link")).click();
        Browser.waitFor(browser, By.id("survival-chart"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("survival-chart")).getAttribute("data-drawn-curves") != null);

        // then there is one curve per reported group, with the API's numbers at risk step by step
        JsonNode api = read(
                "outcomes",
                "/api/v1/cohorts/time-to-response?measure=" + MEASURE + "&groupBy=solutionGroup",
                "analyst");
        List<String> curves = curveNames();
        List<String> reported = new ArrayList<>();
        for (JsonNode group : api.path("groups")) {
            if (group.path("suppressed").asBoolean()) {
                continue;
            }
            String label = group.path("group").path("solutionGroup").asString();
            reported.add(label);
            WebElement steps = browser.findElement(By.cssSelector("table.curve-steps[data-group='" + label + "']"));
            List<String> pageAtRisk = steps.findElements(By.cssSelector("tbody tr")).stream()
                    .map(row -> row.getAttribute("data-day") + ":"
                            + row.findElements(By.tagName("td")).get(0).getAttribute("textContent"))
                    .toList();
            List<String> apiAtRisk = new ArrayList<>();
            group.path("steps")
                    .forEach(s -> apiAtRisk.add(
                            s.path("day").asString() + ":" + s.path("atRisk").asString()));
            assertThat(pageAtRisk).as(label).isEqualTo(apiAtRisk).isNotEmpty();
            // and under the axis, at day 0, everyone included
            assertThat(browser.findElement(By.cssSelector("#at-risk tr[data-group='" + label + "'] td"))
                            .getText())
                    .isEqualTo(group.path("nIncluded").asString());
        }
        assertThat(reported).contains("PRP", "DEXTROSE_5");
        assertThat(curves).containsExactlyInAnyOrderElementsOf(reported);
        Accessibility.assertNoSeriousViolations(browser, "demo time-to-response page");
        Browser.viewport(browser, 1280, 1300, false);
        browser.executeScript("document.getElementById('caveat').scrollIntoView()");
        Browser.screenshot(browser, "demo-time-to-response-page");
    }

    @Test
    void shouldListTheDemoClinicsImportJobsWithTheirOwnCounts() throws Exception {
        // given an admin signed in
        Browser.signIn(browser, system, "admin");

        // when they open the admin page
        browser.get(system.webAppUrl() + "/admin");
        Browser.waitFor(browser, By.id("import-table"));

        // then each service's demo clinic job is listed with the counts the job itself reports
        Map<String, ImportClient.Job> jobs = demo.result().jobs();
        assertThat(jobs).containsOnlyKeys("intake-service", "treatment-service");
        for (Map.Entry<String, ImportClient.Job> each : jobs.entrySet()) {
            JsonNode job = read(
                    each.getKey().replace("-service", ""),
                    each.getValue().location().getPath(),
                    "clinical-writer");
            WebElement row = browser.findElement(By.cssSelector(
                    "#import-table tr[data-job='" + job.path("jobId").asString() + "']"));
            assertThat(row.findElement(By.cssSelector(".status")).getText())
                    .startsWith(job.path("status").asString());
            for (String count : List.of("processed", "accepted", "refused")) {
                String css = count.equals("refused") ? ".refused span" : "." + count;
                assertThat(row.findElement(By.cssSelector(css)).getText())
                        .as(each.getKey() + " " + count)
                        .isEqualTo(job.path(count).asString());
            }
            assertThat(row.findElement(By.cssSelector(".to-import")).getText())
                    .isEqualTo(job.path("linesToImport").asString());
            assertThat(row.findElement(By.cssSelector(".already-present")).getText())
                    .isEqualTo(job.path("alreadyPresent").asString());
        }
        Accessibility.assertNoSeriousViolations(browser, "demo admin page");
    }

    private void assertThatGroupShowsTheApisFigures(WebElement body, JsonNode group) {
        if (group.path("suppressed").asBoolean()) {
            assertThat(body.getAttribute("data-suppressed")).isEqualTo("true");
            assertThat(body.findElements(By.cssSelector("td.m"))).isEmpty();
            return;
        }
        JsonNode windows = group.path("measures").path(MEASURE).path("windows");
        List<WebElement> rows = body.findElements(By.cssSelector("tr[data-window]"));
        assertThat(rows).hasSize(windows.size());
        for (WebElement row : rows) {
            JsonNode w = windows.path(row.getAttribute("data-window"));
            assertThat(row.findElement(By.cssSelector("td.n")).getText())
                    .isEqualTo(group.path("n").asString());
            assertThat(row.findElement(By.cssSelector("td.m")).getText())
                    .isEqualTo(w.path("m").asString());
            for (String[] figure : new String[][] {
                {"td.mean", "meanChange"}, {"td.median", "medianChange"}, {"td.proportion", "proportion"}
            }) {
                JsonNode estimate =
                        figure[1].equals("proportion") ? w.path("responders").path("proportion") : w.path(figure[1]);
                for (String part : List.of("value", "lower", "upper")) {
                    assertSameNumber(
                            attribute(row, figure[0], "data-" + part),
                            estimate.has(part) ? estimate.path(part).asString() : "");
                }
            }
            assertThat(row.findElement(By.cssSelector("td.responders")).getText())
                    .isEqualTo(
                            w.path("responders").has("count")
                                    ? w.path("responders").path("count").asString()
                                    : "–");
        }
    }

    /** As the patient page writes a figure: the API's text, or "-" where it gives none. */
    private static String shown(JsonNode figure) {
        return figure.isMissingNode() || figure.isNull() ? "-" : figure.asString();
    }

    private static String attribute(WebElement row, String cell, String name) {
        return row.findElement(By.cssSelector(cell)).getAttribute(name);
    }

    private static String label(JsonNode group) {
        return group.path("group").path("causeCategory").asString() + " · "
                + group.path("group").path("solutionGroup").asString();
    }

    @SuppressWarnings("unchecked")
    private List<Object> chartPoints(WebElement chart) {
        return (List<Object>) browser.executeScript(
                "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data;", chart);
    }

    /** The names of the Kaplan-Meier chart's curves, as ECharts holds them. */
    @SuppressWarnings("unchecked")
    private List<String> curveNames() {
        return (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('survival-chart')).getOption().series"
                        + ".filter(function (s) { return String(s.id).indexOf('curve:') === 0; })"
                        + ".map(function (s) { return s.name; });");
    }
}
