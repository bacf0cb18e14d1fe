package org.footdrop.webapp.services;

import java.util.Optional;
import org.springframework.web.client.RestClient;

/** The FHIR facade, where the stack runs one: only its public health, for the ops page. */
public class FhirFacadeApi {

    private final RestClient health;

    /** @param health the health client, or null where the stack runs no facade */
    FhirFacadeApi(RestClient health) {
        this.health = health;
    }

    public Optional<ServiceHealth> health() {
        return Optional.ofNullable(health).map(client -> ServiceHealth.of("fhir-facade", client));
    }
}
