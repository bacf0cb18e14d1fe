package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * What the web app's browser test classes share: one running system for the class, started once Chromium is
 * known to be there ({@link #startSystem}) and closed after the class; a fresh headless Chromium per test, with
 * downloads allowed into a folder of the test's own, that leaves a screenshot named after the test under
 * system-tests/target/browser-screenshots before it quits; reading an API as a role, and comparing its figures with the page's.
 */
abstract class BrowserFixture {

    @TempDir
    static Path data;

    static RunningSystem system;

    @TempDir
    Path profile;

    @TempDir
    Path downloads;

    ChromeDriver browser;

    private final String screenshotPrefix;
    private String screenshotName;

    /** @param screenshotPrefix put before each test's name in its screenshot's file name */
    BrowserFixture(String screenshotPrefix) {
        this.screenshotPrefix = screenshotPrefix;
    }

    /** Skips the class (or fails it under CI) without Chromium, before the system is started for nothing. */
    static RunningSystem startSystem(Map<String, String> environment) throws Exception {
        return startSystem(environment, Map.of());
    }

    /** As {@link #startSystem(Map)}, with settings for the authorization server too. */
    static RunningSystem startSystem(Map<String, String> environment, Map<String, String> authorizationServer)
            throws Exception {
        Browser.requireChromium();
        system = RunningSystem.start(data, environment, authorizationServer);
        return system;
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
            system = null;
        }
    }

    @BeforeEach
    void startBrowser(TestInfo info) {
        screenshotName = screenshotPrefix + info.getTestMethod().orElseThrow().getName();
        browser = Browser.start(profile);
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterEach
    void screenshotAndQuit() throws IOException {
        if (browser != null) {
            try {
                Browser.screenshot(browser, screenshotName);
            } finally {
                browser.quit();
            }
        }
    }

    void waitFor(By locator) {
        Browser.waitFor(browser, locator);
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** A service's answer to a role's token, read over HTTP as any client would; anything but 200 fails. */
    static JsonNode read(String service, String path, String role) throws Exception {
        HttpResponse<String> response = system.send("GET", service, path, null, role);
        assertThat(response.statusCode())
                .as("GET %s %s: %s", service, path, response.body())
                .isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    /** Both absent, or the same double: the page carries the API's figure at full precision. */
    static void assertSameNumber(String shown, String expected) {
        if (expected == null || expected.isEmpty()) {
            assertThat(shown == null ? "" : shown).isEmpty();
        } else {
            assertThat(shown).isNotNull();
            assertThat(Double.parseDouble(shown)).isEqualTo(Double.parseDouble(expected));
        }
    }
}
