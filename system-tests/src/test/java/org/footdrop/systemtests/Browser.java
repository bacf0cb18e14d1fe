package org.footdrop.systemtests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.footdrop.stack.LocalAuthorizationServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver (installed by .ci/run), headless, with a fresh profile each time. No
 * devtools module: Debian's Chromium moves with security updates, so emulation goes through chromedriver's
 * own CDP command instead of Selenium's versioned bindings.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FOOTDROP_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("FOOTDROP_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where each test leaves its screenshots. */
    static final Path SCREENSHOTS = RunningSystem.repoRoot().resolve("system-tests/target/browser-screenshots");

    private Browser() {}

    /** Skips, saying why, where Chromium is missing; under CI (CI=true) fails instead: CI must run these. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): .ci/run installs Debian's chromium and chromium-driver");
        }
        assumeTrue(
                present,
                "browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
    }

    /** A new headless browser with an empty profile of its own, 1280 px wide. */
    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** The viewport as a phone's: 390 CSS pixels wide. */
    static void phoneWidth(ChromeDriver driver) {
        viewport(driver, 390, 844, true);
    }

    static void viewport(ChromeDriver driver, int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Renders the page as for printing (CSS print media). */
    static void printMedia(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Signs the local person in through the authorization server's form, starting at the web app, and waits
     * for the web app's header.
     */
    static void signIn(ChromeDriver driver, RunningSystem system, String role) {
        String user = LocalAuthorizationServer.localUser(role);
        driver.get(system.webAppUrl() + "/");
        waitFor(driver, By.id("username"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(LocalAuthorizationServer.localDefaultPassword(user));
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(driver, By.cssSelector("header.site-header"));
    }

    static void waitFor(ChromeDriver driver, By locator) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }
}
