package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.Topics;
import org.footdrop.stack.ImportClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The admin, ops, safety and data-quality pages in a real browser against the whole running system, seeded
 * through the bulk import (so the admin page has jobs to show) and a poison record put on a topic (a real dead
 * letter): each page's numbers equal the API's, the admin's buttons work and no other role has them, and each
 * page works with the keyboard, at 390 px and in print, with no serious axe-core violation. Each test leaves a
 * screenshot under system-tests/target/browser-screenshots. The rebuild runs last: while it switches, the
 * cohort table reloads.
 */
@Tag("system")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolePagesBrowserTest extends BrowserFixture {

    /** Above the API's minimum group size of 5: shown. */
    private static final int DEXTROSE_PATIENTS = 8;
    /** Below it: suppressed. */
    private static final int PRP_PATIENTS = 3;

    static String run;
    static String intakeJob;
    static String treatmentJob;
    static String poisonKey;

    RolePagesBrowserTest() {
        super("");
    }

    @BeforeAll
    static void startSystemAndImportAClinic() throws Exception {
        Accessibility.requireAxe();
        startSystem(Map.of());
        run = UUID.randomUUID().toString().substring(0, 6);
        // given a small clinic imported in bulk, one line of it refused
        Path file = data.resolve("clinic.ndjson");
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < DEXTROSE_PATIENTS + PRP_PATIENTS; p++) {
            String patient = "pt-roles-" + run + "-" + p;
            boolean prp = p >= DEXTROSE_PATIENTS;
            lines.add(("{\"kind\":\"diagnosis\",\"key\":\"d-%s\",\"body\":{\"patientId\":\"%s\",\"side\":\"LEFT\","
                            + "\"diagnosisDate\":\"2026-01-10\",\"symptomOnsetDate\":\"2026-01-02\","
                            + "\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"}}")
                    .formatted(patient, patient));
            String adverse = p % 2 == 0
                    ? "[{\"type\":\"INJECTION_SITE_DISCOMFORT\",\"severity\":\"MILD\",\"resolved\":true}]"
                    : "[]";
            lines.add(("{\"kind\":\"injection\",\"key\":\"i-%s\",\"body\":{\"patientId\":\"%s\","
                            + "\"administeredAt\":\"2026-01-20T10:00:00Z\",\"technique\":\"NERVE_HYDRODISSECTION\","
                            + "\"target\":\"FIBULAR_NERVE\",\"side\":\"LEFT\",\"guidance\":\"ULTRASOUND\","
                            + "\"solution\":\"%s\",\"volumeMl\":10.0,\"durationMinutes\":30,\"adverseEvents\":%s}}")
                    .formatted(patient, patient, prp ? "PRP" : "DEXTROSE_5", adverse));
        }
        lines.add("{\"kind\":\"injection\",\"key\":\"i-refused-" + run + "\",\"body\":{\"patientId\":\"pt-roles-" + run
                + "-0\",\"administeredAt\":\"2026-01-27T10:00:00Z\",\"technique\":\"NERVE_HYDRODISSECTION\","
                + "\"target\":\"FIBULAR_NERVE\",\"side\":\"LEFT\",\"guidance\":\"ULTRASOUND\","
                + "\"solution\":\"SALINE\",\"volumeMl\":10.0,\"durationMinutes\":30}}");
        Files.write(file, lines);
        intakeJob = importFile("intake", file);
        treatmentJob = importFile("treatment", file);
        // and a record no consumer can read, put on the topic by another producer: a dead letter
        poisonKey = "pt-poison-" + run;
        system.publish(Topics.INTAKE_EVENTS, poisonKey, "{this is not json");
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetter() != null);
        // and every patient projected into the cohort table
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode group = safetyGroup("DEXTROSE_5");
                    return group != null && group.path("n").asInt() == DEXTROSE_PATIENTS;
                });
    }

    private static String importFile(String service, Path file) {
        ImportClient client = new ImportClient(
                URI.create("http://localhost:" + system.port(service)), () -> system.token("clinical-writer"));
        ImportClient.Job started = client.start(file, "urn:roles:" + run, bytes -> {});
        ImportClient.Job done = client.await(started.location(), Duration.ofMillis(300), job -> {});
        assertThat(done.status()).isEqualTo("COMPLETED");
        return done.state().path("jobId").asString();
    }

    @Test
    @Order(1)
    void shouldShowAnAdminTheImportJobsAsTheServicesAnswerThem() throws Exception {
        // given an admin signed in
        Browser.signIn(browser, system, "admin");

        // when they open the admin page
        browser.get(system.webAppUrl() + "/admin");
        Browser.waitFor(browser, By.id("import-table"));

        // then each service's job shows its progress and refusals as the service's admin list answers them
        for (String[] serviceAndJob : new String[][] {{"intake", intakeJob}, {"treatment", treatmentJob}}) {
            JsonNode api = null;
            for (JsonNode job : adminRead(serviceAndJob[0], "/api/v1/admin/imports")) {
                if (job.path("jobId").asString().equals(serviceAndJob[1])) {
                    api = job;
                }
            }
            assertThat(api).as("the %s job in the API's list", serviceAndJob[0]).isNotNull();
            WebElement row =
                    browser.findElement(By.cssSelector("#import-table tr[data-job='" + serviceAndJob[1] + "']"));
            assertThat(row.findElement(By.cssSelector(".status")).getText())
                    .startsWith(api.path("status").asString());
            assertThat(row.findElement(By.cssSelector(".processed")).getText())
                    .isEqualTo(api.path("processed").asString());
            assertThat(row.findElement(By.cssSelector(".accepted")).getText())
                    .isEqualTo(api.path("accepted").asString());
            assertThat(row.findElement(By.cssSelector(".refused span")).getText())
                    .isEqualTo(api.path("refused").asString());
        }
        // and the treatment job's refused line opens with the field and reason the API gave
        assertThat(adminRead("treatment", "/api/v1/admin/imports").toString()).contains(treatmentJob);
        browser.findElement(By.cssSelector("#import-table tr[data-job='" + treatmentJob + "'] .refused a"))
                .click();
        Browser.waitFor(browser, By.id("refusal-table"));
        assertThat(browser.findElements(By.cssSelector("#refusal-table tbody tr")))
                .singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("i-refused-" + run, "solution"));
        Accessibility.assertNoSeriousViolations(browser, "import refusals page");
    }

    @Test
    @Order(2)
    void shouldReDriveADeadLetterWithTheAdminsButton() throws Exception {
        // given an admin on the admin page, the poison record listed without its contents
        Browser.signIn(browser, system, "admin");
        browser.get(system.webAppUrl() + "/admin");
        Browser.waitFor(browser, By.id("dead-letter-table"));
        JsonNode letter = deadLetter();
        By row = By.cssSelector("#dead-letter-table tr[data-partition='"
                + letter.path("partition").asString() + "'][data-offset='"
                + letter.path("offset").asString() + "']");
        assertThat(browser.findElement(row)
                        .findElement(By.cssSelector(".reason"))
                        .getText())
                .isEqualTo(letter.path("reason").asString());
        assertThat(browser.getPageSource()).doesNotContain(poisonKey).doesNotContain("this is not json");
        Accessibility.assertNoSeriousViolations(browser, "admin page");

        // when they press its Re-drive button with the keyboard
        WebElement button = browser.findElement(row).findElement(By.cssSelector("button.redrive-button"));
        button.sendKeys(Keys.ENTER);

        // then the page says so, the row shows who re-drove it, and the service remembers the re-drive
        Browser.waitFor(browser, By.id("done"));
        assertThat(browser.findElement(By.id("done")).getText()).contains("re-driven");
        assertThat(browser.findElement(row)
                        .findElement(By.cssSelector(".redriven"))
                        .getText())
                .endsWith("by local-admin");
        assertThat(browser.findElement(row).findElements(By.cssSelector("button")))
                .isEmpty();
        // (re-driven, the unreadable record is dead-lettered again, a new letter at a later offset)
        JsonNode remembered = null;
        for (JsonNode each : adminRead("outcomes", "/api/v1/admin/dead-letters")) {
            if (each.path("partition").asInt() == letter.path("partition").asInt()
                    && each.path("offset").asLong() == letter.path("offset").asLong()) {
                remembered = each;
            }
        }
        assertThat(remembered.path("redrive").path("by").asString()).isEqualTo("local-admin");
    }

    @Test
    @Order(3)
    void shouldShowNoAdminPageOrButtonToAnyOtherRole() {
        for (String role : List.of("clinician", "analyst", "ops")) {
            // given someone of another role signed in
            browser.manage().deleteAllCookies();
            Browser.signIn(browser, system, role);
            // then the header does not offer the admin page
            assertThat(browser.findElements(By.linkText("Administration"))).isEmpty();
            // and opening it answers the forbidden page, without the buttons
            browser.get(system.webAppUrl() + "/admin");
            Browser.waitFor(browser, By.tagName("h1"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This page is not for your role");
            assertThat(browser.findElements(By.id("start-rebuild"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("button.redrive-button")))
                    .isEmpty();
        }
    }

    @Test
    @Order(4)
    void shouldShowAnAnalystTheSafetyNumbersOfTheApi() throws Exception {
        // given an analyst signed in
        Browser.signIn(browser, system, "analyst");

        // when they open the safety page from the header
        browser.findElement(By.linkText("Safety and data quality")).click();
        Browser.waitFor(browser, By.id("safety-table"));

        // then each group shows the API's numbers, and the small group reads as suppressed, never as zero
        JsonNode api = analystRead("/api/v1/cohorts/safety");
        int shown = 0;
        for (JsonNode group : api.path("groups")) {
            WebElement row = browser.findElement(By.cssSelector("#safety-table tr[data-technique='"
                    + group.path("technique").asString() + "'][data-solution='"
                    + group.path("solution").asString() + "']"));
            if (group.path("suppressed").asBoolean()) {
                assertThat(row.findElement(By.cssSelector(".suppressed")).getText())
                        .startsWith("suppressed");
                continue;
            }
            shown++;
            assertThat(row.findElement(By.cssSelector(".n")).getText())
                    .isEqualTo(group.path("n").asString());
            assertThat(row.findElement(By.cssSelector(".injections")).getText())
                    .isEqualTo(group.path("injections").asString());
            assertThat(row.findElement(By.cssSelector(".with-event")).getText())
                    .isEqualTo(group.path("injectionsWithAdverseEvent").asString());
            // the API's rate read as a percentage with one decimal, rounded half up
            String percent = new BigDecimal(
                            group.path("perInjection").path("value").asString())
                    .movePointRight(2)
                    .setScale(1, RoundingMode.HALF_UP)
                    .toPlainString();
            assertThat(row.findElement(By.cssSelector(".per-injection")).getText())
                    .startsWith(percent + "% (");
        }
        assertThat(safetyGroup("PRP").path("suppressed").asBoolean()).isTrue();
        assertThat(shown).isPositive();
        // and the chart draws exactly the groups shown
        WebElement chart = browser.findElement(By.id("safety-chart"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> chart.getAttribute("data-drawn-groups") != null);
        assertThat(chart.getAttribute("data-drawn-groups")).isEqualTo(String.valueOf(shown));
        assertThat(chart.findElements(By.tagName("svg"))).isNotEmpty();
        assertThat(chart.getAttribute("aria-label")).endsWith("the same numbers are in the table below");
        // and each data-quality count is the summary's
        for (JsonNode check : analystRead("/api/v1/data-quality/summary").path("checks")) {
            assertThat(browser.findElement(By.cssSelector("#quality-table tr[data-check='"
                                    + check.path("check").asString() + "'] .count"))
                            .getText())
                    .isEqualTo(check.path("count").asString());
        }
        Accessibility.assertNoSeriousViolations(browser, "safety page");
        Browser.viewport(browser, 1280, 1400, false);
        Files.copy(
                Browser.screenshot(browser, "safety-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/safety-page.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(5)
    void shouldTakeAClinicianFromADataQualityCheckToThePatient() throws Exception {
        // given a clinician signed in, on the data-quality list
        Browser.signIn(browser, system, "clinician");
        browser.get(system.webAppUrl() + "/data-quality");
        Browser.waitFor(browser, By.cssSelector("section.check"));

        // then each check's count is the API's
        JsonNode api = clinicianRead("/api/v1/data-quality?page=1&size=100");
        for (JsonNode check : api.path("checks")) {
            assertThat(browser.findElement(By.cssSelector(
                                    "section[data-check='" + check.path("check").asString() + "'] .count"))
                            .getText())
                    .isEqualTo(check.path("count").asString());
        }
        Accessibility.assertNoSeriousViolations(browser, "data-quality page");

        // when they follow one of our patients' links, then that patient's page opens
        String patient = "pt-roles-" + run + "-1";
        WebElement link = browser.findElement(By.linkText(patient));
        link.sendKeys(Keys.ENTER);
        Browser.waitFor(browser, By.id("patient-id"));
        assertThat(browser.findElement(By.id("patient-id")).getText()).isEqualTo(patient);
    }

    @Test
    @Order(6)
    void shouldShowOpsEachServicesHealthAndTheDashboard() {
        Browser.signIn(browser, system, "ops");
        browser.get(system.webAppUrl() + "/ops");
        Browser.waitFor(browser, By.id("health"));

        // every service the stack runs answers UP, as its own health endpoint says
        List<WebElement> rows = browser.findElements(By.cssSelector("#health tbody tr"));
        assertThat(rows)
                .extracting(row -> row.getAttribute("data-service"))
                .containsExactly("authorization-server", "intake-service", "treatment-service", "outcomes-service");
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).isEqualTo("UP"));
        assertThat(browser.findElement(By.id("grafana")).getAttribute("href")).contains("/d/footdrop-overview");
        Accessibility.assertNoSeriousViolations(browser, "ops page");
    }

    @Test
    @Order(7)
    void shouldFitAPhoneAndPrintEachPageAndReachItsControlsWithTheKeyboard() {
        String[][] pages = {
            {"admin", "/admin", "start-rebuild"},
            {"ops", "/ops", "grafana"},
            {"analyst", "/safety", "adverse-title"},
            {"clinician", "/data-quality", "page"}
        };
        for (String[] page : pages) {
            browser.manage().deleteAllCookies();
            Browser.signIn(browser, system, page[0]);
            Browser.phoneWidth(browser);
            browser.get(system.webAppUrl() + page[1]);
            Browser.waitFor(browser, By.id(page[2]));
            // no wider than a 390 px screen
            Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("%s at 390 px", page[1]).isLessThanOrEqualTo(390);
            // the keyboard reaches the page's links, buttons and tables
            List<String> reached = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                reached.add(String.valueOf(browser.executeScript(
                        "var e = document.activeElement; return (e.id || '') + '|' + e.tagName;")));
            }
            if (page[1].equals("/admin")) {
                assertThat(reached).as("Tab on %s", page[1]).contains("start-rebuild|BUTTON");
            } else if (page[1].equals("/ops")) {
                assertThat(reached).as("Tab on %s", page[1]).contains("grafana|A");
            } else {
                assertThat(reached).as("Tab on %s", page[1]).anyMatch(r -> r.endsWith("|A") || r.endsWith("|DIV"));
            }
            // printed: no header, no forms, the content stays
            Browser.viewport(browser, 1280, 900, false);
            Browser.printMedia(browser);
            assertThat(browser.findElement(By.cssSelector("header.site-header")).isDisplayed())
                    .isFalse();
            assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
            browser.findElements(By.tagName("form"))
                    .forEach(form -> assertThat(form.isDisplayed()).isFalse());
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    @Order(8)
    void shouldStartAProjectionRebuildAndFollowItToTheSwitch() throws Exception {
        // given an admin on the admin page
        Browser.signIn(browser, system, "admin");
        browser.get(system.webAppUrl() + "/admin");
        Browser.waitFor(browser, By.id("start-rebuild"));
        Instant pressed = Instant.now();

        // when they start a rebuild
        browser.findElement(By.id("start-rebuild")).click();

        // then the page says it started, and follows it, without a reload, until the switch
        Browser.waitFor(browser, By.id("done"));
        assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("Projection rebuild started.");
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d ->
                        "SWITCHED".equals(d.findElement(By.id("rebuild-state")).getText()));
        // and the numbers it shows are the service's for this rebuild
        JsonNode api = adminRead("outcomes", "/api/v1/admin/projection-rebuilds/current");
        assertThat(api.path("state").asString()).isEqualTo("SWITCHED");
        assertThat(Instant.parse(api.path("startedAt").asString())).isAfter(pressed.minusSeconds(1));
        assertThat(browser.findElement(By.id("rebuild-replayed")).getText())
                .isEqualTo(api.path("replayed").asString());
        assertThat(browser.findElement(By.id("rebuild-total")).getText())
                .isEqualTo(api.path("total").asString());
        assertThat(api.path("replayed").asLong()).isPositive();
        Browser.viewport(browser, 1280, 1300, false);
        Files.copy(
                Browser.screenshot(browser, "admin-page"),
                RunningSystem.repoRoot().resolve("system-tests/target/admin-page.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The poison record's first dead letter (a re-drive of it makes another). */
    private static JsonNode deadLetter() throws Exception {
        JsonNode first = null;
        for (JsonNode letter : adminRead("outcomes", "/api/v1/admin/dead-letters")) {
            if (poisonKey.equals(letter.path("patientId").asString())
                    && (first == null
                            || letter.path("offset").asLong()
                                    < first.path("offset").asLong())) {
                first = letter;
            }
        }
        return first;
    }

    private static JsonNode safetyGroup(String solution) throws Exception {
        var response = system.send("GET", "outcomes", "/api/v1/cohorts/safety", null, "analyst");
        if (response.statusCode() != 200) {
            return null;
        }
        for (JsonNode group : EventJson.mapper().readTree(response.body()).path("groups")) {
            if (group.path("solution").asString().equals(solution)
                    && group.path("technique").asString().equals("NERVE_HYDRODISSECTION")) {
                return group;
            }
        }
        return null;
    }

    private static JsonNode adminRead(String service, String path) throws Exception {
        return read(service, path, "admin");
    }

    private static JsonNode analystRead(String path) throws Exception {
        return read("outcomes", path, "analyst");
    }

    private static JsonNode clinicianRead(String path) throws Exception {
        return read("outcomes", path, "clinician");
    }
}
