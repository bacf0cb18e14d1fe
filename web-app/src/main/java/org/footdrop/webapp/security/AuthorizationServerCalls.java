package org.footdrop.webapp.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Every call this server makes to the authorization server itself (token, refresh, JWK set, userinfo) goes
 * through Boot's HTTP client, the one the API clients use, so one setting reaches them all: under TLS,
 * {@code spring.http.clients.ssl.bundle} (SPRING_HTTP_CLIENTS_SSL_BUNDLE) names the bundle that trusts the CA.
 * Spring Security would otherwise build its own clients, which trust only the JVM's trust store.
 */
@Component
class AuthorizationServerCalls {

    private final ClientHttpRequestFactory requests;
    private final RestTemplate keySets;
    private final Map<String, JwtDecoder> idTokenDecoders = new ConcurrentHashMap<>();

    AuthorizationServerCalls(ClientHttpRequestFactory requests) {
        this.requests = requests;
        this.keySets = new RestTemplate(requests);
    }

    /** A decoder checking signatures against the JWK set at this address. */
    NimbusJwtDecoder keys(String jwkSetUri) {
        return NimbusJwtDecoder.withJwkSetUri(jwkSetUri).restOperations(keySets).build();
    }

    /** As Spring Security's OidcIdTokenDecoderFactory checks an ID token, with the keys fetched as above. */
    JwtDecoderFactory<ClientRegistration> idTokens() {
        return registration -> idTokenDecoders.computeIfAbsent(registration.getRegistrationId(), id -> {
            NimbusJwtDecoder decoder = keys(registration.getProviderDetails().getJwkSetUri());
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
    }

    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codes() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshes() {
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(tokenEndpoint());
        return client;
    }

    DefaultOAuth2UserService userInfo() {
        RestTemplate rest = new RestTemplate(requests);
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService service = new DefaultOAuth2UserService();
        service.setRestOperations(rest);
        return service;
    }

    /** What Spring Security's token clients build by default, on Boot's request factory. */
    private RestClient tokenEndpoint() {
        return RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
