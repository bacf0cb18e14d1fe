package org.footdrop.webapp.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.footdrop.webapp.security.Role;
import org.footdrop.webapp.services.AuthorizationServerApi;
import org.footdrop.webapp.services.IntakeApi;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.RefusedLines;
import org.footdrop.webapp.services.ServiceHealth;
import org.footdrop.webapp.services.TreatmentApi;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.HttpClientErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin, ops, safety and data-quality pages with the services answered by stand-ins: each page shows the
 * API's numbers, its actions are CSRF-protected POSTs, and every other role gets the forbidden page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RolePagesTest {

    /** outcomes-service's own documented examples, so these pages read the answers the API promises. */
    private static final Path EXAMPLES = Path.of("../outcomes-service/src/main/resources/openapi/examples");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OutcomesApi outcomes;

    @MockitoBean
    TreatmentApi treatment;

    @MockitoBean
    IntakeApi intake;

    @MockitoBean
    AuthorizationServerApi authorizationServer;

    private static RequestPostProcessor person(Role role) {
        return oidcLogin()
                .idToken(token -> token.subject("local-" + role.scope()))
                .authorities(new SimpleGrantedAuthority(role.authority()));
    }

    private static JsonNode example(String name) throws Exception {
        return JSON.readTree(Files.readString(EXAMPLES.resolve(name)));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void shouldShowAnAdminTheDeadLettersRebuildAndImportsWithCsrfProtectedButtons() throws Exception {
        // given a dead letter, a rebuild under way and an import with refusals
        when(outcomes.deadLetters()).thenReturn(json("""
                [{"partition":1,"offset":12,"patientId":"pt-x","reason":"TOO_LARGE","originalTopic":"intake.events.v1",
                  "deadLetteredAt":"2026-11-24T11:03:32Z","bytes":70123},
                 {"partition":0,"offset":3,"reason":"UNREADABLE","originalTopic":"intake.events.v1",
                  "deadLetteredAt":"2026-11-24T10:00:00Z","bytes":10,
                  "redrive":{"at":"2026-11-24T12:00:00Z","by":"local-admin","topic":"intake.events.v1","offset":99}}]
                """));
        when(outcomes.rebuild()).thenReturn(json("""
                {"state":"REPLAYING","replayed":4000,"total":100000,"poison":0,"startedAt":"2026-11-24T11:13:38Z"}
                """));
        when(intake.imports()).thenReturn(json("""
                [{"jobId":"0b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b","status":"RUNNING","system":"old-emr",
                  "startedBy":"clinical-writer","createdAt":"2026-11-24T11:00:00Z","linesToImport":2000,
                  "processed":1200,"accepted":1190,"alreadyPresent":0,"refused":10}]
                """));
        when(treatment.imports()).thenThrow(new HttpClientErrorException(HttpStatus.SERVICE_UNAVAILABLE));

        // when an admin opens the page
        mvc.perform(get("/admin").with(person(Role.ADMIN)))
                .andExpect(status().isOk())
                // then the dead letters without their contents, a re-drive form with the CSRF token for the
                // one not yet re-driven, and who re-drove the other
                .andExpect(content().string(Matchers.containsString("TOO_LARGE")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("pt-x"))))
                .andExpect(content().string(Matchers.containsString("/admin/dead-letters/1/12/redrive")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/admin/dead-letters/0/3/redrive"))))
                .andExpect(content().string(Matchers.containsString("by local-admin")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                // and the rebuild's progress, followed by the page's script while it runs
                .andExpect(content().string(Matchers.containsString("id=\"rebuild-replayed\">4000<")))
                .andExpect(content().string(Matchers.containsString("data-running=\"true\"")))
                // and the import with its refusals, and a clear word for the service that did not answer
                .andExpect(content().string(Matchers.containsString("class=\"processed\">1200<")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "/admin/imports/intake/0b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b/refusals")))
                .andExpect(content().string(Matchers.containsString("Could not read treatment-service&#39;s imports")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))));
    }

    @Test
    void shouldReDriveOnlyWithTheSessionsCsrfToken() throws Exception {
        // when the re-drive is posted without the CSRF token, then it is refused and nothing is re-driven
        mvc.perform(post("/admin/dead-letters/1/12/redrive").with(person(Role.ADMIN)))
                .andExpect(status().isForbidden());
        verify(outcomes, never()).redrive(1, 12L);
        // and with it, the dead letter is re-driven and the admin is back on the page with the outcome
        when(outcomes.redrive(1, 12L)).thenReturn(json("{\"partition\":1,\"offset\":12}"));
        mvc.perform(post("/admin/dead-letters/1/12/redrive")
                        .with(person(Role.ADMIN))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin#dead-letters"))
                .andExpect(flash().attribute("done", "Dead letter 1/12 re-driven to its topic."));
        verify(outcomes).redrive(1, 12L);
    }

    @Test
    void shouldSayWhyARebuildWasRefused() throws Exception {
        // given a rebuild already running
        when(outcomes.startRebuild())
                .thenThrow(HttpClientErrorException.create(
                        HttpStatus.CONFLICT,
                        "Conflict",
                        HttpHeaders.EMPTY,
                        "{\"status\":409,\"detail\":\"A rebuild is already running\"}".getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
        // when an admin starts another, then the page says the service's reason
        mvc.perform(post("/admin/projection-rebuilds").with(person(Role.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin#rebuild"))
                .andExpect(flash().attribute(
                                "problem", "Starting a rebuild was refused (409): A rebuild is already running"));
    }

    @Test
    void shouldShowAnImportsRefusedLinesWithTheirFields() throws Exception {
        String job = "0b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
        when(intake.importRefusals(job, AdminController.REFUSALS_SHOWN))
                .thenReturn(new RefusedLines(List.of("""
                                {"line":3,"kind":"assessment","key":"as-9","problem":{"title":"Invalid request",\
                                "status":400,"errors":[{"field":"measures.lefs","reason":"must be between 0 and 80"}]}}\
                                """), false));
        mvc.perform(get("/admin/imports/intake/" + job + "/refusals").with(person(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("measures.lefs: must be between 0 and 80")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("the job refused more"))))
                .andExpect(
                        content().string(Matchers.containsString("/admin/imports/intake/" + job + "/refusals.ndjson")));
        // and an address naming no known service or job is no page at all
        mvc.perform(get("/admin/imports/billing/" + job + "/refusals").with(person(Role.ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/imports/billing/" + job + "/refusals.ndjson").with(person(Role.ADMIN)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldShowTheFirstRefusalsOfAJobRefusedAtLengthAndDownloadThemAll() throws Exception {
        // given a job that refused more lines than the page shows
        String job = "1b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
        String refusal =
                "{\"line\":%d,\"kind\":\"injection\",\"key\":\"in-%d\",\"problem\":{\"title\":\"Invalid request\"}}";
        List<String> first = IntStream.rangeClosed(1, AdminController.REFUSALS_SHOWN)
                .mapToObj(i -> refusal.formatted(i, i))
                .toList();
        when(treatment.importRefusals(job, AdminController.REFUSALS_SHOWN)).thenReturn(new RefusedLines(first, true));
        String all = IntStream.rangeClosed(1, 3 * AdminController.REFUSALS_SHOWN)
                .mapToObj(i -> refusal.formatted(i, i) + "\n")
                .collect(Collectors.joining());
        when(treatment.copyImportRefusals(eq(job), any())).thenAnswer(call -> {
            Supplier<OutputStream> out = call.getArgument(1);
            byte[] bytes = all.getBytes(StandardCharsets.UTF_8);
            out.get().write(bytes);
            return (long) bytes.length;
        });

        // then its page says so and shows the first ones
        mvc.perform(get("/admin/imports/treatment/" + job + "/refusals").with(person(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("The first " + AdminController.REFUSALS_SHOWN
                                + " refused lines are shown; the job refused more.")))
                .andExpect(content().string(Matchers.containsString(">in-" + AdminController.REFUSALS_SHOWN + "<")))
                .andExpect(content().string(Matchers.containsString("Download all refused lines (NDJSON)")));

        // and the download relays every line, as an attachment
        mvc.perform(get("/admin/imports/treatment/" + job + "/refusals.ndjson").with(person(Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                HttpHeaders.CONTENT_DISPOSITION,
                                Matchers.containsString("treatment-import-" + job + "-refusals.ndjson")))
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andExpect(content().string(all));
        // an analyst may not download them
        mvc.perform(get("/admin/imports/treatment/" + job + "/refusals.ndjson").with(person(Role.ANALYST)))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldShowOpsEachServicesHealthAndTheDashboard() throws Exception {
        when(authorizationServer.health()).thenReturn(new ServiceHealth("authorization-server", "UP"));
        when(intake.health()).thenReturn(new ServiceHealth("intake-service", "UP"));
        when(treatment.health()).thenReturn(new ServiceHealth("treatment-service", "UNREACHABLE"));
        when(outcomes.health()).thenReturn(new ServiceHealth("outcomes-service", "UP"));
        mvc.perform(get("/ops").with(person(Role.OPS)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "data-service=\"treatment-service\" data-status=\"UNREACHABLE\"")))
                .andExpect(content().string(Matchers.containsString("At least one service is not UP.")))
                // a stack without the FHIR facade does not list it
                .andExpect(content().string(Matchers.not(Matchers.containsString("fhir-facade"))))
                .andExpect(content()
                        .string(Matchers.containsString("href=\"http://localhost:3000/d/footdrop-overview\"")));
    }

    @Test
    void shouldShowAnAnalystTheApisSafetyNumbersAndSuppressedGroupsAsSuppressed() throws Exception {
        when(outcomes.safety()).thenReturn(example("safety.json"));
        when(outcomes.dataQualitySummary()).thenReturn(example("data-quality-summary.json"));
        mvc.perform(get("/safety").with(person(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"injections\">342<")))
                // read as percentages with one decimal, as the cohort pages show proportions; the API's own
                // numbers stay in the row's data attributes for the chart
                .andExpect(content().string(Matchers.containsString("9.1% (6.5–12.6%)")))
                .andExpect(content().string(Matchers.containsString("data-rate=\"0.0906\"")))
                .andExpect(content().string(Matchers.containsString("data-suppressed=\"true\"")))
                .andExpect(content().string(Matchers.containsString("suppressed (fewer patients than the minimum)")))
                .andExpect(content().string(Matchers.containsString("MILD 29, MODERATE 2, SEVERE 0")))
                .andExpect(content().string(Matchers.containsString("ASSESSMENT_BEFORE_ONSET")))
                .andExpect(content().string(Matchers.containsString("Observational and unadjusted")));
    }

    @Test
    void shouldLinkAClinicianFromEachCheckToThePatientsPage() throws Exception {
        when(outcomes.dataQuality(2, 100)).thenReturn(example("data-quality.json"));
        mvc.perform(get("/data-quality").param("page", "2").with(person(Role.CLINICIAN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/patients/fd-pt-000457\"")))
                .andExpect(content().string(Matchers.containsString("href=\"/data-quality?page=2\"")));
        // a page that is no number is read as the first
        when(outcomes.dataQuality(1, 100)).thenReturn(example("data-quality.json"));
        mvc.perform(get("/data-quality").param("page", "x'1").with(person(Role.CLINICIAN)))
                .andExpect(status().isOk());
        verify(outcomes).dataQuality(1, 100);
    }

    @Test
    void shouldWriteLinksAsTheyAreAndStillServeTheChartLibraryWithoutAVersion() throws Exception {
        // given an analyst's page with its chart library
        when(outcomes.safety()).thenReturn(example("safety.json"));
        when(outcomes.dataQualitySummary()).thenReturn(example("data-quality-summary.json"));

        // then its address is written as the template has it: no link is looked up among the static resources
        mvc.perform(get("/safety").with(person(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("<script src=\"/webjars/echarts/dist/echarts.min.js\">")));
        // and the WebJar is served at that address, its version found on the classpath
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("echarts")));
    }

    @Test
    void shouldAnswerEveryOtherRoleWithTheForbiddenPage() throws Exception {
        String[][] pageAndOwner = {
            {"/admin", "ADMIN"}, {"/ops", "OPS"}, {"/safety", "ANALYST"}, {"/data-quality", "CLINICIAN"}
        };
        for (String[] each : pageAndOwner) {
            for (Role role : Role.values()) {
                if (role.name().equals(each[1])) {
                    continue;
                }
                mvc.perform(get(each[0]).with(person(role)))
                        .andExpect(status().isForbidden())
                        .andExpect(forwardedUrl("/forbidden"));
            }
        }
        // and no other role can post an admin's action, even with the CSRF token
        mvc.perform(post("/admin/projection-rebuilds").with(person(Role.OPS)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(outcomes, never()).startRebuild();
    }

    @Test
    void shouldShowEachRoleOnlyItsOwnLinks() throws Exception {
        mvc.perform(get("/").with(person(Role.ADMIN)))
                .andExpect(content().string(Matchers.containsString("href=\"/admin\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/ops\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("href=\"/safety\""))));
    }
}
