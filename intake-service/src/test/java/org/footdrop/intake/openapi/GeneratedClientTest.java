package org.footdrop.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.footdrop.intake.client.ApiClient;
import org.footdrop.intake.client.ApiException;
import org.footdrop.intake.client.ApiResponse;
import org.footdrop.intake.client.api.DiagnosesApi;
import org.footdrop.intake.client.model.DiagnosisRequest;
import org.footdrop.intake.client.model.DiagnosisResource;
import org.footdrop.intake.client.model.EvaluationRequest;
import org.footdrop.intake.client.model.Problem;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.ServedOpenApi;
import org.footdrop.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The committed document is good enough to be used, not only to be linted: the Java client the
 * build generates from docs/api/intake-service.json (openapi-generator, native library) records a
 * diagnosis and reads it back over real HTTP, each call with a real signed token that carries only
 * the scope the document names for that operation.
 */
@EmbeddedInfrastructure
class GeneratedClientTest {

    private static final JsonNode DOCUMENT =
            ServedOpenApi.read(ServedOpenApi.repositoryRoot().resolve("docs/api/intake-service.json"));

    @LocalServerPort
    int port;

    @Test
    void shouldRecordAndReadADiagnosisThroughTheGeneratedClient() throws ApiException {
        // given
        String patientId = "pt-client-" + UUID.randomUUID();
        DiagnosisRequest request = new DiagnosisRequest()
                .patientId(patientId)
                .birthYear(1968)
                .sex(DiagnosisRequest.SexEnum.FEMALE)
                .side(DiagnosisRequest.SideEnum.LEFT)
                .diagnosisDate(LocalDate.of(2026, 3, 2))
                .causeCategory(DiagnosisRequest.CauseCategoryEnum.FIBULAR_NERVE_AT_KNEE)
                .mechanism(DiagnosisRequest.MechanismEnum.POSTURAL_COMPRESSION)
                .icd10Codes(List.of("M21.372"))
                .evaluations(List.of(new EvaluationRequest()
                        .kind(EvaluationRequest.KindEnum.PHYSICAL_EXAM)
                        .finding("WEAK_DORSIFLEXION")));

        // when
        ApiResponse<DiagnosisResource> created = diagnoses(scopeOf("post", "/api/v1/diagnoses"))
                .recordDiagnosisWithHttpInfo(request, "client-" + UUID.randomUUID(), null, null);
        UUID id = created.getData().getDiagnosisId();
        DiagnosisResource read =
                diagnoses(scopeOf("get", "/api/v1/diagnoses/{diagnosisId}")).findDiagnosis(id);

        // then
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("Location")).containsExactly("/api/v1/diagnoses/" + id);
        assertThat(created.getHeaders().get("ETag")).containsExactly("\"1\"");
        assertThat(read.getDiagnosisId()).isEqualTo(id);
        assertThat(read.getPatientId()).isEqualTo(patientId);
        assertThat(read.getRevision()).isEqualTo(1);
        assertThat(read.getStatus()).isEqualTo(DiagnosisResource.StatusEnum.ACTIVE);
        assertThat(read.getCauseCategory()).isEqualTo(DiagnosisResource.CauseCategoryEnum.FIBULAR_NERVE_AT_KNEE);
        assertThat(read.getDiagnosisDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(read.getEvaluations())
                .singleElement()
                .satisfies(e -> assertThat(e.getFinding()).isEqualTo("WEAK_DORSIFLEXION"));
    }

    @Test
    void shouldReadAProblemAsTheDocumentDescribesIt() throws Exception {
        // when
        ApiException refused = catchThrowableOfType(
                ApiException.class,
                () -> diagnoses(scopeOf("get", "/api/v1/diagnoses/{diagnosisId}"))
                        .findDiagnosis(UUID.randomUUID()));

        // then
        assertThat(refused.getCode()).isEqualTo(404);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).hasToString("https://footdrop.org/problems/not-found");
    }

    private DiagnosesApi diagnoses(Role role) {
        String token = TestTokens.forRoles(role);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new DiagnosesApi(client);
    }

    /** The one scope the committed document requires for the operation. */
    private static Role scopeOf(String method, String path) {
        String scope = DOCUMENT.path("paths")
                .path(path)
                .path(method)
                .path("security")
                .path(0)
                .path("oauth2")
                .path(0)
                .asString();
        return Arrays.stream(Role.values())
                .filter(role -> role.scope().equals(scope))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No scope documented for " + method + " " + path));
    }
}
