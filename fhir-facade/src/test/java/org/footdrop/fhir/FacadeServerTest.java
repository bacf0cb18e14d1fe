package org.footdrop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.Vocabularies;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedMongoInitializer;
import org.footdrop.support.testing.TestAuthInitializer;
import org.footdrop.support.testing.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The facade on real HTTP with its own store (mongo-java-server), spoken to by HAPI's generic client:
 * what it answers without the services behind it (patients, the CapabilityStatement, CodeSystems, refusals).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestAuthInitializer.class})
class FacadeServerTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @LocalServerPort
    int port;

    /** No service answers behind the facade here: a closed port, not whatever may listen on the defaults. */
    @DynamicPropertySource
    static void noServices(DynamicPropertyRegistry registry) {
        for (String service : List.of("intake", "treatment", "outcomes")) {
            registry.add("footdrop.fhir." + service + "-uri", () -> "http://127.0.0.1:1");
        }
    }

    @Autowired
    ResourceValidator validator;

    private IGenericClient client(String token) {
        FHIR.getRestfulClientFactory()
                .setServerValidationMode(ca.uhn.fhir.rest.client.api.ServerValidationModeEnum.NEVER);
        IGenericClient client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        if (token != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        }
        return client;
    }

    private static String token(Role... roles) {
        return TestTokens.builder(roles).audiences("fhir-facade").sign();
    }

    private IGenericClient writer() {
        return client(token(Role.CLINICAL_WRITER, Role.CLINICIAN));
    }

    private static Patient patient(String patientId) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(Vocabularies.PATIENT_ID_SYSTEM).setValue(patientId);
        patient.setBirthDateElement(new DateType("1961"));
        patient.setGender(AdministrativeGender.FEMALE);
        return patient;
    }

    private void assertValid(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        var result = validator.validate(resource);
        assertThat(result.getMessages())
                .filteredOn(message ->
                        message.getSeverity().ordinal() >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
                .isEmpty();
    }

    @Test
    void shouldStateWhatItSupportsInTheCapabilityStatement() {
        CapabilityStatement capability =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capability.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capability.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .contains("Patient", "CodeSystem", "Condition", "Procedure", "Observation", "ServiceRequest");
        assertValid(capability);
    }

    @Test
    void shouldStateTheServiceRequestInteractionsItSupports() {
        CapabilityStatement capability =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();

        var serviceRequest = capability.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("ServiceRequest"))
                .findFirst()
                .orElseThrow();
        assertThat(serviceRequest.getInteraction())
                .extracting(interaction -> interaction.getCode().toCode())
                .contains("read", "vread", "create", "update", "delete", "search-type");
        assertThat(serviceRequest.getConditionalCreate()).isTrue();
        assertThat(serviceRequest.getSearchParam())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .containsExactly("patient");
    }

    @Test
    void shouldServeTheProjectsCodeSystemsAsValidResources() {
        CodeSystem side =
                client(null).read().resource(CodeSystem.class).withId("side").execute();

        assertThat(side.getUrl()).isEqualTo(Vocabularies.SIDE.url());
        assertThat(side.getConcept())
                .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactly(Arrays.stream(Side.values()).map(Side::name).toArray(String[]::new));
        assertValid(side);
    }

    @Test
    void shouldStateTheObservationSearchItSupports() {
        CapabilityStatement capability =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();

        var observation = capability.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("Observation"))
                .findFirst()
                .orElseThrow();
        assertThat(observation.getSearchParam())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .containsExactlyInAnyOrder("patient", "code", "component-code", "date");
    }

    @Test
    void shouldStatePatientEverythingAndAnswer404ForAPatientItDoesNotKnow() {
        CapabilityStatement capability =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();

        var patient = capability.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("Patient"))
                .findFirst()
                .orElseThrow();
        assertThat(patient.getOperation())
                .extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
                .contains("everything");
        assertThatThrownBy(() -> client(token(Role.CLINICIAN))
                        .operation()
                        .onInstance(new org.hl7.fhir.r4.model.IdType(
                                "Patient", UUID.randomUUID().toString()))
                        .named("$everything")
                        .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                        .returnResourceType(Bundle.class)
                        .useHttpGet()
                        .execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class);
    }

    @Test
    void shouldServeTheMrcGradesTheContractAllows() {
        CodeSystem grades = client(null)
                .read()
                .resource(CodeSystem.class)
                .withId("mrc-grade")
                .execute();

        assertThat(grades.getConcept())
                .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactly("0", "1-", "1", "1+", "2-", "2", "2+", "3-", "3", "3+", "4-", "4", "4+", "5-", "5");
        assertValid(grades);
    }

    @Test
    void shouldCreateAndReadBackAPseudonymousPatient() {
        String patientId = "P-" + UUID.randomUUID();

        MethodOutcome created = writer().create().resource(patient(patientId)).execute();
        Patient read = writer().read()
                .resource(Patient.class)
                .withId(created.getId().getIdPart())
                .execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(patientId);
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1961");
        assertThat(read.getGender()).isEqualTo(AdministrativeGender.FEMALE);
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertValid(read);
    }

    @Test
    void shouldAnswerTheExistingPatientToAConditionalCreateWhateverTheBody() {
        String patientId = "P-" + UUID.randomUUID();
        MethodOutcome first = writer().create().resource(patient(patientId)).execute();
        Patient other = patient(patientId);
        other.setGender(AdministrativeGender.MALE);

        MethodOutcome again = writer().create()
                .resource(other)
                .conditionalByUrl("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM + "|" + patientId)
                .execute();

        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        Patient stored = writer().read()
                .resource(Patient.class)
                .withId(first.getId().getIdPart())
                .execute();
        assertThat(stored.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    }

    /** The pseudonymous id is the patient: created again, even with another body, it is the stored one. */
    @Test
    void shouldAnswerTheStoredPatientToAPlainCreateOfItsIdAndLeaveItAsItWas() {
        String patientId = "P-" + UUID.randomUUID();
        MethodOutcome first = writer().create().resource(patient(patientId)).execute();
        Patient other = patient(patientId);
        other.setGender(AdministrativeGender.MALE);

        MethodOutcome again = writer().create().resource(other).execute();

        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        assertThat(again.getId().getVersionIdPart()).isEqualTo("1");
        Patient stored = writer().read()
                .resource(Patient.class)
                .withId(first.getId().getIdPart())
                .execute();
        assertThat(stored.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    }

    @Test
    void shouldLeaveThePatientAsItWasWhenItsDiagnosesCannotBeCorrectedAndNeverChangeItsPseudonymousId() {
        // no intake-service answers here (the correction reaching the diagnoses: FhirFacadeSystemTest)
        String patientId = "P-" + UUID.randomUUID();
        String id =
                writer().create().resource(patient(patientId)).execute().getId().getIdPart();
        Patient corrected = patient(patientId);
        corrected.setBirthDateElement(new DateType("1962"));

        // the diagnoses first: intake-service away, the Patient stays as it was, to be sent again
        assertThatThrownBy(() -> writer().update()
                        .resource(corrected)
                        .withId(new org.hl7.fhir.r4.model.IdType("Patient", id, "1"))
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(503));
        Patient read = writer().read().resource(Patient.class).withId(id).execute();
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1961");
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        // an old version, no version, another pseudonymous id: refused before anything is written
        assertThatThrownBy(() -> writer().update()
                        .resource(patient(patientId))
                        .withId(new org.hl7.fhir.r4.model.IdType("Patient", id, "2"))
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThatThrownBy(() -> writer().update()
                        .resource(patient(patientId))
                        .withId(new org.hl7.fhir.r4.model.IdType("Patient", id))
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThatThrownBy(() -> writer().update()
                        .resource(patient("P-other-" + UUID.randomUUID()))
                        .withId(new org.hl7.fhir.r4.model.IdType("Patient", id, "1"))
                        .execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getExpression())
                                .extracting(Object::toString)
                                .containsExactly("Patient.identifier"));
        assertThat(writer().read()
                        .resource(Patient.class)
                        .withId(id)
                        .execute()
                        .getBirthDateElement()
                        .getValueAsString())
                .isEqualTo("1961");
        assertValid(read);
    }

    @Test
    void shouldRefuseAPatientWithAFullBirthDateNamingTheElement() {
        Patient patient = patient("P-" + UUID.randomUUID());
        patient.setBirthDateElement(new DateType("1961-04-02"));

        assertThatThrownBy(() -> writer().create().resource(patient).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getExpression())
                                .extracting(Object::toString)
                                .containsExactly("Patient.birthDate"));
    }

    @Test
    void shouldRefuseANamedPatient() {
        Patient patient = patient("P-" + UUID.randomUUID());
        patient.addName(new HumanName().setFamily("Smith"));

        assertThatThrownBy(() -> writer().create().resource(patient).execute())
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void shouldRefuseAResourceTheValidatorFindsInvalidWithItsMessages() {
        Patient patient = patient("P-" + UUID.randomUUID());
        patient.getIdentifierFirstRep().setSystem("not a uri with spaces");
        patient.addIdentifier()
                .setValue("x")
                .getPeriod()
                .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2020"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2010"));

        assertThatThrownBy(() -> writer().create().resource(patient).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssue())
                                .anySatisfy(issue -> assertThat(issue.getSeverity())
                                        .isEqualTo(OperationOutcome.IssueSeverity.ERROR)));
    }

    @Test
    void shouldAnswer401AsAnOperationOutcomeWithoutAToken() {
        assertThatThrownBy(() ->
                        client(null).read().resource(Patient.class).withId("x").execute())
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getCode())
                                .isEqualTo(OperationOutcome.IssueType.LOGIN));
    }

    @Test
    void shouldAnswer403ToAClinicianWriting() {
        IGenericClient clinician = client(token(Role.CLINICIAN));

        assertThatThrownBy(() -> clinician.create().resource(patient("P-1")).execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    void shouldAnswer404ForAnUnknownPatient() {
        assertThatThrownBy(() -> writer().read()
                        .resource(Patient.class)
                        .withId(UUID.randomUUID().toString())
                        .execute())
                .isInstanceOfSatisfying(
                        BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void shouldAnswerEachEntryOfABatchOnItsOwn() {
        String patientId = "P-" + UUID.randomUUID();
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry()
                .setResource(patient(patientId))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");
        Condition orphan = new Condition();
        orphan.setSubject(
                new Reference("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM + "|nobody-" + UUID.randomUUID()));
        batch.addEntry()
                .setResource(orphan)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Condition");

        Bundle answered = writer().transaction().withBundle(batch).execute();

        assertThat(answered.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
        assertThat(answered.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("201 Created", "422 Unprocessable Entity");
        assertThat(((OperationOutcome) answered.getEntry().get(1).getResponse().getOutcome())
                        .getIssueFirstRep()
                        .getExpression())
                .extracting(Object::toString)
                .containsExactly("Condition.subject");
        String location = answered.getEntry().get(0).getResponse().getLocation();
        assertThat(writer().read()
                        .resource(Patient.class)
                        .withUrl(location)
                        .execute()
                        .getIdentifierFirstRep()
                        .getValue())
                .isEqualTo(patientId);
        assertValid(answered);
    }

    @Test
    void shouldRefuseADateOfTooLittlePrecisionAndAMalformedEncodingAtTheElementNotAs500() {
        String patientId = "P-" + UUID.randomUUID();
        String created = writer().create()
                .resource(patient(patientId))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        // a valid dateTime for FHIR, but a diagnosis date needs the day
        Condition monthOnly = condition(new Reference(created));
        monthOnly.setRecordedDateElement(new DateTimeType("2026-03"));
        // a conditional reference whose percent-encoding is broken
        Condition badlyEncoded =
                condition(new Reference("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM + "|%zz"));

        assertThat(refusal(() -> writer().create().resource(monthOnly).execute()))
                .isEqualTo("Condition.recordedDate");
        assertThat(refusal(() -> writer().create().resource(badlyEncoded).execute()))
                .isEqualTo("Condition.subject");
        assertThatThrownBy(() -> writer().create()
                        .resource(patient(patientId))
                        .conditionalByUrl("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM + "|%zz")
                        .execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getDiagnostics())
                                .contains("percent-encoded"));
    }

    @Test
    void shouldRefuseAConditionalCreateWhoseResourceDoesNotCarryTheIdentifierItNames() {
        String created = writer().create()
                .resource(patient("P-" + UUID.randomUUID()))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        Condition unidentified = condition(new Reference(created));
        Condition otherwiseIdentified = condition(new Reference(created));
        otherwiseIdentified.addIdentifier().setSystem("urn:clinic:emr").setValue("dx-2");

        for (Condition condition : List.of(unidentified, otherwiseIdentified)) {
            assertThat(refusal(() -> writer().create()
                            .resource(condition)
                            .conditionalByUrl("Condition?identifier=urn:clinic:emr|dx-1")
                            .execute()))
                    .isEqualTo("Condition.identifier");
        }
    }

    /** A Condition the facade maps up to its Patient and dates: what the services would be sent. */
    private static Condition condition(Reference subject) {
        Condition condition = new Condition();
        condition.setSubject(subject);
        condition.getCode().addCoding(new Coding(Vocabularies.ICD_10_CM, "M21.372", null));
        condition.addBodySite().addCoding(Vocabularies.SIDE.coding(Side.LEFT));
        condition.setRecordedDateElement(new DateTimeType("2026-03-02"));
        condition.setOnset(new DateTimeType("2025-11-20"));
        return condition;
    }

    /** The element the 422's first issue points at. */
    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable write) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(write);
        assertThat(thrown).isInstanceOf(UnprocessableEntityException.class);
        return issues((UnprocessableEntityException) thrown)
                .getIssueFirstRep()
                .getExpression()
                .get(0)
                .getValue();
    }

    @Test
    void shouldRefuseABatchEntryWhoseUrlNamesAnotherTypeThanItsResource() {
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry()
                .setResource(patient("P-" + UUID.randomUUID()))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Condition");

        Bundle answered = writer().transaction().withBundle(batch).execute();

        assertThat(answered.getEntryFirstRep().getResponse().getStatus()).isEqualTo("422 Unprocessable Entity");
        assertThat(((OperationOutcome) answered.getEntryFirstRep().getResponse().getOutcome())
                        .getIssueFirstRep()
                        .getExpression())
                .extracting(Object::toString)
                .containsExactly("Bundle.entry[0].request.url");
    }

    @Test
    void shouldTakeABatchUpdateWhoseEntryIsNamedByAUrnFullUrl() {
        String created = writer().create()
                .resource(patient("P-" + UUID.randomUUID()))
                .execute()
                .getId()
                .toUnqualifiedVersionless()
                .getValue();
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        Bundle.BundleEntryComponent entry = batch.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(condition(new Reference(created)));
        entry.getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Condition/" + UUID.randomUUID())
                .setIfMatch("W/\"1\"");

        Bundle answered = writer().transaction().withBundle(batch).execute();

        // not refused for its id (HAPI names the resource by the fullUrl): it goes on to the service
        OperationOutcome outcome =
                (OperationOutcome) answered.getEntryFirstRep().getResponse().getOutcome();
        assertThat(outcome == null ? List.of() : outcome.getIssueFirstRep().getExpression())
                .extracting(Object::toString)
                .doesNotContain("Bundle.entry[0].resource.id");
    }

    @Test
    void shouldTakeAReadSentAsPostFromAClinicianAndNotFromAWriter() {
        var everything =
                new org.hl7.fhir.r4.model.IdType("Patient", UUID.randomUUID().toString());

        assertThatThrownBy(() -> client(token(Role.CLINICIAN))
                        .operation()
                        .onInstance(everything)
                        .named("$everything")
                        .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                        .returnResourceType(Bundle.class)
                        .execute()) // POST, HAPI's default for an operation
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class);
        assertThatThrownBy(() -> client(token(Role.CLINICAL_WRITER))
                        .operation()
                        .onInstance(everything)
                        .named("$everything")
                        .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                        .returnResourceType(Bundle.class)
                        .execute())
                .isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> client(token(Role.CLINICAL_WRITER))
                        .search()
                        .forResource(Condition.class)
                        .where(Condition.PATIENT.hasId("Patient/" + UUID.randomUUID()))
                        .usingStyle(ca.uhn.fhir.rest.api.SearchStyleEnum.POST)
                        .returnBundle(Bundle.class)
                        .execute())
                .isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    void shouldRefuseATransactionWritingNothing() {
        String patientId = "P-" + UUID.randomUUID();
        Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        transaction
                .addEntry()
                .setResource(patient(patientId))
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Patient");

        assertThatThrownBy(() -> writer().transaction().withBundle(transaction).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getCode())
                                .isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED));
        assertThatThrownBy(() -> writer().read()
                        .resource(Patient.class)
                        .withId(org.footdrop.fhir.patient.FhirPatient.fhirId(patientId))
                        .execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class);
    }

    @Test
    void shouldRefuseABatchOfTenThousandEntriesWritingNothing() {
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        String first = "P-" + UUID.randomUUID();
        for (int i = 0; i < 10_000; i++) {
            batch.addEntry()
                    .setResource(patient(i == 0 ? first : "P-" + UUID.randomUUID()))
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl("Patient");
        }

        assertThatThrownBy(() -> writer().transaction().withBundle(batch).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(issues(e).getIssueFirstRep().getExpression())
                                .extracting(Object::toString)
                                .containsExactly("Bundle.entry"));
        assertThatThrownBy(() -> writer().read()
                        .resource(Patient.class)
                        .withId(org.footdrop.fhir.patient.FhirPatient.fhirId(first))
                        .execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException.class);
    }

    /** Plain HTTP here: the body's size, sent with its length, is what is under test, not a FHIR client. */
    @Test
    void shouldRefuseATenMegabyteBodyAsTooLargeWithAnOperationOutcome() throws Exception {
        String tenMegabytes =
                "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"id\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/fhir"))
                .header("Authorization", "Bearer " + token(Role.CLINICAL_WRITER))
                .header("Content-Type", "application/fhir+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(tenMegabytes))
                .build();

        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
    }

    /**
     * A body over every cap sent without a length, as HAPI's client streams a large batch (40,000
     * entries): 413 with an OperationOutcome. Before, the client's connection was reset while it still
     * sent (HAPI's client reports that as a 500), and with the rest of the body read, the shared size
     * limit's IOException was answered 400.
     */
    @Test
    void shouldRefuseABodyOverTheCapsSentWithoutALengthAsTooLarge() throws Exception {
        byte[] body = ("{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"id\":\"" + "x".repeat(40 * 1024 * 1024)
                        + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/fhir"))
                .header("Authorization", "Bearer " + token(Role.CLINICAL_WRITER))
                .header("Content-Type", "application/fhir+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build();

        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.TOOCOSTLY);
    }

    @Test
    void shouldSayInTheCapabilityStatementThatOnlyBatchIsSupported() {
        CapabilityStatement capability =
                client(null).capabilities().ofType(CapabilityStatement.class).execute();

        assertThat(capability.getRestFirstRep().getInteraction())
                .extracting(interaction -> interaction.getCode())
                .contains(CapabilityStatement.SystemRestfulInteraction.BATCH)
                .doesNotContain(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
    }

    private static OperationOutcome issues(BaseServerResponseException e) {
        assertThat(e.getOperationOutcome()).isInstanceOf(OperationOutcome.class);
        return (OperationOutcome) e.getOperationOutcome();
    }
}
