package org.footdrop.auth.federation;

import org.footdrop.auth.user.ExternalSignIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Signing in through the clinic's provider inside the authorization server (Spring Security's
 * oauth2Login): the sign-in page links to {@link #START}, the provider returns to {@link #RETURN},
 * and the person then goes on to the authorization request that sent them to sign in, exactly as
 * after the form. The provider's tokens stay in the sign-in session only; ours are what the web
 * app and the services get.
 */
public final class Federation {

    private static final Logger log = LoggerFactory.getLogger(Federation.class);

    static final String START = "/oauth2/authorization";
    static final String RETURN = "/login/oauth2/code";

    private final UpstreamRegistration registration;
    private final FederatedPeople people;

    Federation(UpstreamRegistration registration, FederatedPeople people) {
        this.registration = registration;
        this.people = people;
    }

    /** The requests this adds to the sign-in chain. */
    public RequestMatcher requests() {
        return new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(START + "/" + FederationProperties.REGISTRATION_ID),
                PathPatternRequestMatcher.withDefaults().matcher(RETURN + "/" + FederationProperties.REGISTRATION_ID));
    }

    /**
     * What checks the provider's answer: the code exchanged for its tokens, its ID token verified,
     * the person made one of ours. For the sign-in chain's own authentication manager, which
     * replaces the one oauth2Login would build.
     */
    public AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), people);
    }

    /**
     * Adds the sign-in through the provider to the sign-in chain: on success on to the saved
     * authorization request (or {@code signedInWithoutRequest}), on refusal back to the page with why.
     */
    public void configure(HttpSecurity http, String loginPage, String signedInWithoutRequest) {
        AuthenticationFailureHandler backToThePage = (request, response, exception) -> {
            boolean refused = exception instanceof OAuth2AuthenticationException oauth
                    && (FederatedPeople.NO_ROLE.equals(oauth.getError().getErrorCode())
                            || FederatedPeople.BAD_NAME.equals(oauth.getError().getErrorCode()));
            if (!refused) {
                // the OAuth2 error code and the exception's kind only: the description is the provider's
                // text (or a caller's, in a forged callback), which must not reach the log as it is
                log.warn(
                        "Signing in through the clinic's provider failed: {} ({})",
                        exception instanceof OAuth2AuthenticationException oauth
                                ? abbreviated(oauth.getError().getErrorCode().replaceAll("[^A-Za-z0-9_.-]", "?"))
                                : "no OAuth2 error code",
                        exception.getClass().getSimpleName());
            }
            new SimpleUrlAuthenticationFailureHandler(
                            loginPage + "?" + (refused ? ExternalSignIn.REFUSED : ExternalSignIn.FAILED))
                    .onAuthenticationFailure(request, response, exception);
        };
        http.oauth2Login(login -> login.loginPage(loginPage)
                .clientRegistrationRepository(registration)
                // kept in the sign-in session and gone with it, never in a store that grows
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people))
                .defaultSuccessUrl(signedInWithoutRequest)
                .failureHandler(backToThePage)
                // the provider unreachable on the way out (its discovery document): the page, not a 500
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(backToThePage);
                        return filter;
                    }
                }));
    }

    private static String abbreviated(String code) {
        return code.length() <= 64 ? code : code.substring(0, 64) + "...";
    }
}
