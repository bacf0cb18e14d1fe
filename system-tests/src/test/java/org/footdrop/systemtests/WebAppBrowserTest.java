package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
class WebAppBrowserTest {

    @TempDir
    static Path data;

    static RunningSystem system;
    static String patientId;

    @TempDir
    Path profile;

    ChromeDriver browser;
    String testName;

    @BeforeAll
    static void startSystemAndRecordAPatient() throws Exception {
        Browser.requireChromium();
        Accessibility.requireAxe();
        system = RunningSystem.start(data, Map.of());
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
        for (String at : List.of("2026-03-02T10:00:00Z", "2026-03-30T10:00:00Z")) {
            assertThat(system.post("treatment", "/api/v1/injections", """
                            {"patientId":"%s","administeredAt":"%s","technique":"NERVE_HYDRODISSECTION",
                             "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                             "volumeMl":10,"durationMinutes":30}
                            """.formatted(patientId, at))
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

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void startBrowser(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser = Browser.start(profile);
    }

    @AfterEach
    void screenshotAndQuit() throws Exception {
        if (browser != null) {
            try {
                Browser.screenshot(browser, testName);
            } finally {
                browser.quit();
            }
        }
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
        assertThat(browser.findElements(By.cssSelector("#injections tbody tr"))).hasSize(2);
        // and the therapy with its planned sessions
        assertThat(browser.findElements(By.cssSelector("#therapies tbody tr")))
                .singleElement()
                .satisfies(row -> assertThat(row.getText())
                        .startsWith("PHYSICAL_THERAPY "
                                + api.path("therapies")
                                        .get(0)
                                        .path("plannedSessions")
                                        .asString()));
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
        // and the token never reached the browser: no script can read a cookie, none holds a JWT
        assertThat(browser.manage().getCookies())
                .allSatisfy(cookie -> assertThat(cookie.getValue()).doesNotStartWith("eyJ"));
        Object readableCookies = browser.executeScript("return document.cookie");
        assertThat(String.valueOf(readableCookies)).doesNotContain("FOOTDROP_WEB_SESSION");
        Accessibility.assertNoSeriousViolations(browser, "patient page");
        // (a tall window, so the screenshot shows the timeline and the first chart)
        Browser.viewport(browser, 1280, 1900, false);
        Files.copy(
                Browser.screenshot(browser, "patient-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/patient-page.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldAnswerAnAnalystWithTheForbiddenPage() {
        // given an analyst signed in
        signIn("local-analyst", "local-analyst-password");

        // when they open a clinician's page
        browser.get(system.webAppUrl() + "/patients/" + patientId);

        // then a clear page says so, without any patient data or stack trace
        assertThat(text("h1")).isEqualTo("This page is not for your role");
        assertThat(browser.getPageSource())
                .doesNotContain(patientId + "</span>")
                .doesNotContain("Exception");
        assertThat(browser.findElements(By.linkText("Find a patient"))).isEmpty();
        Accessibility.assertNoSeriousViolations(browser, "forbidden page");
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
    void shouldReturnToTheOriginalPageAfterTheSessionExpired() {
        // given a clinician whose sessions have ended (both cookies gone, as after expiry)
        signIn("local-clinician", "local-clinician-password");
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
    void shouldFitAPhoneWithoutHorizontalScroll() {
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
    }

    private void signIn(String user, String password) {
        browser.get(system.webAppUrl() + "/");
        fillSignInForm(user, password);
        waitFor(By.cssSelector("header.site-header"));
        assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl());
    }

    private void fillSignInForm(String user, String password) {
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).startsWith(system.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void waitFor(By locator) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static JsonNode apiOutcomes() {
        HttpResponse<String> response = system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes");
        return response == null || response.statusCode() != 200
                ? null
                : EventJson.mapper().readTree(response.body());
    }
}
