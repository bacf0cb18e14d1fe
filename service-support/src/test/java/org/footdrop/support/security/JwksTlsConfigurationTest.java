package org.footdrop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.support.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The JWK set client changes only when a bundle is named, and a misspelt bundle stops the start. */
class JwksTlsConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JwksTlsConfiguration.class));

    @Test
    void shouldLeaveTheDecodersClientAloneWithoutABundle() {
        runner.run(context -> assertThat(context).doesNotHaveBean(JwkSetUriJwtDecoderBuilderCustomizer.class));
    }

    @Test
    void shouldFetchTheJwkSetWithTheNamedBundle() {
        runner.withPropertyValues(
                        "footdrop.auth.jwks.ssl.bundle=client",
                        "spring.ssl.bundle.pem.client.truststore.certificate=file:"
                                + TestCertificates.shared().caCertificate())
                .run(context -> assertThat(context).hasSingleBean(JwkSetUriJwtDecoderBuilderCustomizer.class));
    }

    @Test
    void shouldRefuseToStartWhenTheBundleDoesNotExist() {
        runner.withPropertyValues("footdrop.auth.jwks.ssl.bundle=missing")
                .run(context ->
                        assertThat(context).getFailure().hasRootCauseInstanceOf(NoSuchSslBundleException.class));
    }
}
