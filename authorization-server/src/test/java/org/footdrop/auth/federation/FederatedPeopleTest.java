package org.footdrop.auth.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
