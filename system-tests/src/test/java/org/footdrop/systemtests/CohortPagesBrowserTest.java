package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.ImportClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The analysts' pages in a real browser against the whole running system, with a varied clinic
 * imported in bulk: the cohort table holds the report endpoint's numbers (read here over HTTP with an
 * analyst's token), the Kaplan-Meier chart has the API's curves step for step, a suppressed group reads
 * as suppressed, the CSV and image downloads work, and the pages pass axe-core, the keyboard, a phone's
 * width and print. One running system for the class; screenshots under system-tests/target/browser-screenshots.
 */
@Tag("system")
class CohortPagesBrowserTest extends BrowserFixture {

    static final String PREFIX = "pt-cohort-";

    CohortPagesBrowserTest() {
        super("cohorts-");
    }

    @BeforeAll
    static void startSystemAndImportAClinic() throws Exception {
        startSystem(Map.of("FOOTDROP_IMPORT_DIRECTORY", data.resolve("imports").toString()));
        Path file = data.resolve("varied-cohort.ndjson");
        int responders = VariedCohort.write(file, PREFIX);
        for (String service : List.of("intake", "treatment")) {
            ImportClient client = new ImportClient(
                    URI.create("http://localhost:" + system.port(service)), () -> system.token("clinical-writer"));
            ImportClient.Job job = client.await(
                    client.start(file, "urn:test:cohort", bytes -> {}).location(), Duration.ofMillis(500), j -> {});
            assertThat(job.status()).isEqualTo("COMPLETED");
            assertThat(job.number("refused"))
                    .as(client.refusals(job.location()))
                    .isZero();
        }
        // every patient, injection and assessment in the cohort table: all treated, all responses seen
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode report = api("/api/v1/cohorts/report");
                    if (report == null) {
                        return false;
                    }
                    JsonNode all = report.path("groups").path(0);
                    JsonNode gait = all.path("measures").path("gaitSpeedComfortable");
                    return all.path("n").asInt() == VariedCohort.TREATED
                            && report.path("untreated").path("n").asInt() == VariedCohort.UNTREATED
                            && gait.path("timeToResponse").path("events").asInt() == responders
                            && gait.path("windows").path("WEEK_2").path("m").asInt() == VariedCohort.TREATED
                            && report.path("groups").size() == 1
                            && api("/api/v1/cohorts/report?groupBy=solutionGroup")
                                            .path("groups")
                                            .size()
                                    == 3;
                });
    }

    @BeforeEach
    void signInAsAnAnalyst() {
        Browser.signIn(browser, system, "analyst");
        assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl());
    }

    @Test
    void shouldShowTheReportEndpointsNumbersForTwoFilterAndGroupingCombinations() throws Exception {
        // (the page's address repeats groupBy, one per select; the API takes them comma-separated)
        List<Map.Entry<String, String>> pageToApi = List.of(
                Map.entry("groupBy=solutionGroup", "groupBy=solutionGroup"),
                Map.entry(
                        "solutionGroup=PRP&groupBy=causeCategory&groupBy=adherence",
                        "solutionGroup=PRP&groupBy=causeCategory,adherence"));
        for (Map.Entry<String, String> view : pageToApi) {
            // given the report endpoint's answer for the filters and grouping
            JsonNode api = api("/api/v1/cohorts/report?" + view.getValue());
            assertThat(api).isNotNull();

            // when the analyst opens the cohort page with the same view in its address
            browser.get(system.webAppUrl() + "/cohorts?measure=gaitSpeedComfortable&" + view.getKey());
            waitFor(By.cssSelector("table.cohort-table"));

            // then every group's figures at every window are the API's, suppressed groups read as suppressed
            List<WebElement> bodies = browser.findElements(By.cssSelector("table.cohort-table tbody"));
            assertThat(bodies).hasSize(api.path("groups").size());
            int i = 0;
            for (JsonNode group : api.path("groups")) {
                WebElement body = bodies.get(i++);
                assertThat(body.getAttribute("data-group")).isEqualTo(label(group, api));
                // (each row names its group in its header cells)
                assertThat(String.join(
                                " · ",
                                body
                                        .findElement(By.tagName("tr"))
                                        .findElements(By.cssSelector("th[scope=row]"))
                                        .stream()
                                        .map(WebElement::getText)
                                        .toList()))
                        .isEqualTo(label(group, api));
                assertThatGroupShowsTheApisFigures(body, group);
            }
            assertThat(browser.findElement(By.id("untreated")).getText())
                    .isEqualTo(api.path("untreated").path("n").asString());
            if (api.has("singleInjection")) {
                assertThat(browser.findElement(By.id("single-injection")).getText())
                        .isEqualTo(
                                api.path("singleInjection").path("suppressed").asBoolean()
                                        ? "suppressed (fewer than 5)"
                                        : api.path("singleInjection").path("n").asString());
            }
            assertThat(text("#caveat"))
                    .isEqualTo(api.path("definitions").path("caveat").asString());
        }
        // (for the docs: PRP and Dextrose 5% compared by cause)
        browser.get(system.webAppUrl()
                + "/cohorts?groupBy=causeCategory&groupBy=solutionGroup&measure=gaitSpeedComfortable");
        waitFor(By.cssSelector("table.cohort-table"));
        Browser.viewport(browser, 1280, 2000, false);
        browser.executeScript("document.getElementById('caveat').scrollIntoView()");
        Files.copy(
                Browser.screenshot(browser, "cohorts-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/cohorts-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldOfferEveryFilterValueAndGroupingTheReportTakesAndNoOther() throws Exception {
        // given the report's and the curves' parameters as the running outcomes-service documents them
        JsonNode paths = api("/v3/api-docs").path("paths");
        Map<String, List<String>> documented = new LinkedHashMap<>();
        List<String> dates = new ArrayList<>();
        for (JsonNode parameter :
                paths.path("/api/v1/cohorts/report").path("get").path("parameters")) {
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            if (name.equals("groupBy")) {
                documented.put(name, strings(schema.path("items").path("enum")));
            } else if (schema.path("format").asString("").equals("date")) {
                dates.add(name);
            } else if (!name.equals("format")) {
                documented.put(name, strings(schema.path("enum")));
            }
        }
        List<String> measures = List.of();
        for (JsonNode parameter :
                paths.path("/api/v1/cohorts/time-to-response").path("get").path("parameters")) {
            if (parameter.path("name").asString().equals("measure")) {
                measures = strings(parameter.path("schema").path("enum"));
            }
        }

        // when the analyst opens the cohort page
        browser.get(system.webAppUrl() + "/cohorts?measure=gaitSpeedComfortable");
        waitFor(By.cssSelector("form.cohort-filters"));
        @SuppressWarnings("unchecked")
        List<List<Object>> selects = (List<List<Object>>) browser.executeScript(
                "return Array.prototype.map.call(document.querySelectorAll('form.cohort-filters select'),"
                        + " function (s) { return [s.name, Array.prototype.map.call(s.options,"
                        + "   function (o) { return o.value; }).filter(function (v) { return v !== ''; })]; });");
        Map<String, List<String>> offered = new LinkedHashMap<>();
        for (List<Object> select : selects) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) select.get(1);
            List<String> before = offered.put((String) select.get(0), values);
            // (both group-by selects offer the same dimensions)
            assertThat(before == null || before.equals(values)).isTrue();
        }
        List<String> offeredMeasures = offered.remove("measure");

        // then the form offers every filter, value and grouping the report documents, and nothing else
        assertThat(offered).isEqualTo(documented);
        assertThat(browser.findElements(By.cssSelector("form.cohort-filters input[type=date]")).stream()
                        .map(input -> input.getAttribute("name"))
                        .toList())
                .isEqualTo(dates);
        assertThat(offeredMeasures).isEqualTo(measures);
        // and the report endpoint accepts every value offered, and the curves every measure
        for (Map.Entry<String, List<String>> select : offered.entrySet()) {
            for (String value : select.getValue()) {
                assertThat(statusOf("/api/v1/cohorts/report?" + select.getKey() + "=" + value))
                        .as(select.getKey() + "=" + value)
                        .isEqualTo(200);
            }
        }
        for (String measure : offeredMeasures) {
            assertThat(statusOf("/api/v1/cohorts/time-to-response?measure=" + measure))
                    .as("measure=" + measure)
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldShowASuppressedGroupAsSuppressedNeverAsZero() {
        // given three patients on both solutions, fewer than the minimum group size
        JsonNode api = api("/api/v1/cohorts/report?groupBy=solutionGroup");
        List<String> groups = new ArrayList<>();
        api.path("groups")
                .forEach(g -> groups.add(g.path("group").path("solutionGroup").asString() + "="
                        + g.path("suppressed").asBoolean()));
        assertThat(groups).containsExactly("DEXTROSE_5=false", "MIXED=true", "PRP=false");

        // when the analyst groups by solution
        browser.get(system.webAppUrl() + "/cohorts?groupBy=solutionGroup&measure=gaitSpeedComfortable");
        waitFor(By.cssSelector("table.cohort-table"));

        // then the MIXED group says it is suppressed, with no count and no figure, in the table and the charts
        WebElement mixed = browser.findElement(By.cssSelector("table.cohort-table tbody[data-group='MIXED']"));
        assertThat(mixed.getAttribute("data-suppressed")).isEqualTo("true");
        assertThat(mixed.getText()).contains("Suppressed").doesNotContainPattern("\\b0\\b");
        assertThat(mixed.findElements(By.cssSelector("td.m, td.mean, td.median, td.proportion")))
                .isEmpty();
        assertThat(chartSeriesNames("chart-gaitSpeedComfortable-mean"))
                .containsExactly("DEXTROSE_5", "PRP")
                .doesNotContain("MIXED");
        // and so does the time-to-response page
        browser.get(system.webAppUrl() + "/cohorts/time-to-response?groupBy=solutionGroup");
        waitFor(By.id("medians"));
        assertThat(text("#medians tr[data-group='MIXED']")).contains("Suppressed");
    }

    @Test
    void shouldDrawOneKaplanMeierCurvePerGroupWithTheApisSteps() throws Exception {
        // given the API's curves of gait speed by solution
        JsonNode api = api("/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=solutionGroup");

        // when the analyst opens the time-to-response page for the same view
        browser.get(
                system.webAppUrl() + "/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=solutionGroup");
        waitFor(By.id("survival-chart"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("survival-chart")).getAttribute("data-drawn-curves") != null);

        // then the chart has one curve per reported group, from S = 1 at day 0 through every step of the API's
        Map<String, List<List<Double>>> curves = seriesData("survival-chart", "curve:");
        Map<String, List<List<Double>>> censored = seriesData("survival-chart", "censored:");
        List<String> reported = new ArrayList<>();
        for (JsonNode group : api.path("groups")) {
            String label = label(group, api);
            WebElement median = browser.findElement(By.cssSelector("#medians tr[data-group='" + label + "']"));
            if (group.path("suppressed").asBoolean()) {
                assertThat(curves).doesNotContainKey(label);
                continue;
            }
            reported.add(label);
            List<List<Double>> curve = curves.get(label);
            JsonNode steps = group.path("steps");
            assertThat(steps.size()).isGreaterThan(1);
            assertThat(curve).hasSize(steps.size() + 1);
            assertThat(curve.get(0)).containsExactly(0.0, 1.0);
            int censoredSteps = 0;
            for (int s = 0; s < steps.size(); s++) {
                JsonNode step = steps.get(s);
                assertThat(curve.get(s + 1))
                        .containsExactly(
                                step.path("day").asDouble(),
                                step.path("survival").asDouble());
                censoredSteps += step.path("censored").asInt() > 0 ? 1 : 0;
            }
            // and a censoring tick on each day the API censored someone
            assertThat(censored.get(label)).hasSize(censoredSteps);
            // and the median with its interval, as the API gives it
            assertThat(median.getText()).contains(group.path("medianDays").asString() + " days");
            // and the number at risk at day 0 is everyone included
            assertThat(browser.findElement(By.cssSelector("#at-risk tr[data-group='" + label + "'] td"))
                            .getText())
                    .isEqualTo(group.path("nIncluded").asString());
        }
        assertThat(curves.keySet()).containsExactlyInAnyOrderElementsOf(reported);
        Browser.viewport(browser, 1280, 1300, false);
        browser.executeScript("document.getElementById('caveat').scrollIntoView()");
        Files.copy(
                Browser.screenshot(browser, "time-to-response-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/time-to-response-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldDrawTheConfidenceBandAtTheApisLimits() {
        // given the API's curves of gait speed by cause, each step with its pointwise 95% limits
        JsonNode api = api("/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=causeCategory");

        // when the analyst opens the time-to-response page for the same view
        browser.get(
                system.webAppUrl() + "/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=causeCategory");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("survival-chart")).getAttribute("data-drawn-curves") != null);

        // then each group's band holds, from each step to the next, the API's lower and upper limits
        Map<String, List<List<Double>>> bands = bandSegments("survival-chart");
        Map<String, List<List<Double>>> drawn = drawnBandSegments("survival-chart");
        int checked = 0;
        for (JsonNode group : api.path("groups")) {
            if (group.path("suppressed").asBoolean()) {
                continue;
            }
            String label = label(group, api);
            List<List<Double>> expected = new ArrayList<>();
            JsonNode steps = group.path("steps");
            for (int s = 0; s < steps.size(); s++) {
                JsonNode step = steps.get(s);
                if (step.path("lower").isNumber() && step.path("upper").isNumber()) {
                    double end = steps.path(s + 1)
                            .path("day")
                            .asDouble(step.path("day").asDouble());
                    expected.add(List.of(
                            step.path("day").asDouble(),
                            end,
                            step.path("lower").asDouble(),
                            step.path("upper").asDouble()));
                }
            }
            assertThat(expected).as(label + ": steps with limits").isNotEmpty();
            assertThat(bands.get(label)).as(label + " in the chart's option").isEqualTo(expected);
            // and the rectangles drawn on the chart, read back from pixels into days and survival, are the same
            List<List<Double>> rectangles = drawn.get(label);
            assertThat(rectangles).as(label + " drawn").hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(rectangles.get(i).get(c))
                            .as(label + " segment " + i + " coordinate " + c)
                            .isCloseTo(expected.get(i).get(c), org.assertj.core.data.Offset.offset(1e-6));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void shouldDownloadTheTableAsCsvAndAChartAsAnImage() throws Exception {
        // given the analyst on the cohort page grouped by solution
        browser.get(system.webAppUrl() + "/cohorts?groupBy=solutionGroup&measure=gaitSpeedComfortable");
        waitFor(By.cssSelector("table.cohort-table"));

        // when they download the table
        browser.findElement(By.id("download-csv")).click();
        Path csv = downloaded("cohort-report.csv");

        // then each group's row of the CSV holds the figures the table shows, at full precision
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Arrays.asList(line.split(",", -1));
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            boolean suppressedGroup = row.get("suppressed").equals("true");
            if (!row.get("population").equals("GROUP")
                    || !(suppressedGroup || row.get("measure").equals("gaitSpeedComfortable"))) {
                continue;
            }
            String selector = "table.cohort-table tbody[data-group='" + row.get("solutionGroup") + "']";
            WebElement body = browser.findElement(By.cssSelector(selector));
            if (suppressedGroup) {
                assertThat(body.getAttribute("data-suppressed")).isEqualTo("true");
                assertThat(row.get("n")).isEmpty();
                checked++;
                continue;
            }
            if (row.get("window").equals("TIME_TO_RESPONSE")) {
                continue;
            }
            WebElement tr = body.findElement(By.cssSelector("tr[data-window='" + row.get("window") + "']"));
            assertThat(tr.findElement(By.cssSelector("td.n")).getText()).isEqualTo(row.get("n"));
            assertThat(tr.findElement(By.cssSelector("td.m")).getText()).isEqualTo(row.get("m"));
            assertSameNumber(tr, "td.mean", "data-value", row.get("meanChange"));
            assertSameNumber(tr, "td.mean", "data-lower", row.get("meanChangeLower"));
            assertSameNumber(tr, "td.median", "data-value", row.get("medianChange"));
            assertSameNumber(tr, "td.proportion", "data-value", row.get("responderProportion"));
            assertSameNumber(tr, "td.proportion", "data-upper", row.get("responderProportionUpper"));
            assertThat(tr.findElement(By.cssSelector("td.responders")).getText())
                    .isEqualTo(row.get("responders").isEmpty() ? "–" : row.get("responders"));
            checked++;
        }
        assertThat(checked).isEqualTo(2 * 5 + 1);

        // and when they download the mean change chart, a PNG image arrives
        browser.findElement(By.cssSelector("button[data-chart='chart-gaitSpeedComfortable-mean']"))
                .click();
        Path image = downloaded("cohort-gaitSpeedComfortable-mean.png");
        byte[] png = Files.readAllBytes(image);
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(png.length).isGreaterThan(5_000);
    }

    @Test
    void shouldPassAxeAndWorkWithTheKeyboardOnAPhoneAndInPrint() throws Exception {
        Accessibility.requireAxe();
        // given the analyst's pages with a view in their address
        for (String page : List.of(
                "/cohorts?groupBy=solutionGroup&measure=gaitSpeedComfortable",
                "/cohorts/time-to-response?groupBy=causeCategory",
                "/cohorts?causeCategory=SOMEWHERE")) {
            browser.get(system.webAppUrl() + page);
            waitFor(By.cssSelector("main h1"));
            // then axe-core finds no serious or critical violation
            Accessibility.assertNoSeriousViolations(browser, "page " + page);
        }
        // and a filter the API refuses is named with its reason, beside the field
        assertThat(text("#filter-problem")).contains("causeCategory");
        assertThat(browser.findElement(By.id("filter-causeCategory")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        Browser.screenshot(browser, "cohorts-refused-filter");

        // when the analyst chooses a view with the keyboard alone
        browser.get(system.webAppUrl() + "/cohorts?measure=gaitSpeedComfortable");
        waitFor(By.cssSelector("table.cohort-table"));
        WebElement shown = browser.findElement(By.cssSelector("table.cohort-table"));
        browser.findElement(By.id("groupBy-0")).sendKeys("solutionGroup");
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 60 && !reached.contains("show"); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached.add(String.valueOf(browser.executeScript("return document.activeElement.id")));
        }
        assertThat(reached).contains("show");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(shown));
        waitFor(By.cssSelector("table.cohort-table"));
        // then the view is in the address, to bookmark
        assertThat(browser.getCurrentUrl()).contains("groupBy=solutionGroup");
        // and the download, the tables and the image buttons are reached by Tab
        reached.clear();
        for (int i = 0; i < 60; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            reached.add(String.valueOf(browser.executeScript("var e = document.activeElement;"
                    + " return (e.id || '') + '|' + (e.getAttribute('aria-label') || '') + '|' + e.className;")));
        }
        assertThat(reached).anyMatch(r -> r.startsWith("download-csv|"));
        assertThat(reached).anyMatch(r -> r.contains("|gaitSpeedComfortable by group and window|"));
        assertThat(reached).anyMatch(r -> r.endsWith("|download-image no-print"));

        // and on a phone the page is no wider than the screen
        Browser.phoneWidth(browser);
        browser.navigate().refresh();
        waitFor(By.cssSelector("table.cohort-table"));
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(page.intValue()).isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "cohorts-phone");

        // and printed, the form and buttons go, the view, the tables, charts and caveat stay
        Browser.viewport(browser, 1280, 900, false);
        Browser.printMedia(browser);
        assertThat(browser.findElement(By.cssSelector("form.cohort-filters")).isDisplayed())
                .isFalse();
        assertThat(browser.findElement(By.id("download-csv")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("view-summary")).getText()).contains("solutionGroup");
        assertThat(browser.findElement(By.cssSelector("table.cohort-table")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.id("chart-gaitSpeedComfortable-median"))
                        .isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.id("caveat")).isDisplayed()).isTrue();
    }

    private void assertThatGroupShowsTheApisFigures(WebElement body, JsonNode group) {
        if (group.path("suppressed").asBoolean()) {
            assertThat(body.getAttribute("data-suppressed")).isEqualTo("true");
            assertThat(body.getText()).contains("Suppressed");
            assertThat(body.findElements(By.cssSelector("td.m"))).isEmpty();
            return;
        }
        JsonNode windows = group.path("measures").path("gaitSpeedComfortable").path("windows");
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
                WebElement cell = row.findElement(By.cssSelector(figure[0]));
                for (String part : List.of("value", "lower", "upper")) {
                    assertSameNumber(
                            cell.getAttribute("data-" + part),
                            estimate.has(part) ? estimate.path(part).asString() : "");
                }
            }
            assertThat(row.findElement(By.cssSelector("td.responders")).getText())
                    .isEqualTo(w.path("responders").path("count").asString());
        }
    }

    private static void assertSameNumber(WebElement row, String cell, String attribute, String expected) {
        assertSameNumber(row.findElement(By.cssSelector(cell)).getAttribute(attribute), expected);
    }

    private static String label(JsonNode group, JsonNode answer) {
        List<String> labels = new ArrayList<>();
        for (JsonNode dimension : answer.path("groupBy")) {
            labels.add(group.path("group").path(dimension.asString()).asString());
        }
        return labels.isEmpty() ? "All treated patients" : String.join(" · ", labels);
    }

    /** The chart's series whose id starts with the prefix, by name, with their data as the chart holds it. */
    @SuppressWarnings("unchecked")
    private Map<String, List<List<Double>>> seriesData(String chart, String prefix) {
        Object read = browser.executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0])); var prefix = arguments[1];"
                        + " var out = {}; c.getOption().series.forEach(function (s) {"
                        + "   if (String(s.id).indexOf(prefix) === 0) {"
                        + "     out[s.name] = s.data.map(function (d) { return [Number(d[0]), Number(d[1])]; }); } });"
                        + " return out;",
                chart,
                prefix);
        Map<String, List<List<Double>>> series = new HashMap<>();
        ((Map<String, List<List<Number>>>) read)
                .forEach((name, points) -> series.put(
                        name,
                        points.stream()
                                .map(p -> p.stream().map(Number::doubleValue).toList())
                                .toList()));
        return series;
    }

    /** Each band series' data by group: [from day, to day, lower, upper] per segment, as the option holds it. */
    private Map<String, List<List<Double>>> bandSegments(String chart) {
        return numbersByName(browser.executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0])); var out = {};"
                        + " c.getOption().series.forEach(function (s) {"
                        + "   if (String(s.id).indexOf('band:') === 0) { out[s.name] = s.data; } });"
                        + " return out;",
                chart));
    }

    /**
     * Each band series' drawn rectangles by group, read back from pixels through the series' axes: [from day,
     * to day, lower, upper] per segment, as the chart painted them.
     */
    private Map<String, List<List<Double>>> drawnBandSegments(String chart) {
        return numbersByName(browser.executeScript(
                "var c = echarts.getInstanceByDom(document.getElementById(arguments[0])); var out = {};"
                        + " c.getModel().eachSeries(function (s) {"
                        + "   if (String(s.id).indexOf('band:') !== 0) { return; }"
                        + "   var data = s.getData(); var rects = [];"
                        + "   for (var i = 0; i < data.count(); i++) {"
                        + "     var r = data.getItemGraphicEl(i).shape;"
                        + "     var topLeft = c.convertFromPixel({ seriesId: s.id }, [r.x, r.y]);"
                        + "     var bottomRight = c.convertFromPixel({ seriesId: s.id }, [r.x + r.width, r.y + r.height]);"
                        + "     rects.push([topLeft[0], bottomRight[0], bottomRight[1], topLeft[1]]); }"
                        + "   out[s.name] = rects; });"
                        + " return out;",
                chart));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<List<Double>>> numbersByName(Object read) {
        Map<String, List<List<Double>>> byName = new HashMap<>();
        ((Map<String, List<List<Number>>>) read)
                .forEach((name, rows) -> byName.put(
                        name,
                        rows.stream()
                                .map(row ->
                                        row.stream().map(Number::doubleValue).toList())
                                .toList()));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private List<String> chartSeriesNames(String chart) {
        return (List<String>) browser.executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                        + ".getOption().series.map(function (s) { return s.name; });",
                chart);
    }

    private Path downloaded(String name) {
        Path file = downloads.resolve(name);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
        return file;
    }

    private static int statusOf(String path) throws Exception {
        return system.send("GET", "outcomes", path, null, "analyst").statusCode();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** outcomes-service's answer to an analyst, read over HTTP as any client would; null if not (yet) 200. */
    static JsonNode api(String path) {
        try {
            HttpResponse<String> response = system.send("GET", "outcomes", path, null, "analyst");
            return response.statusCode() == 200 ? EventJson.mapper().readTree(response.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
