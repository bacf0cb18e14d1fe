package org.footdrop.webapp.security;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.footdrop.webapp.WebProperties;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.TreatmentApi;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/** The web app's access rules, headers and pages, with outcomes-service answered by a stand-in. */
@SpringBootTest
@AutoConfigureMockMvc
class WebAppSecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    WebProperties web;

    @MockitoBean
    OutcomesApi outcomes;

    @MockitoBean
    TreatmentApi treatment;

    private static RequestPostProcessor person(Role role) {
        return oidcLogin()
                .idToken(token -> token.subject("local-" + role.scope()))
                .authorities(new SimpleGrantedAuthority(role.authority()));
    }

    @Test
    void shouldSendSomeoneNotSignedInToSignIn() throws Exception {
        // when a page is opened without a session, then the browser goes to the authorization request
        mvc.perform(get("/patients/fd-pt-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/clinic"));
    }

    @Test
    void shouldAskForTheCodeWithPkceAtTheBrowserFacingIssuer() throws Exception {
        // when sign-in starts, then the browser is sent to the issuer with an S256 code challenge
        mvc.perform(get("/oauth2/authorization/clinic"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(
                                "Location",
                                Matchers.allOf(
                                        Matchers.startsWith("http://localhost:9000/oauth2/authorize?"),
                                        Matchers.containsString("client_id=clinic-web"),
                                        Matchers.containsString("code_challenge="),
                                        Matchers.containsString("code_challenge_method=S256"))));
    }

    @Test
    void shouldAnswerAnotherRoleWithTheForbiddenPage() throws Exception {
        // given an analyst, when they open a clinician's page, then a clear page, no stack trace
        mvc.perform(get("/patients").with(person(Role.ANALYST)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(get("/forbidden").with(person(Role.ANALYST)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("This page is not for your role")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    @Test
    void shouldSendACspWithoutInlineScriptAndAnHttpOnlyFreeOfTokensPage() throws Exception {
        // when a clinician opens the search page
        mvc.perform(get("/patients").with(person(Role.CLINICIAN)))
                // then the policy allows scripts from this origin only
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                Matchers.allOf(
                                        Matchers.containsString("script-src 'self';"),
                                        Matchers.not(Matchers.containsString("unsafe-eval")),
                                        Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void shouldRefuseSignOutWithoutTheCsrfToken() throws Exception {
        // when sign-out is posted without the session's CSRF token, then it is refused, saying nothing was done
        mvc.perform(post("/logout").with(person(Role.CLINICIAN)))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/form-expired"));
        // and with it, the person is sent on to end the authorization server's session too, naming it
        mvc.perform(post("/logout")
                        .with(oidcLogin()
                                .clientRegistration(registrations.findByRegistrationId(WebProperties.REGISTRATION_ID))
                                .idToken(token -> token.subject("local-clinician"))
                                .authorities(new SimpleGrantedAuthority(Role.CLINICIAN.authority())))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(
                                HttpHeaders.LOCATION,
                                Matchers.startsWith(web.issuer() + "/connect/logout?id_token_hint=")));
    }

    @Test
    void shouldRefuseAScriptsPollAfterTheSessionEndedWithoutSendingItToSignIn() throws Exception {
        // the admin page's script asks for the rebuild's progress after its session has ended: it is refused,
        // not redirected to sign in (which would start a sign-in behind the person's back)
        mvc.perform(get("/admin/projection-rebuilds/current").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION));
        // while a page opened in the browser is sent to sign in, as before
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection());
    }

    @Test
    void shouldSayNothingWasDoneWhenAFormOutlivedItsSession() throws Exception {
        // given an admin page left open until its session ended: its form carries a token no session knows
        mvc.perform(post("/admin/projection-rebuilds").with(csrf().useInvalidToken()))
                // then the action is refused with the page that says why, not the other-role page
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/form-expired"));
        // and the page itself is there for anyone, signed in or not
        mvc.perform(get("/form-expired"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Nothing was done")));
    }

    @Test
    void shouldShowThePatientAsTheApiAnswersIt() throws Exception {
        // given outcomes-service's example answer
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/patient-outcomes-example.json"));
        when(outcomes.patient("fd-pt-000123")).thenReturn(Optional.of(answer));
        when(treatment.injectionDetails("fd-pt-000123"))
                .thenReturn(
                        java.util.Map.of("3c9a7e1b-4f2d-4a8c-b6e1-9d2f5a7c3b18", "COMMON_FIBULAR_NERVE, ULTRASOUND"));
        when(outcomes.findings(anyString()))
                .thenReturn(List.of(new OutcomesApi.Finding("MISSING_BASELINE", "no baseline")));
        // when a clinician opens the patient, then the page shows the API's numbers and no script inline
        mvc.perform(get("/patients/fd-pt-000123").with(person(Role.CLINICIAN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("FIBULAR_NERVE_AT_KNEE")))
                .andExpect(content().string(Matchers.containsString("responded on day 42")))
                .andExpect(content().string(Matchers.containsString("data-responder-line=\"0.72\"")))
                .andExpect(content().string(Matchers.containsString("MISSING_BASELINE")))
                .andExpect(content().string(Matchers.containsString("COMMON_FIBULAR_NERVE, ULTRASOUND")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>"))));
    }

    @Test
    void shouldSayWhyAnUntreatedPatientsAssessmentsAreNotDrawn() throws Exception {
        // given a patient assessed twice but not injected yet: the API leaves every measure undrawn, with why
        var answer = JsonMapper.builder().build().readTree("""
                {"patientId":"fd-pt-untreated","diagnosisPending":false,"injections":[],"therapies":[],
                 "measures":{
                   "gaitSpeedComfortable":{"values":[],"windows":{},
                     "exclusion":{"code":"NO_DAY_0","reason":"no injection yet: no day 0"}},
                   "lefs":{"values":[],"windows":{},
                     "exclusion":{"code":"NO_DAY_0","reason":"no injection yet: no day 0"}}},
                 "records":[
                   {"kind":"DIAGNOSIS","recordId":"d1","revision":1,"voided":false},
                   {"kind":"ASSESSMENT","recordId":"a1","revision":1,"voided":false},
                   {"kind":"ASSESSMENT","recordId":"a2","revision":2,"voided":false},
                   {"kind":"ASSESSMENT","recordId":"a3","revision":2,"voided":true}],
                 "definitions":{"responderThresholds":{},"windows":[]}}
                """);
        when(outcomes.patient("fd-pt-untreated")).thenReturn(Optional.of(answer));
        when(outcomes.findings(anyString())).thenReturn(List.of());

        // then the page says how many were recorded and why they are not drawn, not that none were
        mvc.perform(get("/patients/fd-pt-untreated").with(person(Role.CLINICIAN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2 assessments recorded, not drawn:")))
                .andExpect(content().string(Matchers.containsString("no injection yet: no day 0")))
                .andExpect(content().string(Matchers.containsString("gaitSpeedComfortable, lefs")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("No assessments recorded"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Never measured"))));
    }

    @Test
    void shouldShowThePatientsCourseWhenTheOtherServicesDoNotAnswer() throws Exception {
        // given outcomes-service's answer, and neither the injection details nor the findings to be had
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/patient-outcomes-example.json"));
        when(outcomes.patient("fd-pt-000124")).thenReturn(Optional.of(answer));
        when(treatment.injectionDetails("fd-pt-000124"))
                .thenThrow(new ResourceAccessException("I/O error: Read timed out"));
        when(outcomes.findings("fd-pt-000124")).thenThrow(new ResourceAccessException("I/O error: Connection refused"));

        // then the course is shown, saying what is missing and why
        mvc.perform(get("/patients/fd-pt-000124").with(person(Role.CLINICIAN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("responded on day 42")))
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "Where and how each injection was given is not shown: treatment-service did not answer.")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "The data-quality findings could not be read: outcomes-service did not answer.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("No data-quality finding"))));
    }

    @Test
    void shouldRefuseAMalformedPatientIdNamingTheFieldAndMarkingIt() throws Exception {
        for (String search : List.of("/patients?patientId=a b", "/patients/a$b")) {
            mvc.perform(get(search).with(person(Role.CLINICIAN)))
                    .andExpect(status().isBadRequest())
                    .andExpect(
                            content()
                                    .string(
                                            Matchers.containsString(
                                                    "Patient id: must be 1 to 64 letters, digits, &#39;.&#39;, &#39;_&#39; or &#39;-&#39;.")))
                    .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")))
                    .andExpect(content().string(Matchers.containsString("aria-describedby=\"patient-id-problem\"")))
                    .andExpect(content().string(Matchers.containsString("id=\"patient-id-problem\"")));
        }
        // and a well-formed id is taken to its page, the field not marked
        mvc.perform(get("/patients?patientId=fd-pt-1").with(person(Role.CLINICIAN)))
                .andExpect(redirectedUrl("/patients/fd-pt-1"));
    }

    @Test
    void shouldSignThePersonInAgainWhenTheirTokenCanNoLongerBeRefreshed() throws Exception {
        // given a session whose refresh token the authorization server refuses (expired, or lost in a restart)
        when(outcomes.patient("fd-pt-000125"))
                .thenThrow(new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "clinic"));
        MockHttpSession session = new MockHttpSession();

        // then the page is opened again, which signs the person in again and brings them back
        mvc.perform(get("/patients/fd-pt-000125").session(session).with(person(Role.CLINICIAN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/patients/fd-pt-000125"));
        // and should that fail again within the minute (back from signing in, with Spring Security's ?continue),
        // the page says so and links to it, not round again; its header is the person's as on every page
        mvc.perform(get("/patients/fd-pt-000125?continue").session(session).with(person(Role.CLINICIAN)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.containsString("Please sign in again")))
                .andExpect(content().string(Matchers.containsString("href=\"/patients/fd-pt-000125?continue\"")))
                .andExpect(content().string(Matchers.containsString("id=\"sign-out\"")));
    }

    @Test
    void shouldSignThePersonInAgainWhenARefreshedTokenCannotBeChecked() throws Exception {
        // a refresh whose new tokens could not be checked (the keys unreachable after a rotation): lost
        when(outcomes.patient("fd-pt-000127")).thenThrow(new JwtException("An error occurred while reading the keys"));
        mvc.perform(get("/patients/fd-pt-000127").with(person(Role.CLINICIAN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/patients/fd-pt-000127"));
    }

    @Test
    void shouldAnswerAScriptWithoutATokenAndNeverSendItToSignIn() throws Exception {
        // the admin page's poll, in a session whose token is gone: answered 401, no authorization request saved
        when(outcomes.rebuild()).thenThrow(new ClientAuthorizationRequiredException("clinic"));
        mvc.perform(get("/admin/projection-rebuilds/current")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .with(person(Role.ADMIN)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION));
    }

    @Test
    void shouldSayTheSignInServerCannotBeReachedWhenARefreshGetsNoAnswer() throws Exception {
        // a refresh whose token endpoint did not answer: the token stays, signing in again would not help
        when(outcomes.patient("fd-pt-000128"))
                .thenThrow(new ClientAuthorizationException(new OAuth2Error("invalid_token_response"), "clinic"));
        mvc.perform(get("/patients/fd-pt-000128").with(person(Role.CLINICIAN)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().string(Matchers.containsString("The sign-in server cannot be reached just now")))
                .andExpect(content().string(Matchers.containsString("href=\"/patients/fd-pt-000128\"")));
    }

    @Test
    void shouldSignInAgainWhenASecondaryReadRefusesTheToken() throws Exception {
        // the course reads, but treatment-service refuses the token: the person's, not a service away
        var answer =
                JsonMapper.builder().build().readTree(getClass().getResourceAsStream("/patient-outcomes-example.json"));
        when(outcomes.patient("fd-pt-000129")).thenReturn(Optional.of(answer));
        when(treatment.injectionDetails("fd-pt-000129"))
                .thenThrow(HttpClientErrorException.create(HttpStatus.UNAUTHORIZED, "Unauthorized", null, null, null));
        mvc.perform(get("/patients/fd-pt-000129").with(person(Role.CLINICIAN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/patients/fd-pt-000129"));
    }

    @Test
    void shouldSendAPersonWithoutATokenToSignInAsBefore() throws Exception {
        // a session without a token for the services: Spring Security's own redirect to the authorization request
        when(outcomes.patient("fd-pt-000126")).thenThrow(new ClientAuthorizationRequiredException("clinic"));
        mvc.perform(get("/patients/fd-pt-000126").with(person(Role.CLINICIAN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string(HttpHeaders.LOCATION, Matchers.containsString("/oauth2/authorize")));
    }

    @Test
    void shouldSayWhenNoSuchPatientIsKnown() throws Exception {
        when(outcomes.patient("fd-pt-none")).thenReturn(Optional.empty());
        mvc.perform(get("/patients/fd-pt-none").with(person(Role.CLINICIAN)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("No patient fd-pt-none")));
    }
}
