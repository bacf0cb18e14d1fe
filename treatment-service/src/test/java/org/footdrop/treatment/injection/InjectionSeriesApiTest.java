package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The patient's series over HTTP renumbers after backdated, amended and voided injections. */
@EmbeddedInfrastructure
class InjectionSeriesApiTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldRenumberTheSeriesAfterBackdatedAmendedAndVoidedInjections() {
        // given injections posted out of order
        String patientId = "pt-" + UUID.randomUUID();
        String april = post(patientId, "2026-04-13T10:00:00Z");
        String march = post(patientId, "2026-03-02T10:00:00Z");
        String backdated = post(patientId, "2026-03-16T10:00:00Z");

        // when one is moved by an amend and another voided
        http.send(
                "PUT",
                "/api/v1/injections/" + april,
                TreatmentBodies.injection(patientId, "2026-05-11T10:00:00Z").toString(),
                "If-Match",
                "1");
        http.send("DELETE", "/api/v1/injections/" + backdated, "{\"reason\":\"recorded twice\"}");
        JsonNode series = http.get("/api/v1/patients/{p}/injections", patientId).getBody();

        // then: Mar 2 (1st), Mar 16 voided (unnumbered), May 11 (2nd, 70 days after Mar 2: late)
        assertThat(series).hasSize(3);
        assertThat(series.get(0).get("injectionId").asString()).isEqualTo(march);
        assertThat(series.get(0).get("nth").asInt()).isEqualTo(1);
        assertThat(series.get(0).has("intervalDays")).isFalse();
        assertThat(series.get(1).get("injectionId").asString()).isEqualTo(backdated);
        assertThat(series.get(1).get("status").asString()).isEqualTo("VOIDED");
        assertThat(series.get(1).has("nth")).isFalse();
        assertThat(series.get(2).get("injectionId").asString()).isEqualTo(april);
        assertThat(series.get(2).get("nth").asInt()).isEqualTo(2);
        assertThat(series.get(2).get("intervalDays").asInt()).isEqualTo(70);
        assertThat(series.get(2).get("spacing").asString()).isEqualTo("LATE");
    }

    private String post(String patientId, String at) {
        return http.send(
                        "POST",
                        "/api/v1/injections",
                        TreatmentBodies.injection(patientId, at).toString())
                .getBody()
                .get("injectionId")
                .asString();
    }
}
