package org.footdrop.webapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the web app finds the authorization server and the services.
 *
 * @param issuer the authorization server's issuer, the address browsers are sent to for sign-in and sign-out
 * @param authInternalUri where this server reaches the authorization server's token, keys and userinfo
 *        endpoints (in compose the browser-facing issuer is not reachable from inside); empty: the issuer
 * @param clientSecret the secret of the {@code clinic-web} client
 * @param intakeUri intake-service's internal address
 * @param treatmentUri treatment-service's internal address
 * @param outcomesUri outcomes-service's internal address
 * @param grafanaUri the Grafana dashboard's browser-facing address, which the ops page links to
 * @param fhirUri the FHIR facade's internal address, whose health the ops page shows; empty where the stack
 *        runs no facade (the launcher runs it only when asked)
 */
@ConfigurationProperties("footdrop.web")
public record WebProperties(
        String issuer,
        String authInternalUri,
        String clientSecret,
        String intakeUri,
        String treatmentUri,
        String outcomesUri,
        String grafanaUri,
        String fhirUri) {

    public static final String CLIENT_ID = "clinic-web";
    public static final String REGISTRATION_ID = "clinic";

    public boolean fhirFacade() {
        return fhirUri != null && !fhirUri.isBlank();
    }

    public String authInternal() {
        return authInternalUri == null || authInternalUri.isBlank() ? issuer : authInternalUri;
    }
}
