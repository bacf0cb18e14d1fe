package org.footdrop.fhir.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * A service's refusal over real HTTP, as the facade hands it on: a conflict that names fields (a
 * diagnosis stored under older rules blocks a Patient's correction) keeps each of them in the
 * OperationOutcome, so the EHR knows which record to amend first.
 */
class ServiceApiRefusalTest {

    private static final String PROBLEM = """
            {"type":"https://footdrop.org/problems/conflict","title":"Conflict","status":409,
             "detail":"A diagnosis of the patient does not meet today's rules; amend it first. Nothing was corrected",
             "errors":[{"field":"diagnoses[3f1c0c1e-0000-4000-8000-000000000001].indexSide",
                        "reason":"a BILATERAL diagnosis needs an index side, LEFT or RIGHT"}]}
            """;

    @Test
    void shouldKeepEveryFieldAConflictNamesInTheOperationOutcome() throws IOException {
        HttpServer intake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        intake.createContext("/api/v1/patients/", exchange -> {
            byte[] body = PROBLEM.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        intake.start();
        try {
            ServiceApi api = new ServiceApi(
                    "intake-service",
                    RestClient.builder()
                            .baseUrl("http://localhost:" + intake.getAddress().getPort())
                            .build());

            ResourceVersionConflictException refused = catchThrowableOfType(
                    ResourceVersionConflictException.class,
                    () -> api.put(
                            "/api/v1/patients/pt-1/demographics",
                            Map.of("birthYear", 1962),
                            field -> "birthYear".equals(field) ? "Patient.birthDate" : null));

            OperationOutcome outcome = (OperationOutcome) refused.getOperationOutcome();
            assertThat(outcome.getIssue())
                    .extracting(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                    .anySatisfy(diagnostics -> assertThat(diagnostics)
                            .contains("diagnoses[3f1c0c1e-0000-4000-8000-000000000001].indexSide")
                            .contains("needs an index side"))
                    .anySatisfy(diagnostics -> assertThat(diagnostics).contains("amend it first"));
            assertThat(outcome.getIssue())
                    .allSatisfy(issue -> assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT));
        } finally {
            intake.stop(0);
        }
    }
}
