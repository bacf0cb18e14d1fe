package org.footdrop.systemtests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core in the page: injects axe.min.js (pinned in tools/axe-core/package-lock.json, installed by `npm ci
 * --prefix tools/axe-core` as .ci/run does, never fetched at test time), runs every rule on the whole
 * document and fails on each serious or critical violation with its rule, help and the elements it found.
 */
final class Accessibility {

    static final Path AXE = RunningSystem.repoRoot().resolve("tools/axe-core/node_modules/axe-core/axe.min.js");

    /** axe only reads the page; this bounds a run on a page that never settles. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (results) {
              done(results.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                          targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                }));
            }, function (error) { done('axe failed: ' + error); });
            """;

    private static String source;

    private Accessibility() {}

    /** Skips, saying why, where axe-core is not installed; under CI (CI=true) fails instead: CI must run it. */
    static void requireAxe() {
        boolean present = Files.isRegularFile(AXE);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but axe-core is missing (" + AXE + "): .ci/run runs npm ci --prefix tools/axe-core");
        }
        assumeTrue(present, "browser tests skipped: no " + AXE + " (npm ci --prefix tools/axe-core)");
    }

    /** Fails listing every serious or critical axe-core violation on the page the browser shows now. */
    static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<String> found = seriousViolations(driver);
        if (!found.isEmpty()) {
            fail("axe-core found " + found.size() + " serious or critical violation(s) on the " + page + ":\n  "
                    + String.join("\n  ", found));
        }
    }

    /** Each serious or critical violation as "id (impact): help [helpUrl] at selector, selector". */
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(RUN_LIMIT);
        // The page's CSP does not apply to WebDriver's own script evaluation, so no inline script is needed.
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript(RUN);
        if (!(result instanceof List<?> violations)) {
            throw new AssertionError(String.valueOf(result));
        }
        List<String> found = new ArrayList<>();
        for (Object each : violations) {
            Map<?, ?> violation = (Map<?, ?>) each;
            found.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help") + " ["
                    + violation.get("helpUrl") + "] at " + violation.get("targets"));
        }
        return found;
    }

    private static synchronized String axeSource() {
        if (source == null) {
            try {
                source = Files.readString(AXE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + AXE, e);
            }
        }
        return source;
    }
}
