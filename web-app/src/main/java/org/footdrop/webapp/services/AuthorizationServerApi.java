package org.footdrop.webapp.services;

import org.springframework.web.client.RestClient;

/** The authorization server, at the address this server reaches it: its health, for the ops page. */
public class AuthorizationServerApi {

    private final RestClient client;

    AuthorizationServerApi(RestClient client) {
        this.client = client;
    }

    public ServiceHealth health() {
        return ServiceHealth.of("authorization-server", client);
    }
}
