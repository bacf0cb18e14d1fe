package org.footdrop.auth.federation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.footdrop.auth.AuthProperties;
import org.footdrop.auth.user.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a person the clinic's provider signed in into one of ours: their name from
 * {@code user-name-claim}, their one role from {@code role-claim} (through {@code role-mapping} when
 * set) as the only authority, {@code ROLE_<role>}, exactly what a local user has, so the tokens we
 * issue them are the same kind. Someone with no role here, or with more than one, is refused.
 */
final class FederatedPeople implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code a refusal carries; the sign-in page explains it. */
    static final String NO_ROLE = "no_role";

    static final String BAD_NAME = "unusable_name";

    private static final Logger log = LoggerFactory.getLogger(FederatedPeople.class);

    /** As a local user name (AuthProperties): it becomes the tokens' sub and the services' audit subject. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final FederationProperties settings;
    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final Predicate<String> localUser;
    private final MeterRegistry meters;

    FederatedPeople(FederationProperties settings, Predicate<String> localUser, MeterRegistry meters) {
        this(settings, new OidcUserService(), localUser, meters);
    }

    /** @param localUser whether a local user of this server has the name (any case) */
    FederatedPeople(
            FederationProperties settings,
            OAuth2UserService<OidcUserRequest, OidcUser> provider,
            Predicate<String> localUser,
            MeterRegistry meters) {
        this.settings = settings;
        this.provider = provider;
        this.localUser = localUser;
        this.meters = meters;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser upstream = provider.loadUser(request);
        Map<String, Object> claims = upstream.getClaims();
        Object name = claims.get(settings.userNameClaim());
        if (!(name instanceof String person) || !USER_NAME.matcher(person).matches()) {
            refuse(BAD_NAME, "its claim " + settings.userNameClaim() + " is missing or not a usable user name");
            return null;
        }
        // the name is whom every read is audited under: one the person may set freely is no name
        if ("email".equals(settings.userNameClaim()) && !verified(claims.get("email_verified"))) {
            refuse(BAD_NAME, "its e-mail address is not verified (email_verified)");
        }
        if (localUser.test(person)) {
            refuse(BAD_NAME, "a local user or a client of this server has the same name");
        }
        Set<String> roles = roles(claims.get(settings.roleClaim()), settings.roleMapping());
        if (roles.size() != 1) {
            refuse(
                    NO_ROLE,
                    roles.isEmpty()
                            ? "no value of its claim " + settings.roleClaim() + " maps to a role"
                            : "its claim " + settings.roleClaim() + " maps to more than one role " + roles);
        }
        meters.counter("footdrop.auth.federation.sign-ins", "result", "signed_in")
                .increment();
        String role = roles.iterator().next();
        // The role, and when and how they signed in (the factor: our ID tokens' auth_time comes from it).
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(UserAccounts.ROLE_PREFIX + role));
        upstream.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .forEach(authorities::add);
        if (authorities.size() == 1) {
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
        }
        return new DefaultOidcUser(
                authorities, upstream.getIdToken(), upstream.getUserInfo(), settings.userNameClaim());
    }

    /**
     * Our person roles named by a claim's values: a string (space-separated values) or a list; each value
     * through the mapping when there is one, or taken as a role name when there is none.
     */
    static Set<String> roles(Object claim, Map<String, String> mapping) {
        List<String> values;
        if (claim instanceof Collection<?> many) {
            values = many.stream().map(String::valueOf).toList();
        } else if (claim instanceof String one) {
            values = List.of(one.strip().split("\\s+"));
        } else {
            values = List.of();
        }
        Set<String> roles = new TreeSet<>();
        for (String value : values) {
            String role = mapping.isEmpty() ? value : mapping.get(value);
            if (role != null && AuthProperties.USER_ROLES.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static boolean verified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    private void refuse(String code, String why) {
        meters.counter("footdrop.auth.federation.sign-ins", "result", code).increment();
        // Never the name: it may be someone who was not meant to get in at all.
        log.warn("A person signed in at {} was refused: {}", settings.issuerUri(), why);
        throw new OAuth2AuthenticationException(new OAuth2Error(code, why, null));
    }
}
