package org.footdrop.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clinic's web app as the stack runs it (port 8080): a backend for the browser that signs people in
 * at the authorization server and reads the services with their tokens (docs/security.md, "The web app").
 */
public final class LocalWebApp {

    /** Pages and a session per person: a small heap, like the authorization server's. */
    public static final ServiceSpec SPEC = new ServiceSpec("web", "web-app", 8080, null, 128);

    private LocalWebApp() {}

    /**
     * Where it sends browsers to sign in (the issuer), where it reaches the authorization server itself, and
     * the services' addresses; the FHIR facade's only where the stack runs one (null otherwise), for the ops
     * page's health.
     */
    public static Map<String, String> environment(
            String issuer, String authInternal, String intake, String treatment, String outcomes, String fhir) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FOOTDROP_AUTH_ISSUER", issuer);
        environment.put("FOOTDROP_AUTH_INTERNAL_URI", authInternal);
        environment.put("FOOTDROP_INTAKE_URI", intake);
        environment.put("FOOTDROP_TREATMENT_URI", treatment);
        environment.put("FOOTDROP_OUTCOMES_URI", outcomes);
        environment.put("FOOTDROP_FHIR_URI", fhir == null ? "" : fhir);
        return environment;
    }

    /** The launcher's: everything on localhost at the standard ports, the FHIR facade if it runs. */
    public static Map<String, String> localEnvironment(boolean fhirFacade) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.all()) {
            byName.put(spec.shortName(), spec.url());
        }
        return environment(
                LocalAuthorizationServer.issuer(),
                LocalAuthorizationServer.issuer(),
                byName.get("intake"),
                byName.get("treatment"),
                byName.get("outcomes"),
                fhirFacade ? LocalFhirFacade.SPEC.url() : null);
    }

    /**
     * What the authorization server must be told when the web app is not at its default address: where it may
     * send people back after sign-in and after sign-out.
     */
    public static Map<String, String> authorizationServerEnvironment(String webAppUrl) {
        return Map.of(
                "FOOTDROP_AUTH_WEB_CLIENT_REDIRECT_URI", webAppUrl + "/login/oauth2/code/clinic",
                "FOOTDROP_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URI", webAppUrl + "/");
    }
}
