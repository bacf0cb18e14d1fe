package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.footdrop.stack.FreePorts;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.ReadinessProbe;
import org.footdrop.stack.ServiceJars;
import org.footdrop.stack.ServiceProcess;
import org.footdrop.stack.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clinic's own single sign-on, end to end in a real browser: a second authorization server (our
 * own, another JVM on 127.0.0.1 with its own people) plays the clinic's OpenID Connect provider; the
 * system's authorization server federates it. A clinician of that clinic opens a patient's page in
 * the web app, chooses "Sign in with" on our sign-in page, signs in at the clinic's, and sees the
 * patient's page under their own name, which only the clinician role may open.
 */
@Tag("system")
class FederatedSignInBrowserTest {

    private static final String SSO_NAME = "Example Clinic SSO";
    private static final String UPSTREAM_SECRET = "upstream-client-secret";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    static RunningSystem system;
    static ServiceProcess clinicsProvider;
    static String patientId;

    @TempDir
    Path profile;

    @BeforeAll
    static void startTheClinicsProviderAndTheSystem() throws Exception {
        Browser.requireChromium();
        ServiceSpec upstream = LocalAuthorizationServer.SPEC.onPort(FreePorts.next());
        // 127.0.0.1, not localhost: its session cookie must not meet ours (cookies ignore ports)
        String upstreamIssuer = "http://127.0.0.1:" + upstream.port();
        // the system's authorization server reads the provider's discovery document at the first sign-in,
        // so it can start first and the provider can be told where to send people back
        system = RunningSystem.startWithAuthorizationServer(
                data.resolve("system"),
                Map.of(
                        "FOOTDROP_AUTH_FEDERATION_NAME", SSO_NAME,
                        "FOOTDROP_AUTH_FEDERATION_ISSUER_URI", upstreamIssuer,
                        "FOOTDROP_AUTH_FEDERATION_CLIENT_ID", "clinic-web",
                        "FOOTDROP_AUTH_FEDERATION_CLIENT_SECRET", UPSTREAM_SECRET,
                        "FOOTDROP_AUTH_FEDERATION_ROLE_CLAIM", "role"));
        clinicsProvider = new ServiceProcess(
                upstream,
                "clinic-sso",
                ServiceJars.ofModule(RunningSystem.class),
                RunningSystem.repoRoot(),
                data,
                Map.of(
                        "FOOTDROP_AUTH_ISSUER",
                        upstreamIssuer,
                        "FOOTDROP_AUTH_WEB_CLIENT_SECRET",
                        UPSTREAM_SECRET,
                        "FOOTDROP_AUTH_WEB_CLIENT_REDIRECT_URI",
                        system.issuer() + "/login/oauth2/code/clinic-sso",
                        "SPRING_APPLICATION_JSON",
                        // a name with a dot is written in brackets
                        "{\"footdrop\":{\"auth\":{\"users\":{\"[n.shah]\":{\"role\":\"clinician\","
                                + "\"password\":\"n.shah-clinic-password\"}}}}}"),
                false);
        clinicsProvider.start();
        assertThat(new ReadinessProbe()
                        .await(
                                URI.create(upstream.readinessUrl()),
                                Duration.ofSeconds(120),
                                clinicsProvider::isAliveOrRestarting))
                .as("the clinic's provider; log: %s", clinicsProvider.log())
                .isEqualTo(ReadinessProbe.Outcome.READY);
        // and a patient recorded through the API, projected
        patientId = "pt-sso-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.post("intake", "/api/v1/diagnoses", """
                        {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"SCIATIC_NERVE"}
                        """.formatted(patientId))
                        .statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    HttpResponse<String> outcomes =
                            system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes");
                    return outcomes != null && outcomes.statusCode() == 200;
                });
    }

    @AfterAll
    static void stop() throws Exception {
        if (clinicsProvider != null) {
            clinicsProvider.kill();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldSignAClinicianInThroughTheClinicsProviderAndShowThemThePatientUnderTheirName() throws Exception {
        ChromeDriver browser = Browser.start(profile);
        try {
            // given a clinician of the clinic opening a patient's page, sent to our sign-in page
            browser.get(system.webAppUrl() + "/patients/" + patientId);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("single-sign-on")));
            assertThat(browser.getCurrentUrl()).startsWith(system.issuer() + "/login");
            assertThat(browser.findElement(By.id("single-sign-on")).getText()).isEqualTo("Sign in with " + SSO_NAME);

            // when they choose the clinic's sign-in and sign in there
            browser.findElement(By.id("single-sign-on")).click();
            wait.until(ExpectedConditions.urlContains("127.0.0.1:"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.findElement(By.id("username")).sendKeys("n.shah");
            browser.findElement(By.id("password")).sendKeys("n.shah-clinic-password");
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            // then they are back on the page they asked for, as themselves, with the clinician's page
            wait.withMessage(() -> "at " + browser.getCurrentUrl() + ": "
                            + browser.findElement(By.tagName("body")).getText() + "; logs: "
                            + system.log("authorization-server") + ", " + clinicsProvider.log())
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("patient-id")));
            Browser.screenshot(browser, "federated-sign-in");
            assertThat(browser.getCurrentUrl()).startsWith(system.webAppUrl() + "/patients/" + patientId);
            assertThat(browser.findElement(By.id("patient-id")).getText()).isEqualTo(patientId);
            assertThat(browser.findElement(By.cssSelector(".who strong")).getText())
                    .isEqualTo("n.shah");
        } finally {
            browser.quit();
        }
    }
}
