package org.footdrop.support.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the resource server at {@link TestTokens}' JWK set and issuer. */
public class TestAuthInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.jwksUri(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER)
                .applyTo(context);
    }
}
