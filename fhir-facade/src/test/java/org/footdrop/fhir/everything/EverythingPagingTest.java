package org.footdrop.fhir.everything;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.fhir.Conformance;
import org.footdrop.fhir.ServicesStandIn;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.Vocabularies;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.AuditProbe;
import org.footdrop.support.testing.EmbeddedMongoInitializer;
import org.footdrop.support.testing.TestAuthInitializer;
import org.footdrop.support.testing.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code Patient/{id}/$everything} paged, on real HTTP through HAPI's generic client, with the services
 * behind the facade stood in by {@link ServicesStandIn}: a course longer than a page, walked by its
 * {@code next} links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestAuthInitializer.class})
class EverythingPagingTest {

    private static final FhirContext FHIR = clientContext();
    private static final ServicesStandIn SERVICES = ServicesStandIn.plain();
    private static final int DIAGNOSES = 7;
    private static final int INJECTIONS = 6;

    @LocalServerPort
    int port;

    @Autowired
    ResourceValidator validator;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("footdrop.fhir.intake-uri", SERVICES::baseUri);
        registry.add("footdrop.fhir.treatment-uri", SERVICES::baseUri);
        registry.add("footdrop.fhir.outcomes-uri", SERVICES::baseUri);
    }

    @Test
    void shouldPageACourseLongerThanAPageWithThePatientFirst() {
        // given a patient with more records than one page holds
        IdType patient = patientWithACourse();

        // when walked five entries a page
        List<Bundle> pages = pages(patient, 5);

        // then
        assertThat(pages).hasSizeGreaterThan(2);
        Bundle first = pages.get(0);
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(first.getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
        assertThat(first.getEntryFirstRep().getResource().getIdPart()).isEqualTo(patient.getIdPart());
        for (int i = 0; i < pages.size(); i++) {
            Bundle page = pages.get(i);
            assertThat(page.getEntry()).as("page " + i).hasSizeBetween(1, 5);
            boolean last = i == pages.size() - 1;
            assertThat(page.getLink(Bundle.LINK_NEXT) == null)
                    .as("page " + i + " without a next link")
                    .isEqualTo(last);
            assertThat(page.getTotal()).isEqualTo(first.getTotal());
        }
    }

    @Test
    void shouldAnswerPagesWhoseEveryResourceIsValid() {
        IdType patient = patientWithACourse();

        List<Bundle> pages = pages(patient, 4);

        for (Bundle page : pages) {
            Conformance.assertValid(validator, page);
        }
    }

    @Test
    void shouldAnswerTheSameEntriesPagedAsOnOnePage() {
        // given
        IdType patient = patientWithACourse();

        // when
        List<Bundle> onOnePage = pages(patient, 100);
        List<Bundle> paged = pages(patient, 3);

        // then the union of the pages is the whole course, each entry once, in the same order
        assertThat(onOnePage).hasSize(1);
        List<String> whole = fullUrls(onOnePage);
        List<String> union = fullUrls(paged);
        assertThat(union).containsExactlyElementsOf(whole).doesNotHaveDuplicates();
        assertThat(whole).hasSize(onOnePage.get(0).getTotal());
        assertThat(whole.stream().filter(url -> url.contains("/Condition/"))).hasSize(DIAGNOSES);
        assertThat(whole.stream().filter(url -> url.contains("/Procedure/"))).hasSize(INJECTIONS);
        // the derived outcomes among them: included, not matched, and without an address of their own
        List<Bundle.BundleEntryComponent> derived = paged.stream()
                .flatMap(page -> page.getEntry().stream())
                .filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .toList();
        assertThat(derived)
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getFullUrl())
                        .isEqualTo(
                                "urn:uuid:" + entry.getResource().getIdElement().getIdPart()));
        assertThat(paged.stream().flatMap(page -> page.getEntry().stream()))
                .filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .hasSize(1 + DIAGNOSES + INJECTIONS);
    }

    @Test
    void shouldNameThePatientInTheAuditRecordOfEveryPage() {
        // given
        IdType patient = patientWithACourse();
        String subject = "auditor-" + UUID.randomUUID();

        // when
        List<Bundle> pages = pages(patient, 4, subject);

        // then each request, the later pages (cut from the first, no service asked) included, names the patient
        String patientId = ((Patient) pages.get(0).getEntryFirstRep().getResource())
                .getIdentifierFirstRep()
                .getValue();
        List<Document> records = new AuditProbe(mongo).awaitRecords(subject, pages.size());
        assertThat(records).hasSize(pages.size());
        assertThat(records)
                .filteredOn(record -> String.valueOf(record.get("query")).contains("_getpages"))
                .hasSize(pages.size() - 1);
        assertThat(records)
                .allSatisfy(record ->
                        assertThat(record.getList("patientIds", String.class)).containsExactly(patientId));
    }

    @Test
    void shouldNameThePatientInTheAuditRecordOfEveryPageOfASearchForTherapies() {
        // given a patient with more therapy prescriptions than one page holds
        String patientId = "P-" + UUID.randomUUID();
        IdType patient = patientWithACourse(patientId);
        SERVICES.therapies(patientId, 3);
        String subject = "auditor-" + UUID.randomUUID();
        IGenericClient client = client(Role.CLINICIAN, subject);

        // when searched one a page
        List<Bundle> pages = new ArrayList<>();
        Bundle page = client.search()
                .forResource(ServiceRequest.class)
                .where(ServiceRequest.PATIENT.hasId(patient))
                .count(1)
                .returnBundle(Bundle.class)
                .execute();
        pages.add(page);
        while (page.getLink(Bundle.LINK_NEXT) != null && pages.size() < 10) {
            page = client.loadPage().next(page).execute();
            pages.add(page);
        }

        // then every request names the patient, the later pages (cut from the first) included
        assertThat(pages).hasSize(3);
        List<Document> records = new AuditProbe(mongo).awaitRecords(subject, pages.size());
        assertThat(records)
                .filteredOn(record -> String.valueOf(record.get("query")).contains("_getpages"))
                .hasSize(2);
        assertThat(records)
                .allSatisfy(record ->
                        assertThat(record.getList("patientIds", String.class)).containsExactly(patientId));
    }

    /** Plain HTTP: the point is the absence of a token, which HAPI's client is not for. */
    @Test
    void shouldRefuseALaterPageToACallerWithoutAToken() throws Exception {
        String next =
                pages(patientWithACourse(), 4).get(0).getLink(Bundle.LINK_NEXT).getUrl();

        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(next))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** A page id carries patient data: another clinician holding it is answered as if it had expired. */
    @Test
    void shouldServeALaterPageOnlyToTheCallerWhoseRequestMadeIt() {
        IdType patient = patientWithACourse();
        IGenericClient maker = client(Role.CLINICIAN, "clinician-" + UUID.randomUUID());
        IGenericClient other = client(Role.CLINICIAN, "clinician-" + UUID.randomUUID());
        Bundle first = maker.operation()
                .onInstance(patient)
                .named("$everything")
                .withParameter(Parameters.class, "_count", new UnsignedIntType(4))
                .returnResourceType(Bundle.class)
                .useHttpGet()
                .execute();

        assertThatThrownBy(() -> other.loadPage().next(first).execute()).isInstanceOf(ResourceGoneException.class);
        Bundle second = maker.loadPage().next(first).execute();
        assertThat(second.getEntry()).isNotEmpty();
    }

    private IdType patientWithACourse() {
        return patientWithACourse("P-" + UUID.randomUUID());
    }

    private IdType patientWithACourse(String patientId) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(Vocabularies.PATIENT_ID_SYSTEM).setValue(patientId);
        patient.setBirthDateElement(new DateType("1961"));
        patient.setGender(AdministrativeGender.FEMALE);
        IdType id = (IdType) client(Role.CLINICAL_WRITER, "writer")
                .create()
                .resource(patient)
                .execute()
                .getId();
        SERVICES.course(patientId, DIAGNOSES, INJECTIONS);
        return id.toUnqualifiedVersionless();
    }

    private List<Bundle> pages(IdType patient, int count) {
        return pages(patient, count, "clinician-" + UUID.randomUUID());
    }

    private List<Bundle> pages(IdType patient, int count, String subject) {
        IGenericClient client = client(Role.CLINICIAN, subject);
        List<Bundle> pages = new ArrayList<>();
        Bundle page = client.operation()
                .onInstance(patient)
                .named("$everything")
                .withParameter(Parameters.class, "_count", new UnsignedIntType(count))
                .returnResourceType(Bundle.class)
                .useHttpGet()
                .execute();
        pages.add(page);
        while (page.getLink(Bundle.LINK_NEXT) != null && pages.size() < 50) {
            page = client.loadPage().next(page).execute();
            pages.add(page);
        }
        return pages;
    }

    /** Keeps the derived Observations' ids as served (their fullUrl is urn:uuid:{id}, not their id). */
    private static FhirContext clientContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        return context;
    }

    private static List<String> fullUrls(List<Bundle> pages) {
        return pages.stream()
                .flatMap(page -> page.getEntry().stream())
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .toList();
    }

    private IGenericClient client(Role role, String subject) {
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(TestTokens.builder(role)
                .subject(subject)
                .audiences("fhir-facade")
                .sign()));
        return client;
    }
}
