package org.footdrop.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Issues the access tokens the services accept, JWTs signed with RS256 and verified by the services
 * against {@code /oauth2/jwks}: to systems by the client-credentials grant, one client per role
 * (docs/security.md, "Roles"), and to people who sign in to the clinic's web app by the
 * authorization-code flow with PKCE and OpenID Connect (docs/security.md, "People"). Boot's
 * generated user is excluded: the users come from {@code footdrop.auth.users} only.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizationServerApplication.class, args);
    }
}
