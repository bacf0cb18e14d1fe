package org.footdrop.support.security;

import java.net.http.HttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/**
 * Fetches the JWK set with the trust of an SSL bundle when {@code footdrop.auth.jwks.ssl.bundle}
 * (FOOTDROP_AUTH_JWKS_SSL_BUNDLE) names one: the authorization server behind HTTPS with a private
 * CA. Boot's decoder otherwise uses a bare RestTemplate, which trusts only the JVM's trust store,
 * and has no property for this. Without the property nothing changes.
 */
@AutoConfiguration
@ConditionalOnProperty("footdrop.auth.jwks.ssl.bundle")
public class JwksTlsConfiguration {

    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer jwkSetOverTls(
            SslBundles bundles, @Value("${footdrop.auth.jwks.ssl.bundle}") String bundle) {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(bundles.getBundle(bundle).createSslContext())
                .build();
        RestTemplate rest = new RestTemplate(new JdkClientHttpRequestFactory(client));
        return builder -> builder.restOperations(rest);
    }
}
