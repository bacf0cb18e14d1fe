package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.BeforeAll;
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
 * People in a real browser (Debian's Chromium, headless) against the whole running system and the web
 * app: signing in through the authorization server's form, the clinician's patient page against the
 * API's numbers, roles, sign-out, the keyboard, a phone's width and print. Each test leaves a
 * screenshot under system-tests/target/browser-screenshots.
 */
@Tag("system")
class WebAppBrowserTest extends BrowserFixture {

    static String patientId;

    /** How long the authorization server's access tokens last here. */
    private static final Duration ACCESS_TOKEN_TTL = Duration.ofSeconds(70);

    /** When the web app refreshes a token of {@link #ACCESS_TOKEN_TTL}: a minute before it expires, and a margin. */
    private static final Duration ACCESS_TOKEN_REFRESHED =
            ACCESS_TOKEN_TTL.minusSeconds(60).plusSeconds(3);

    WebAppBrowserTest() {
        super("");
    }

    @BeforeAll
    static void startSystemAndRecordAPatient() throws Exception {
        Accessibility.requireAxe();
        // access tokens short-lived, so that the web app refreshes a person's within a test (it refreshes
        // one that expires within a minute): ACCESS_TOKEN_REFRESHED after signing in
        startSystem(Map.of(), Map.of("FOOTDROP_AUTH_TOKEN_TTL", ACCESS_TOKEN_TTL.toSeconds() + "s"));
        // given a patient recorded through the API as a clinical system would
        patientId = "pt-web-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.post("intake", "/api/v1/diagnoses", """
                        {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","symptomOnsetDate":"2025-11-20",
                         "causeCategory":"FIBULAR_NERVE_AT_KNEE"}
                        """.formatted(patientId))
                        .statusCode())
                .isEqualTo(201);
        for (String[] assessment : new String[][] {
            {"2026-03-01T09:00:00Z", "0.62"}, {"2026-03-16T09:00:00Z", "0.66"}, {"2026-04-13T09:00:00Z", "0.74"}
        }) {
            assertThat(system.post("intake", "/api/v1/assessments", """
                            {"patientId":"%s","assessedAt":"%s","kind":"FOLLOW_UP","side":"LEFT",
                             "measures":{"gaitSpeedComfortable":%s}}
                            """.formatted(
                                            patientId, assessment[0], assessment[1]))
                            .statusCode())
                    .isEqualTo(201);
        }
        // (the second with an adverse event)
        for (String[] injection : new String[][] {
            {"2026-03-02T10:00:00Z", ""},
            {"2026-03-30T10:00:00Z", "{\"type\":\"TRANSIENT_NUMBNESS\",\"severity\":\"MILD\",\"resolved\":true}"}
        }) {
            assertThat(system.post("treatment", "/api/v1/injections", """
                            {"patientId":"%s","administeredAt":"%s","technique":"NERVE_HYDRODISSECTION",
                             "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                             "volumeMl":10,"durationMinutes":30,"adverseEvents":[%s]}
                            """.formatted(
                                            patientId, injection[0], injection[1]))
                            .statusCode())
                    .isEqualTo(201);
        }
        assertThat(system.post("treatment", "/api/v1/therapies", """
                        {"patientId":"%s","type":"PHYSICAL_THERAPY","startDate":"2026-03-09","sessionsPerWeek":2,
                         "plannedWeeks":8}
                        """.formatted(patientId))
                        .statusCode())
                .isEqualTo(201);
        // and projected: both injections, the therapy and every value in the outcomes
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode outcomes = apiOutcomes();
                    return outcomes != null
                            && outcomes.path("injections").size() == 2
                            && outcomes.path("therapies").size() == 1
                            && outcomes.path("measures")
                                            .path("gaitSpeedComfortable")
                                            .path("values")
                                            .size()
                                    == 3;
                });
    }

    @Test
    void shouldShowAClinicianThePatientWithTheApisNumbers() throws Exception {
        // given a clinician signed in through the authorization server's form
        signIn("local-clinician", "local-clinician-password");

        // when they find the patient by id on the start page
        WebElement search = browser.findElement(By.id("patientId"));
        search.sendKeys(patientId, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(search));
        waitFor(By.id("patient-id"));

        // then the page shows what the API answers, number for number
        JsonNode api = apiOutcomes();
        assertThat(text("#patient-id")).isEqualTo(patientId);
        assertThat(text("#day-zero")).isEqualTo(api.path("dayZero").asString());
        assertThat(text("#diagnosis-cause")).isEqualTo("FIBULAR_NERVE_AT_KNEE");
        assertThat(text("#diagnosis-side")).isEqualTo("LEFT");
        assertThat(text("#diagnosis-onset")).isEqualTo("2025-11-20");
        // and each injection as the API numbers and times it, with its adverse events
        List<WebElement> injectionRows = browser.findElements(By.cssSelector("#injections tbody tr"));
        assertThat(injectionRows).hasSize(api.path("injections").size());
        for (int i = 0; i < injectionRows.size(); i++) {
            WebElement row = injectionRows.get(i);
            JsonNode injection = api.path("injections").get(i);
            assertThat(row.findElement(By.cssSelector(".nth")).getText())
                    .isEqualTo(injection.path("nth").asString());
            assertThat(row.findElement(By.cssSelector(".day")).getText())
                    .isEqualTo(injection.path("day").asString());
            assertThat(row.findElement(By.cssSelector(".technique")).getText())
                    .isEqualTo(injection.path("technique").asString());
            assertThat(row.findElement(By.cssSelector(".solution")).getText())
                    .isEqualTo(injection.path("solution").asString());
            assertThat(row.findElement(By.cssSelector(".interval")).getText())
                    .isEqualTo(injection.path("intervalDays").asString("-"));
            assertThat(row.findElement(By.cssSelector(".spacing")).getText())
                    .isEqualTo(injection.path("spacing").asString("-"));
        }
        assertThat(injectionRows.get(0).findElement(By.cssSelector(".adverse")).getText())
                .isEqualTo("none");
        JsonNode adverse = api.path("injections").get(1).path("adverseEvents").get(0);
        assertThat(injectionRows.get(1).findElement(By.cssSelector(".adverse")).getText())
                .isEqualTo(adverse.path("type").asString() + " ("
                        + adverse.path("severity").asString() + ", resolved)");
        // and the therapy with its planned sessions
        assertThat(browser.findElements(By.cssSelector("#therapies tbody tr")))
                .singleElement()
                .satisfies(row -> assertThat(row.getText())
                        .startsWith("PHYSICAL_THERAPY "
                                + api.path("therapies")
                                        .get(0)
                                        .path("plannedSessions")
                                        .asString()));
        assertThat(text("#therapies .adherence"))
                .isEqualTo(api.path("therapies").get(0).path("adherence").asString());
        // and how each injection was given, from treatment-service's list
        assertThat(browser.findElements(By.cssSelector("#injections td.given")))
                .extracting(WebElement::getText)
                .containsOnly("SCIATIC_NERVE, ULTRASOUND, 10 ml");
        JsonNode gait = api.path("measures").path("gaitSpeedComfortable");
        WebElement measure = browser.findElement(By.id("measure-gaitSpeedComfortable"));
        List<String> pageValues = measure.findElements(By.cssSelector("table.values tbody tr")).stream()
                .map(row -> row.getAttribute("data-day") + "=" + row.getAttribute("data-value"))
                .toList();
        List<String> apiValues = new ArrayList<>();
        for (JsonNode value : gait.path("values")) {
            apiValues.add(value.path("day").asString() + "="
                    + value.path("value").decimalValue().toPlainString());
        }
        assertThat(pageValues).isEqualTo(apiValues);
        assertThat(measure.findElement(By.cssSelector(".baseline")).getText())
                .startsWith(gait.path("baseline").path("value").asString());
        WebElement week6 = measure.findElement(By.cssSelector("table.windows tr[data-window='WEEK_6']"));
        assertThat(week6.findElement(By.cssSelector(".change")).getText())
                .isEqualTo(gait.path("windows").path("WEEK_6").path("change").asString());
        assertThat(week6.findElement(By.cssSelector(".responder")).getText())
                .isEqualTo(gait.path("windows").path("WEEK_6").path("responder").asBoolean() ? "yes" : "no");
        assertThat(measure.findElement(By.cssSelector(".time-to-response")).getText())
                .contains(gait.path("timeToResponse").path("days").asString());
        // and the chart is drawn with every value
        WebElement chart = measure.findElement(By.cssSelector(".chart"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> chart.getAttribute("data-drawn-points") != null);
        assertThat(chart.getAttribute("data-drawn-points")).isEqualTo(String.valueOf(apiValues.size()));
        assertThat(chart.findElements(By.tagName("svg"))).isNotEmpty();
        // and, drawn, it keeps the page's own label for screen readers, which points at the table
        assertThat(chart.getAttribute("aria-label"))
                .isEqualTo(
                        "Chart of gaitSpeedComfortable over days from day 0; the same values are in the table below");
        assertChartDrawsTheApisSeries(chart, api, "gaitSpeedComfortable");
        // and the data-quality findings are the API's for this patient (entered months after they happened)
        List<String> findings = apiFindings();
        assertThat(findings).contains("LATE_ENTERED");
        assertThat(browser.findElements(By.cssSelector("#findings li strong")).stream()
                        .map(WebElement::getText)
                        .toList())
                .isEqualTo(findings);
        // and the token never reached the browser: no script can read a cookie, none holds a JWT
        assertThat(browser.manage().getCookies())
                .allSatisfy(cookie -> assertThat(cookie.getValue()).doesNotStartWith("eyJ"));
        Object readableCookies = browser.executeScript("return document.cookie");
        assertThat(String.valueOf(readableCookies)).doesNotContain("FOOTDROP_WEB_SESSION");
        assertThat(browser.manage().getCookieNamed("FOOTDROP_WEB_SESSION")).satisfies(session -> {
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
        });
        // and the page's policy stops an injected inline script, and sign-out carries the CSRF token
        Object inlineRan = browser.executeScript("window.inlineRan = false;"
                + " var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                + " document.head.appendChild(s); return window.inlineRan;");
        assertThat(inlineRan).isEqualTo(false);
        assertThat(browser.findElement(By.cssSelector("form[action$='/logout'] input[name=_csrf]"))
                        .getAttribute("value"))
                .isNotBlank();
        // and the view is in each service's audit trail under the clinician's name
        assertAuditedForTheClinician(
                "footdrop_outcomes", "GET /api/v1/patients/{patientId}/outcomes", "GET /api/v1/data-quality");
        assertAuditedForTheClinician("footdrop_treatment", "GET /api/v1/patients/{patientId}/injections");
        Accessibility.assertNoSeriousViolations(browser, "patient page");
        // (a tall window, so the screenshot shows the timeline and the first chart)
        Browser.viewport(browser, 1280, 1900, false);
        Files.copy(
                Browser.screenshot(browser, "patient-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/patient-page.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldAnswerEveryOtherRoleWithTheForbiddenPage() {
        for (String role : List.of("analyst", "ops", "admin")) {
            // given someone of another role signed in, with no way to the clinician's pages on their start page
            signIn("local-" + role, "local-" + role + "-password");
            assertThat(browser.findElements(By.linkText("Find a patient")))
                    .as(role)
                    .isEmpty();

            // when they open a clinician's page
            browser.get(system.webAppUrl() + "/patients/" + patientId);

            // then a clear page says so, without any patient data or stack trace
            assertThat(text("h1")).as(role).isEqualTo("This page is not for your role");
            assertThat(browser.getPageSource())
                    .as(role)
                    .doesNotContain(patientId + "</span>")
                    .doesNotContain("Exception");
            assertThat(browser.findElements(By.linkText("Find a patient")))
                    .as(role)
                    .isEmpty();
            if (role.equals("analyst")) {
                Accessibility.assertNoSeriousViolations(browser, "forbidden page");
            }
            // (both sessions' cookies gone: the next role signs in afresh)
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void shouldPassAxeOnTheNoSuchPageAndTheUnknownPatientPages() {
        // given a clinician signed in
        signIn("local-clinician", "local-clinician-password");

        // when they open an address the web app does not have
        browser.get(system.webAppUrl() + "/no-such-page");
        waitFor(By.cssSelector("main h1"));

        // then the error page says so under the site's header, and axe-core finds no serious violation on it
        assertThat(text("h1")).isEqualTo("No such page");
        assertThat(browser.findElements(By.cssSelector("header.site-header nav a")))
                .isNotEmpty();
        Accessibility.assertNoSeriousViolations(browser, "no-such-page page");

        // and when they look for a patient no service knows, the search page says so, and passes too
        browser.get(system.webAppUrl() + "/patients/pt-nobody-"
                + UUID.randomUUID().toString().substring(0, 8));
        waitFor(By.cssSelector("p.problem[role=alert]"));
        assertThat(text("p.problem")).startsWith("No patient pt-nobody-");
        Accessibility.assertNoSeriousViolations(browser, "unknown patient page");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        // when someone signs in with a wrong password
        browser.get(system.webAppUrl() + "/");
        fillSignInForm("local-clinician", "not-the-password");

        // then the form says so and nobody is signed in
        waitFor(By.cssSelector("[role=alert]"));
        assertThat(text("[role=alert]")).isEqualTo("Wrong user name or password.");
        assertThat(browser.getCurrentUrl()).startsWith(system.issuer());
        Accessibility.assertNoSeriousViolations(browser, "sign-in page with its error");

        // and repeated failures lock the name, the right password or not (a name no other test uses:
        // names known or not are locked alike, so a lock says nothing about who has an account)
        String name = "someone-" + UUID.randomUUID().toString().substring(0, 8);
        for (int failure = 1; failure <= LOCAL_MAX_FAILURES; failure++) {
            submitAndAwaitTheNextPage(name, "guess-" + failure);
            assertThat(text("[role=alert]")).isEqualTo("Wrong user name or password.");
        }
        submitAndAwaitTheNextPage(name, "guess-again");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=alert]"), "Too many failed sign-ins"));
    }

    @Test
    void shouldFindAViolationWhereAPageHasOne() {
        // given a page with an image without a text alternative, when axe-core runs on it
        browser.get("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><img src=x.png></main>");

        // then the helper reports it: it is not silent
        assertThat(Accessibility.seriousViolations(browser)).anyMatch(v -> v.startsWith("image-alt "));
    }

    @Test
    void shouldSignOutOfBothSessions() {
        // given a clinician signed in
        signIn("local-clinician", "local-clinician-password");
        Accessibility.assertNoSeriousViolations(browser, "start page");
        browser.get(system.webAppUrl() + "/patients");
        waitFor(By.id("patientId"));
        Accessibility.assertNoSeriousViolations(browser, "patient search");

        // when they sign out
        browser.findElement(By.id("sign-out")).click();

        // then they are back at the sign-in form, and opening a page asks them to sign in again
        waitFor(By.id("username"));
        browser.get(system.webAppUrl() + "/patients");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(system.issuer() + "/login");
    }

    @Test
    void shouldSignOutOfBothSessionsAfterTheTokenWasRefreshed() throws InterruptedException {
        // given a clinician signed in whose access token the web app has since refreshed, which brought a new
        // ID token: the authorization server keeps only that one, and sign-out must name it
        signIn("local-clinician", "local-clinician-password");
        Thread.sleep(ACCESS_TOKEN_REFRESHED.toMillis());
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        waitFor(By.id("patient-id"));

        // when they sign out
        browser.findElement(By.id("sign-out")).click();

        // then the authorization server's session has ended too: opening a page asks them to sign in again
        waitFor(By.id("username"));
        browser.get(system.webAppUrl() + "/patients");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(system.issuer() + "/login");
    }

    @Test
    void shouldReturnToTheOriginalPageAfterTheSessionExpired() {
        // given a clinician whose web app session has ended (its cookie gone, as after the idle timeout)
        signIn("local-clinician", "local-clinician-password");
        browser.manage().deleteCookieNamed("FOOTDROP_WEB_SESSION");

        // when they open a patient's page, then the authorization server's session signs them in again
        // without the form, and they land on that page
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        waitFor(By.id("patient-id"));
        assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl() + "/patients/" + patientId);

        // given both sessions ended (both cookies gone)
        browser.manage().deleteAllCookies();

        // when they open a patient's page, then they sign in and land on that page
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        fillSignInForm("local-clinician", "local-clinician-password");
        waitFor(By.id("patient-id"));
        // (Spring Security marks the replayed request with ?continue)
        assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl() + "/patients/" + patientId);
        assertThat(text("#patient-id")).isEqualTo(patientId);
    }

    @Test
    void shouldReachTheSearchAndTheChartsTablesWithTheKeyboard() {
        // given a clinician on the patient's page
        signIn("local-clinician", "local-clinician-password");
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        waitFor(By.id("patient-id"));

        // when they press Tab through the page
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Object described = browser.executeScript("var e = document.activeElement;"
                    + " return (e.id || '') + '|' + (e.getAttribute('aria-label') || '') + '|' + e.tagName;");
            reached.add(String.valueOf(described));
        }

        // then focus reaches the search field and each of the chart's tables
        assertThat(reached).anyMatch(r -> r.startsWith("patientId|"));
        assertThat(reached).anyMatch(r -> r.contains("|gaitSpeedComfortable values|"));
        assertThat(reached).anyMatch(r -> r.contains("|gaitSpeedComfortable analysis windows|"));
        // and a search typed with the keyboard alone opens the patient
        WebElement shown = browser.findElement(By.id("patient-id"));
        browser.findElement(By.id("patientId")).clear();
        browser.findElement(By.id("patientId")).sendKeys(patientId, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(shown));
        waitFor(By.id("patient-id"));
        assertThat(text("#patient-id")).isEqualTo(patientId);
    }

    @Test
    void shouldFitAPhoneWithoutHorizontalScroll() throws Exception {
        // given a clinician on a 390 px wide screen
        signIn("local-clinician", "local-clinician-password");
        Browser.phoneWidth(browser);

        // when they open the patient's page
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        waitFor(By.id("patient-id"));

        // then the page is no wider than the screen
        Number viewport = (Number) browser.executeScript("return window.innerWidth");
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(viewport.intValue()).isEqualTo(390);
        assertThat(page.intValue()).isLessThanOrEqualTo(viewport.intValue());
        // and the chart is drawn within it
        WebElement measure = browser.findElement(By.id("measure-gaitSpeedComfortable"));
        browser.executeScript("arguments[0].scrollIntoView()", measure);
        Number chartWidth = (Number) browser.executeScript(
                "return arguments[0].querySelector('.chart svg').getBoundingClientRect().width", measure);
        assertThat(chartWidth.doubleValue()).isPositive().isLessThanOrEqualTo(viewport.doubleValue());
        Browser.screenshot(browser, "patient-page-390px");
    }

    @Test
    void shouldHideTheNavigationWhenPrinted() {
        // given a clinician on the patient's page
        signIn("local-clinician", "local-clinician-password");
        browser.get(system.webAppUrl() + "/patients/" + patientId);
        waitFor(By.id("patient-id"));

        // when the page is rendered for print
        Browser.printMedia(browser);

        // then the header, its navigation and the search are hidden, and the patient's data stays
        assertThat(browser.findElement(By.cssSelector("header.site-header")).isDisplayed())
                .isFalse();
        assertThat(browser.findElement(By.id("patientId")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("patient-id")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#measure-gaitSpeedComfortable table.windows"))
                        .isDisplayed())
                .isTrue();
        // and so are the chart, within the printed page's width, and the data-quality findings
        WebElement chart = browser.findElement(By.cssSelector("#measure-gaitSpeedComfortable .chart svg"));
        assertThat(chart.isDisplayed()).isTrue();
        Number chartWidth = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().width", chart);
        Number pageWidth = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(chartWidth.doubleValue()).isPositive().isLessThanOrEqualTo(pageWidth.doubleValue());
        assertThat(browser.findElement(By.id("findings")).isDisplayed()).isTrue();
    }

    /** The authorization server's default footdrop.auth.login.max-failures. */
    private static final int LOCAL_MAX_FAILURES = 5;

    /**
     * The chart, read back from ECharts and from what it drew: every API value as a point, the baseline and
     * the responder line where the API puts them, a line per injection day, a band per analysis window; the
     * baseline drawn dashed and the threshold dotted (as the caption says), the values' line solid.
     */
    @SuppressWarnings("unchecked")
    private void assertChartDrawsTheApisSeries(WebElement chart, JsonNode api, String measureName) {
        JsonNode measure = api.path("measures").path(measureName);
        Map<String, Object> drawn = (Map<String, Object>) browser.executeScript("""
                var element = arguments[0];
                var option = echarts.getInstanceByDom(element).getOption();
                var series = option.series[0];
                function drawnDashes(color) {
                  var path = Array.prototype.find.call(element.querySelectorAll('path'),
                    function (p) { return p.getAttribute('stroke') === color; });
                  return path ? (path.getAttribute('stroke-dasharray') || 'solid') : null;
                }
                return {
                  seriesCount: option.series.length,
                  points: series.data.map(function (p) { return p[0] + '=' + p[1]; }),
                  lines: series.markLine.data.map(function (l) {
                    return l.name + '@' + (l.yAxis !== undefined ? 'y' + l.yAxis : 'x' + l.xAxis);
                  }),
                  bands: series.markArea.data.map(function (a) { return a[0].xAxis + '..' + a[1].xAxis; }),
                  baselineDashes: drawnDashes('#1f4e79'),
                  thresholdDashes: drawnDashes('#8a4b00'),
                  valuesDashes: drawnDashes(option.color[0])
                };
                """, chart);
        assertThat(drawn.get("seriesCount")).isEqualTo(1L);
        List<String> apiPoints = new ArrayList<>();
        for (JsonNode value : measure.path("values")) {
            apiPoints.add(value.path("day").asString() + "="
                    + plain(value.path("value").asString()));
        }
        assertThat(((List<String>) drawn.get("points"))
                        .stream()
                                .map(p -> p.substring(0, p.indexOf('=') + 1) + plain(p.substring(p.indexOf('=') + 1)))
                                .toList())
                .isEqualTo(apiPoints);
        BigDecimal baseline = measure.path("baseline").path("value").decimalValue();
        BigDecimal threshold = api.path("definitions")
                .path("responderThresholds")
                .path(measureName)
                .decimalValue();
        List<String> expectedLines = new ArrayList<>();
        expectedLines.add("baseline@y" + plain(baseline.toPlainString()));
        expectedLines.add(
                "responder threshold@y" + plain(baseline.add(threshold).toPlainString()));
        for (JsonNode injection : api.path("injections")) {
            expectedLines.add("injection@x" + injection.path("day").asString());
        }
        assertThat(((List<String>) drawn.get("lines"))
                        .stream()
                                .map(l -> l.substring(0, l.indexOf('@') + 2) + plain(l.substring(l.indexOf('@') + 2)))
                                .toList())
                .isEqualTo(expectedLines);
        List<String> expectedBands = new ArrayList<>();
        for (JsonNode window : api.path("definitions").path("windows")) {
            expectedBands.add(window.path("firstDay").asString() + ".."
                    + window.path("lastDay").asString());
        }
        assertThat(drawn.get("bands")).isEqualTo(expectedBands);
        assertThat(drawn.get("baselineDashes")).isNotNull().isNotEqualTo("solid");
        assertThat(drawn.get("thresholdDashes"))
                .isNotNull()
                .isNotEqualTo("solid")
                .isNotEqualTo(drawn.get("baselineDashes"));
        assertThat(drawn.get("valuesDashes")).isEqualTo("solid");
    }

    /** A number as written, without trailing zeros, so 0.60 and 0.6 compare equal. */
    private static String plain(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    /** The checks the API's data-quality list names this patient under, in its order. */
    private static List<String> apiFindings() {
        HttpResponse<String> response = system.read("outcomes", "/api/v1/data-quality?patientId=" + patientId);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> checks = new ArrayList<>();
        for (JsonNode check : EventJson.mapper().readTree(response.body()).path("checks")) {
            for (JsonNode id : check.path("patientIds")) {
                if (id.asString().equals(patientId)) {
                    checks.add(check.path("check").asString());
                }
            }
        }
        return checks;
    }

    /** The service's audit trail holds each endpoint's read of the patient by local-clinician through clinic-web. */
    private static void assertAuditedForTheClinician(String database, String... endpoints) {
        try (MongoClient mongo = MongoClients.create(system.ports.mongoUri())) {
            MongoCollection<Document> audit = mongo.getDatabase(database).getCollection("audit_log");
            // records are written from a queue, a moment after the answer
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<String> found = new ArrayList<>();
                audit.find(Filters.and(
                                Filters.eq("subject", "local-clinician"),
                                Filters.eq("client", "clinic-web"),
                                Filters.eq("patientIds", patientId),
                                Filters.eq("status", 200)))
                        .forEach(record -> found.add(record.getString("endpoint")));
                assertThat(found).as(database).contains(endpoints);
            });
        }
    }

    private void signIn(String user, String password) {
        browser.get(system.webAppUrl() + "/");
        fillSignInForm(user, password);
        waitFor(By.cssSelector("header.site-header"));
        assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl());
    }

    /** Submits the sign-in form and waits until the answer has replaced the page that held it. */
    private void submitAndAwaitTheNextPage(String user, String password) {
        WebElement submitted = browser.findElement(By.id("username"));
        fillSignInForm(user, password);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(submitted));
        waitFor(By.cssSelector("[role=alert]"));
    }

    private void fillSignInForm(String user, String password) {
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(system.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static JsonNode apiOutcomes() {
        HttpResponse<String> response = system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes");
        return response == null || response.statusCode() != 200
                ? null
                : EventJson.mapper().readTree(response.body());
    }
}
