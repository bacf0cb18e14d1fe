package org.footdrop.auth.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

class FederatedPeopleTest {

    private static final Map<String, String> GROUPS = Map.of(
            "physio-team", "clinician",
            "research", "analyst",
            "it-ops", "ops");

    @Test
    void shouldMapAListOfGroupsToTheOneRoleTheyName() {
        // when
        var roles = FederatedPeople.roles(List.of("all-staff", "physio-team"), GROUPS);

        // then
        assertThat(roles).containsExactly("clinician");
    }

    @Test
    void shouldReadASpaceSeparatedClaimAndFindEveryRoleItMapsTo() {
        // when
        var roles = FederatedPeople.roles("research physio-team", GROUPS);

        // then the caller refuses two roles
        assertThat(roles).containsExactly("analyst", "clinician");
    }

    @Test
    void shouldTakeTheClaimsValuesAsOurRoleNamesWithoutAMappingButNeverClinicalWriter() {
        // when
        var direct = FederatedPeople.roles("admin", Map.of());
        var systemsOnly = FederatedPeople.roles("clinical-writer", Map.of());
        var missing = FederatedPeople.roles(null, Map.of());

        // then
        assertThat(direct).containsExactly("admin");
        assertThat(systemsOnly).isEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldIgnoreValuesTheMappingDoesNotName() {
        // when
        var roles = FederatedPeople.roles(List.of("admin", "visitors"), GROUPS);

        // then a value that happens to be a role name is not taken when there is a mapping
        assertThat(roles).isEmpty();
    }

    @Test
    void shouldRefuseASettingThatMapsToSomethingNotAPersonRole() {
        // when / then
        assertThatThrownBy(() -> new FederationProperties(
                        "SSO",
                        "https://sso.clinic.example",
                        "footdrop",
                        "secret",
                        null,
                        null,
                        "groups",
                        Map.of("integrations", "clinical-writer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("footdrop.auth.federation.role-mapping.integrations");
        assertThatThrownBy(() -> new FederationProperties(
                        "SSO", "https://sso.clinic.example", "footdrop", "secret", null, null, null, null))
                .hasMessageContaining("role-claim");
    }

    @Test
    void shouldBeOffWithoutAnIssuerAndNotAskForTheRest() {
        // when
        FederationProperties off = new FederationProperties(null, " ", null, null, null, null, null, null);

        // then
        assertThat(off.enabled()).isFalse();
        assertThat(off.userNameClaim()).isEqualTo("sub");
        assertThat(off.scopes()).containsExactly("openid");
    }

    @Test
    void shouldRefuseANameThePersonMaySetThemselvesOrThatALocalUserHas() {
        // given a provider that names people by e-mail, and a local user dr.grey
        FederationProperties byEmail = new FederationProperties(
                "SSO", "https://sso.clinic.example", "footdrop", "secret", null, "email", "groups", GROUPS);
        Predicate<String> local = name -> name.equalsIgnoreCase("dr.grey");

        // when / then an unverified address is no name, nor is a local user's
        assertThatThrownBy(() -> people(byEmail, local, Map.of("email", "n.shah@clinic.example", "groups", "research")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("not verified");
        assertThatThrownBy(() -> people(
                        byEmail,
                        local,
                        Map.of("email", "n.shah@clinic.example", "email_verified", "false", "groups", "research")))
                .hasMessageContaining("not verified");
        FederationProperties byUsername = new FederationProperties(
                "SSO",
                "https://sso.clinic.example",
                "footdrop",
                "secret",
                null,
                "preferred_username",
                "groups",
                GROUPS);
        assertThatThrownBy(
                        () -> people(byUsername, local, Map.of("preferred_username", "DR.Grey", "groups", "research")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("a local user or a client of this server has the same name");

        // and a verified address that is no local user's signs in, with its one role
        OidcUser shah = people(
                byEmail, local, Map.of("email", "n.shah@clinic.example", "email_verified", true, "groups", "research"));
        assertThat(shah.getName()).isEqualTo("n.shah@clinic.example");
        assertThat(shah.getAuthorities()).extracting(Object::toString).contains("ROLE_analyst");
    }

    /** The person the provider signed in with these claims, as we take them. */
    private static OidcUser people(FederationProperties settings, Predicate<String> local, Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "upstream-subject-1");
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("upstream-id-token", now, now.plusSeconds(300), all);
        OAuth2UserService<OidcUserRequest, OidcUser> provider =
                request -> new DefaultOidcUser(List.of(), idToken, "sub");
        return new FederatedPeople(settings, provider, local, new SimpleMeterRegistry()).loadUser(null);
    }
}
