package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.SystemStack;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR facade as a clinic's integration engine meets it: its own process in front of the real
 * intake-service process, tokens from the real authorization server, HAPI's generic client on real
 * HTTP. Every resource the facade answers is checked by HAPI's validator (base R4 and the CodeSystems
 * the facade itself serves) for zero errors.
 */
@Tag("system")
class FhirFacadeSystemTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = "https://footdrop.org/fhir";
    private static final String PATIENT_ID = BASE + "/sid/patient-id";
    private static final String CLINIC = "urn:example:clinic-a:diagnosis";
    private static final String CLINIC_RX = "urn:example:clinic-a:therapy";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    private static SystemStack stack;
    private static IGenericClient writer;
    private static IGenericClient clinician;
    private static FhirValidator validator;

    @BeforeAll
    static void startTheFacadeBeforeIntake() throws Exception {
        ServiceSpec intake = ServiceSpec.all().get(0);
        ServiceSpec treatment = ServiceSpec.all().get(1);
        ServiceSpec outcomes = ServiceSpec.all().get(2);
        stack = SystemStack.builder(data, FhirFacadeSystemTest.class)
                .services(List.of(intake, treatment, outcomes, LocalFhirFacade.SPEC))
                .start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // keep the ids of $everything's derived Observations (fullUrl urn:uuid:{id}) as the server sent them;
        // HAPI's parser otherwise replaces an entry's id with its fullUrl
        FHIR.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
        writer = client(stack.token("clinical-writer"));
        clinician = client(stack.token("clinician"));
        validator = validatorWithServedCodeSystems();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static IGenericClient client(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(stack.url("fhir") + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    /** Base R4 offline, plus the project's CodeSystems as the facade serves them. */
    private static FhirValidator validatorWithServedCodeSystems() {
        PrePopulatedValidationSupport served = new PrePopulatedValidationSupport(FHIR);
        Bundle systems = writer.search()
                .forResource(CodeSystem.class)
                .returnBundle(Bundle.class)
                .execute();
        systems.getEntry().forEach(entry -> served.addCodeSystem(entry.getResource()));
        assertThat(systems.getEntry()).isNotEmpty();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                served,
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private static void assertValid(IBaseResource resource) {
        var errors = validator.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList();
        assertThat(errors).as("validation errors").isEmpty();
    }

    private static String newPatient() {
        return newPatient("fhir-" + UUID.randomUUID());
    }

    /** @return the Patient's FHIR id */
    private static String newPatient(String pseudonym) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(PATIENT_ID).setValue(pseudonym);
        patient.setBirthDateElement(new DateType("1968"));
        patient.setGender(AdministrativeGender.FEMALE);
        MethodOutcome created = writer.create().resource(patient).execute();
        return created.getId().getIdPart();
    }

    private static Condition condition(String patientFhirId, String identifier) {
        Condition condition = new Condition();
        if (identifier != null) {
            condition.addIdentifier().setSystem(CLINIC).setValue(identifier);
        }
        condition.setSubject(new Reference("Patient/" + patientFhirId));
        condition
                .addCategory()
                .addCoding(new Coding(BASE + "/CodeSystem/cause-category", "FIBULAR_NERVE_AT_KNEE", null));
        condition.getCode().addCoding(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M21.372", null));
        condition.addBodySite().addCoding(new Coding(BASE + "/CodeSystem/side", "LEFT", null));
        condition.setOnset(new DateTimeType("2025-11-20"));
        condition.setRecordedDateElement(new DateTimeType("2026-03-02"));
        condition.addExtension(
                BASE + "/StructureDefinition/mechanism",
                new Coding(BASE + "/CodeSystem/mechanism", "POSTURAL_COMPRESSION", null));
        condition
                .addEvidence()
                .addCode()
                .addCoding(new Coding(BASE + "/CodeSystem/evaluation-kind", "NERVE_CONDUCTION_EMG", null))
                .addCoding(new Coding(BASE + "/finding", "CONDUCTION_BLOCK_AT_FIBULAR_HEAD", null));
        return condition;
    }

    @Test
    void shouldRecordAConditionAsADiagnosisAndReadItBack() {
        String patient = newPatient();

        MethodOutcome created =
                writer.create().resource(condition(patient, null)).execute();
        Condition read = clinician
                .read()
                .resource(Condition.class)
                .withId(created.getId().getIdPart())
                .execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("M21.372");
        assertThat(read.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("LEFT");
        assertThat(read.getRecordedDateElement().getValueAsString()).isEqualTo("2026-03-02");
        assertThat(read.getEvidenceFirstRep().getCodeFirstRep().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("NERVE_CONDUCTION_EMG", "CONDUCTION_BLOCK_AT_FIBULAR_HEAD");
        assertValid(read);
        assertValid(clinician.read().resource(Patient.class).withId(patient).execute());
    }

    @Test
    void shouldAnswerTheExistingConditionToAConditionalCreateWhateverTheBody() {
        String patient = newPatient();
        String identifier = "dx-" + UUID.randomUUID();
        MethodOutcome first =
                writer.create().resource(condition(patient, identifier)).execute();
        Condition different = condition(patient, identifier);
        different.getBodySiteFirstRep().getCodingFirstRep().setCode("RIGHT");

        MethodOutcome again = writer.create()
                .resource(different)
                .conditionalByUrl("Condition?identifier=" + CLINIC + "|" + identifier)
                .execute();

        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
        Condition stored = clinician
                .read()
                .resource(Condition.class)
                .withId(first.getId().getIdPart())
                .execute();
        assertThat(stored.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("LEFT");
        assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo(identifier);
        assertValid(stored);
    }

    /** A record as the own API answers a clinician, to see what the facade passed on to it. */
    private static JsonNode ownRecord(String service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                        .header("Authorization", "Bearer " + stack.token("clinician"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void shouldPassEachSingleCreatesIdentifierToTheOwnApiAsTheRecordsExternalIdentifier() throws Exception {
        String patient = newPatient();
        String dx = "dx-" + UUID.randomUUID();
        String inj = "inj-" + UUID.randomUUID();
        String obs = "obs-" + UUID.randomUUID();
        Procedure procedure = injection(patient);
        procedure.addIdentifier().setSystem(CLINIC).setValue(inj);
        Observation observation = assessment(patient, "BASELINE", "2026-03-01T09:30:00Z");
        observation.addIdentifier().setSystem(CLINIC).setValue(obs);

        String diagnosisId = writer.create()
                .resource(condition(patient, dx))
                .execute()
                .getId()
                .getIdPart();
        String injectionId =
                writer.create().resource(procedure).execute().getId().getIdPart();
        String assessmentId =
                writer.create().resource(observation).execute().getId().getIdPart();

        JsonNode diagnosis = ownRecord("intake", "/api/v1/diagnoses/" + diagnosisId);
        JsonNode injection = ownRecord("treatment", "/api/v1/injections/" + injectionId);
        JsonNode assessment = ownRecord("intake", "/api/v1/assessments/" + assessmentId);
        assertThat(diagnosis.path("identifier").path("system").asString()).isEqualTo(CLINIC);
        assertThat(diagnosis.path("identifier").path("value").asString()).isEqualTo(dx);
        assertThat(injection.path("identifier").path("value").asString()).isEqualTo(inj);
        assertThat(assessment.path("identifier").path("value").asString()).isEqualTo(obs);
        assertThat(clinician
                        .read()
                        .resource(Procedure.class)
                        .withId(injectionId)
                        .execute()
                        .getIdentifierFirstRep()
                        .getValue())
                .isEqualTo(inj);
    }

    @Test
    void shouldFindAPatientsConditions() {
        String patient = newPatient();
        writer.create().resource(condition(patient, null)).execute();
        writer.create().resource(condition(patient, null)).execute();
        newPatient(); // another patient's records stay out

        Bundle found = clinician
                .search()
                .forResource(Condition.class)
                .where(Condition.PATIENT.hasId(patient))
                .returnBundle(Bundle.class)
                .execute();

        assertThat(found.getEntry()).hasSize(2);
        assertValid(found);
    }

    @Test
    void shouldCarryAPatientsCorrectedBirthYearAndGenderIntoEveryDiagnosisOfTheirs() throws Exception {
        // given a patient (1968, female) with two Conditions and a diagnosis recorded through the own API
        String pseudonym = "fhir-" + UUID.randomUUID();
        String patient = newPatient(pseudonym);
        writer.create().resource(condition(patient, null)).execute();
        writer.create().resource(condition(patient, null)).execute();
        HttpResponse<String> own = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.url("intake") + "/api/v1/diagnoses"))
                        .header("Authorization", "Bearer " + stack.token("clinical-writer"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"patientId\":\"" + pseudonym
                                + "\",\"birthYear\":1970,\"side\":\"LEFT\",\"diagnosisDate\":\"2026-03-02\","
                                + "\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);

        // when the writer corrects the Patient
        Patient corrected = new Patient();
        corrected.addIdentifier().setSystem(PATIENT_ID).setValue(pseudonym);
        corrected.setBirthDateElement(new DateType("1962"));
        corrected.setGender(AdministrativeGender.MALE);
        MethodOutcome updated = writer.update()
                .resource(corrected)
                .withId(new IdType("Patient", patient, "1"))
                .execute();

        // then every diagnosis carries the correction, whoever recorded it
        assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
        JsonNode diagnoses = ownRecord("intake", "/api/v1/patients/" + pseudonym + "/diagnoses");
        assertThat(diagnoses).hasSize(3);
        for (JsonNode diagnosis : diagnoses) {
            assertThat(diagnosis.get("birthYear").asInt()).isEqualTo(1962);
            assertThat(diagnosis.get("sex").asString()).isEqualTo("MALE");
            assertThat(diagnosis.get("revision").asInt()).isEqualTo(2);
        }
        Patient read = clinician.read().resource(Patient.class).withId(patient).execute();
        assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1962");
        assertValid(read);

        // and as a batch entry; a stale version changes nothing
        corrected.setBirthDateElement(new DateType("1963"));
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry()
                .setResource(corrected)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Patient/" + patient)
                .setIfMatch("W/\"2\"");
        Bundle answered = writer.transaction().withBundle(batch).execute();
        assertThat(answered.getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(answered.getEntryFirstRep().getResponse().getEtag()).isEqualTo("W/\"3\"");
        assertThatThrownBy(() -> writer.update()
                        .resource(corrected)
                        .withId(new IdType("Patient", patient, "2"))
                        .execute())
                .isInstanceOfSatisfying(
                        ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThat(ownRecord("intake", "/api/v1/patients/" + pseudonym + "/diagnoses")
                        .findValuesAsString("birthYear"))
                .containsOnly("1963");
    }

    @Test
    void shouldAmendWithIfMatchAndVoidOnDelete() {
        String patient = newPatient();
        MethodOutcome created =
                writer.create().resource(condition(patient, null)).execute();
        String id = created.getId().getIdPart();
        Condition amended = condition(patient, null);
        amended.setId(new IdType("Condition", id, "1"));
        amended.getBodySiteFirstRep().getCodingFirstRep().setCode("RIGHT");

        writer.update()
                .resource(amended)
                .withId(new IdType("Condition", id, "1"))
                .execute();
        Condition read = clinician.read().resource(Condition.class).withId(id).execute();
        assertThat(read.getMeta().getVersionId()).isEqualTo("2");
        assertThat(read.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("RIGHT");

        Condition stale = condition(patient, null);
        stale.setId(new IdType("Condition", id, "1"));
        assertThatThrownBy(() -> writer.update()
                        .resource(stale)
                        .withId(new IdType("Condition", id, "1"))
                        .execute())
                .isInstanceOfSatisfying(
                        ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));

        // a delete naming an old version is refused, as an update naming one is
        assertThatThrownBy(() -> writer.delete()
                        .resourceById(new IdType("Condition", id))
                        .withAdditionalHeader("If-Match", "W/\"1\"")
                        .execute())
                .isInstanceOfSatisfying(
                        ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(412));
        writer.delete()
                .resourceById(new IdType("Condition", id))
                .withAdditionalHeader("If-Match", "W/\"2\"")
                .execute();
        Condition voided = clinician.read().resource(Condition.class).withId(id).execute();
        assertThat(voided.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(voided.hasClinicalStatus()).isFalse();
        assertValid(voided);
        // deleting it again changes nothing and is no error (FHIR's delete of a deleted resource)
        MethodOutcome again =
                writer.delete().resourceById(new IdType("Condition", id)).execute();
        assertThat(((OperationOutcome) again.getOperationOutcome())
                        .getIssueFirstRep()
                        .getDiagnostics())
                .contains("already");
        assertThat(clinician
                        .read()
                        .resource(Condition.class)
                        .withId(id)
                        .execute()
                        .getMeta()
                        .getVersionId())
                .isEqualTo(voided.getMeta().getVersionId());
    }

    @Test
    void shouldVoidOnAnUpdateThatMarksTheRecordEnteredInError() {
        String patient = newPatient();
        String conditionId = writer.create()
                .resource(condition(patient, null))
                .execute()
                .getId()
                .getIdPart();
        String procedureId =
                writer.create().resource(injection(patient)).execute().getId().getIdPart();
        Condition inError = condition(patient, null);
        inError.getVerificationStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status")
                .setCode("entered-in-error");
        Procedure procedureInError = injection(patient);
        procedureInError.setStatus(Procedure.ProcedureStatus.ENTEREDINERROR);

        MethodOutcome voided = writer.update()
                .resource(inError)
                .withId(new IdType("Condition", conditionId, "1"))
                .execute();
        writer.update()
                .resource(procedureInError)
                .withId(new IdType("Procedure", procedureId, "1"))
                .execute();

        assertThat(voided.getId().getVersionIdPart()).isEqualTo("2");
        // sent again, as a retry would: nothing changes, and it is no error
        writer.update()
                .resource(inError)
                .withId(new IdType("Condition", conditionId, "2"))
                .execute();
        Condition condition =
                clinician.read().resource(Condition.class).withId(conditionId).execute();
        assertThat(condition.getVerificationStatus().getCodingFirstRep().getCode())
                .isEqualTo("entered-in-error");
        assertThat(condition.getMeta().getVersionId()).isEqualTo("2");
        Procedure procedure =
                clinician.read().resource(Procedure.class).withId(procedureId).execute();
        assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.ENTEREDINERROR);
        assertValid(condition);
        assertValid(procedure);
    }

    @Test
    void shouldRefuseAConditionStatusADiagnosisCannotHoldNamingTheElement() {
        String patient = newPatient();
        Condition refuted = condition(patient, null);
        refuted.getVerificationStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status")
                .setCode("refuted");
        Condition resolved = condition(patient, null);
        resolved.getClinicalStatus()
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical")
                .setCode("resolved");

        assertThatThrownBy(() -> writer.create().resource(refuted).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).containsExactly("Condition.verificationStatus"));
        assertThatThrownBy(() -> writer.create().resource(resolved).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).containsExactly("Condition.clinicalStatus"));
    }

    @Test
    void shouldPointIntakesRefusalOfABilateralDiagnosisWithoutAnIndexSideAtItsExtension() {
        Condition bilateral = condition(newPatient(), null);
        bilateral.getBodySiteFirstRep().getCodingFirstRep().setCode("BILATERAL");

        assertThatThrownBy(() -> writer.create().resource(bilateral).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e))
                                .containsExactly("Condition.extension('" + BASE + "/StructureDefinition/index-side')"));
    }

    /** Notes are free text, which FHIR does not carry here: an update keeps those the record has. */
    @Test
    void shouldKeepTheNotesOfRecordsWrittenThroughTheOwnApiWhenTheyAreUpdatedThroughFhir() throws Exception {
        String pseudonym = "fhir-" + UUID.randomUUID();
        String patient = newPatient(pseudonym);
        String key = "dx-" + UUID.randomUUID();
        String diagnosisId = ownCreate("intake", "/api/v1/diagnoses", CLINIC + "|" + key, """
                        {"patientId":"%s","birthYear":1968,"sex":"FEMALE","side":"LEFT","diagnosisDate":"2026-03-02",\
                        "symptomOnsetDate":"2025-11-20","causeCategory":"FIBULAR_NERVE_AT_KNEE",\
                        "mechanism":"POSTURAL_COMPRESSION","icd10Codes":["M21.372"],"evaluations":[{"kind":\
                        "NERVE_CONDUCTION_EMG","finding":"CONDUCTION_BLOCK_AT_FIBULAR_HEAD","note":"block at the head"}]}""".formatted(pseudonym))
                .get("diagnosisId")
                .asString();
        String injectionId = ownCreate(
                        "treatment", "/api/v1/injections", CLINIC + "-inj|" + key, """
                        {"patientId":"%s","administeredAt":"2026-03-02T10:05:00Z","technique":"NERVE_HYDRODISSECTION",\
                        "target":"FIBULAR_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",\
                        "volumeMl":10.5,"durationMinutes":30,"cptCodes":["64450"],"adverseEvents":[{"type":"OTHER",\
                        "severity":"MILD","resolved":true,"note":"light-headed for ten minutes"}]}""".formatted(pseudonym))
                .get("injectionId")
                .asString();
        Condition rightSide = condition(patient, key);
        rightSide.getBodySiteFirstRep().getCodingFirstRep().setCode("RIGHT");
        Procedure other = injection(patient);
        other.getComplicationFirstRep().getCodingFirstRep().setCode("OTHER");

        writer.update()
                .resource(rightSide)
                .withId(new IdType("Condition", diagnosisId, "1"))
                .execute();
        writer.update()
                .resource(other)
                .withId(new IdType("Procedure", injectionId, "1"))
                .execute();

        JsonNode diagnosis = ownRecord("intake", "/api/v1/diagnoses/" + diagnosisId);
        assertThat(diagnosis.get("revision").asInt()).isEqualTo(2);
        assertThat(diagnosis.get("side").asString()).isEqualTo("RIGHT");
        assertThat(diagnosis.get("evaluations").get(0).get("note").asString()).isEqualTo("block at the head");
        JsonNode injection = ownRecord("treatment", "/api/v1/injections/" + injectionId);
        assertThat(injection.get("revision").asInt()).isEqualTo(2);
        assertThat(injection.get("adverseEvents").get(0).get("note").asString())
                .isEqualTo("light-headed for ten minutes");
    }

    @Test
    void shouldRefuseAnAmendWithoutIfMatch() {
        String patient = newPatient();
        String id = writer.create()
                .resource(condition(patient, null))
                .execute()
                .getId()
                .getIdPart();
        Condition amended = condition(patient, null);
        amended.setId(id);

        assertThatThrownBy(() -> writer.update().resource(amended).withId(id).execute())
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void shouldRefuseAConditionOfAnUnknownPatientNamingTheSubject() {
        assertThatThrownBy(() -> writer.create()
                        .resource(condition(UUID.randomUUID().toString(), null))
                        .execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains("Condition.subject"));
    }

    @Test
    void shouldRefuseACodeOutsideAClosedVocabularyNamingTheElement() {
        Condition condition = condition(newPatient(), null);
        condition.getCategoryFirstRep().getCodingFirstRep().setCode("GUESSED");

        assertThatThrownBy(() -> writer.create().resource(condition).execute())
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void shouldRefuseAMalformedIcd10CmCode() {
        Condition condition = condition(newPatient(), null);
        condition.getCode().getCodingFirstRep().setCode("M21-372");

        assertThatThrownBy(() -> writer.create().resource(condition).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains("Condition.code.coding[0].code"));
    }

    @Test
    void shouldAcceptAWellFormedIcd10CmCodeOutsideTheFootDropListWithAWarning() {
        Condition condition = condition(newPatient(), null);
        condition.getCode().getCodingFirstRep().setCode("E11.9");

        MethodOutcome created = writer.create()
                .resource(condition)
                .withAdditionalHeader("Prefer", "return=OperationOutcome")
                .execute();

        assertThat(created.getCreated()).isTrue();
        OperationOutcome outcome = (OperationOutcome) created.getOperationOutcome();
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING);
            assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Condition.code.coding[0]");
        });
    }

    @Test
    void shouldRefuseAClinicianWriting() {
        assertThatThrownBy(() -> clinician
                        .create()
                        .resource(condition(newPatient(), null))
                        .execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException.class);
    }

    private static Procedure injection(String patientFhirId) {
        Procedure procedure = new Procedure();
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(new Reference("Patient/" + patientFhirId));
        procedure.setPerformed(new Period()
                .setStartElement(new DateTimeType("2026-03-02T10:05:00Z"))
                .setEndElement(new DateTimeType("2026-03-02T10:35:00Z")));
        procedure
                .getCode()
                .addCoding(new Coding(BASE + "/CodeSystem/injection-technique", "NERVE_HYDRODISSECTION", null))
                .addCoding(new Coding("http://www.ama-assn.org/go/cpt", "64450", null));
        procedure.addBodySite().addCoding(new Coding(BASE + "/CodeSystem/injection-target", "FIBULAR_NERVE", null));
        procedure.addBodySite().addCoding(new Coding(BASE + "/CodeSystem/side", "LEFT", null));
        procedure.addExtension(
                BASE + "/StructureDefinition/guidance", new Coding(BASE + "/CodeSystem/guidance", "ULTRASOUND", null));
        procedure.addUsedCode().addCoding(new Coding(BASE + "/CodeSystem/solution", "DEXTROSE_5", null));
        procedure.addExtension(
                BASE + "/StructureDefinition/volume",
                new Quantity()
                        .setValue(10.5)
                        .setUnit("mL")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("mL"));
        CodeableConcept complication = procedure.addComplication();
        complication.addCoding(new Coding(BASE + "/CodeSystem/adverse-event", "TRANSIENT_NUMBNESS", null));
        complication.addExtension(
                BASE + "/StructureDefinition/adverse-event-severity",
                new Coding(BASE + "/CodeSystem/severity", "MILD", null));
        complication.addExtension(BASE + "/StructureDefinition/adverse-event-resolved", new BooleanType(true));
        return procedure;
    }

    @Test
    void shouldRecordAProcedureAsAnInjectionAndFindItByPatient() {
        String patient = newPatient();

        MethodOutcome created = writer.create().resource(injection(patient)).execute();
        Procedure read = clinician
                .read()
                .resource(Procedure.class)
                .withId(created.getId().getIdPart())
                .execute();
        Bundle found = clinician
                .search()
                .forResource(Procedure.class)
                .where(Procedure.PATIENT.hasId(patient))
                .returnBundle(Bundle.class)
                .execute();

        assertThat(read.getPerformedPeriod().getStartElement().getValue())
                .isEqualTo(new DateTimeType("2026-03-02T10:05:00Z").getValue());
        assertThat(read.getPerformedPeriod().getEndElement().getValue())
                .isEqualTo(new DateTimeType("2026-03-02T10:35:00Z").getValue());
        assertThat(read.getCode().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("NERVE_HYDRODISSECTION", "64450");
        assertThat(read.getComplicationFirstRep().getCodingFirstRep().getCode()).isEqualTo("TRANSIENT_NUMBNESS");
        assertThat(((Quantity) read.getExtensionByUrl(BASE + "/StructureDefinition/volume")
                                .getValue())
                        .getValue())
                .isEqualByComparingTo("10.5");
        assertThat(found.getEntry()).hasSize(1);
        assertValid(read);
        assertValid(found);
    }

    @Test
    void shouldRefuseAProcedureWithoutItsVolumeNamingTheExtension() {
        Procedure procedure = injection(newPatient());
        procedure.getExtension().removeIf(extension -> extension.getUrl().endsWith("/volume"));

        assertThatThrownBy(() -> writer.create().resource(procedure).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e))
                                .containsExactly("Procedure.extension('" + BASE + "/StructureDefinition/volume')"));
    }

    @Test
    void shouldPassOnTreatmentServicesRefusalPointedAtTheElement() {
        Procedure procedure = injection(newPatient());
        // a week long: past the clinic's duration limit, which treatment-service owns
        procedure.getPerformedPeriod().setEndElement(new DateTimeType("2026-03-09T13:05:00Z"));

        assertThatThrownBy(() -> writer.create().resource(procedure).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains("Procedure.performed"));
    }

    private static Observation assessment(String patientFhirId, String kind, String assessedAt) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference("Patient/" + patientFhirId));
        observation.getCode().addCoding(new Coding(BASE + "/CodeSystem/assessment-kind", kind, null));
        observation.setEffective(new DateTimeType(assessedAt));
        observation.getBodySite().addCoding(new Coding(BASE + "/CodeSystem/side", "LEFT", null));
        observation
                .addComponent()
                .setValue(new CodeableConcept().addCoding(new Coding(BASE + "/CodeSystem/mrc-grade", "3-", null)))
                .getCode()
                .addCoding(new Coding(BASE + "/CodeSystem/measure", "MRC_ANKLE_DORSIFLEXION", null));
        observation
                .addComponent()
                .setValue(new Quantity()
                        .setValue(0.74)
                        .setUnit("m/s")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("m/s"))
                .getCode()
                .addCoding(new Coding(BASE + "/CodeSystem/measure", "GAIT_SPEED_COMFORTABLE", null));
        observation
                .addComponent()
                .setValue(new Quantity()
                        .setValue(4)
                        .setUnit("points")
                        .setSystem("http://unitsofmeasure.org")
                        .setCode("{score}"))
                .getCode()
                .addCoding(new Coding(BASE + "/CodeSystem/measure", "PAIN_NRS", null));
        observation.addExtension(
                BASE + "/StructureDefinition/gait-aid", new Coding(BASE + "/CodeSystem/gait-aid", "CANE", null));
        observation.addExtension(BASE + "/StructureDefinition/foot-slap", new BooleanType(true));
        return observation;
    }

    private static String componentCode(Observation observation, int index) {
        return observation
                .getComponent()
                .get(index)
                .getCode()
                .getCodingFirstRep()
                .getCode();
    }

    @Test
    void shouldRecordAnObservationAsAnAssessmentAndReadItBack() {
        String patient = newPatient();

        MethodOutcome created = writer.create()
                .resource(assessment(patient, "BASELINE", "2026-03-02T09:30:00Z"))
                .execute();
        Observation read = clinician
                .read()
                .resource(Observation.class)
                .withId(created.getId().getIdPart())
                .execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(read.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("BASELINE");
        assertThat(read.getEffectiveDateTimeType().getValue())
                .isEqualTo(new DateTimeType("2026-03-02T09:30:00Z").getValue());
        assertThat(read.getComponent()).hasSize(3);
        assertThat(componentCode(read, 0)).isEqualTo("MRC_ANKLE_DORSIFLEXION");
        assertThat(read.getComponent()
                        .get(0)
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("3-");
        assertThat(read.getComponent().get(1).getValueQuantity().getValue()).isEqualByComparingTo("0.74");
        assertThat(read.getComponent().get(1).getValueQuantity().getCode()).isEqualTo("m/s");
        assertThat(read.getComponent().get(2).getValueQuantity().getValue()).isEqualByComparingTo("4");
        assertThat(((Coding) read.getExtensionByUrl(BASE + "/StructureDefinition/gait-aid")
                                .getValue())
                        .getCode())
                .isEqualTo("CANE");
        assertValid(read);
    }

    @Test
    void shouldFindAPatientsObservationsByCodeAndDateInPages() {
        String patient = newPatient();
        writer.create()
                .resource(assessment(patient, "BASELINE", "2026-03-02T09:30:00Z"))
                .execute();
        writer.create()
                .resource(assessment(patient, "FOLLOW_UP", "2026-04-06T09:30:00Z"))
                .execute();
        Observation noPain = assessment(patient, "FOLLOW_UP", "2026-05-04T09:30:00Z");
        noPain.getComponent().remove(2);
        writer.create().resource(noPain).execute();
        writer.create()
                .resource(assessment(newPatient(), "FOLLOW_UP", "2026-04-06T09:30:00Z"))
                .execute();

        Bundle followUps = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient))
                .and(Observation.CODE.exactly().systemAndCode(BASE + "/CodeSystem/assessment-kind", "FOLLOW_UP"))
                .returnBundle(Bundle.class)
                .execute();
        Bundle fromApril = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient))
                .and(Observation.DATE.afterOrEquals().day("2026-04-01"))
                .returnBundle(Bundle.class)
                .execute();
        Bundle onTheDay = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient))
                .and(Observation.DATE.exactly().day("2026-03-02"))
                .returnBundle(Bundle.class)
                .execute();
        Bundle withPain = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient))
                .and(Observation.COMPONENT_CODE.exactly().code("PAIN_NRS"))
                .returnBundle(Bundle.class)
                .execute();
        Bundle firstPage = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patient))
                .count(2)
                .returnBundle(Bundle.class)
                .execute();
        Bundle secondPage = clinician.loadPage().next(firstPage).execute();

        assertThat(followUps.getEntry()).hasSize(2);
        assertThat(fromApril.getEntry()).hasSize(2);
        assertThat(onTheDay.getEntry())
                .extracting(entry -> ((Observation) entry.getResource())
                        .getCode()
                        .getCodingFirstRep()
                        .getCode())
                .containsExactly("BASELINE");
        assertThat(withPain.getEntry()).hasSize(2);
        assertThat(firstPage.getEntry()).hasSize(2);
        assertThat(firstPage.getLink(Bundle.LINK_NEXT)).isNotNull();
        assertThat(secondPage.getEntry()).hasSize(1);
        assertThat(secondPage.getLink(Bundle.LINK_NEXT)).isNull();
        assertValid(followUps);
        assertValid(secondPage);
    }

    @Test
    void shouldAnswerTheExistingObservationAmendWithIfMatchAndVoidOnDelete() {
        String patient = newPatient();
        String identifier = "as-" + UUID.randomUUID();
        Observation first = assessment(patient, "BASELINE", "2026-03-02T09:30:00Z");
        first.addIdentifier().setSystem("urn:example:clinic-a:assessment").setValue(identifier);
        String id = writer.create().resource(first).execute().getId().getIdPart();
        Observation different = assessment(patient, "DISCHARGE", "2026-03-02T09:30:00Z");

        MethodOutcome again = writer.create()
                .resource(different)
                .conditionalByUrl("Observation?identifier=urn:example:clinic-a:assessment|" + identifier)
                .execute();
        Observation amended = assessment(patient, "BASELINE", "2026-03-02T09:30:00Z");
        amended.getComponent()
                .get(0)
                .getValueCodeableConcept()
                .getCodingFirstRep()
                .setCode("4");
        amended.setId(new IdType("Observation", id, "1"));
        writer.update()
                .resource(amended)
                .withId(new IdType("Observation", id, "1"))
                .execute();
        Observation afterAmend =
                clinician.read().resource(Observation.class).withId(id).execute();
        writer.delete().resourceById(new IdType("Observation", id)).execute();
        Observation voided =
                clinician.read().resource(Observation.class).withId(id).execute();

        assertThat(again.getId().getIdPart()).isEqualTo(id);
        assertThat(afterAmend.getMeta().getVersionId()).isEqualTo("2");
        assertThat(afterAmend.getStatus()).isEqualTo(Observation.ObservationStatus.AMENDED);
        assertThat(afterAmend.getCode().getCodingFirstRep().getCode()).isEqualTo("BASELINE");
        assertThat(afterAmend
                        .getComponent()
                        .get(0)
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("4");
        assertThat(voided.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertValid(afterAmend);
        assertValid(voided);
    }

    @Test
    void shouldPassOnIntakeServicesRefusalOfAnObservationPointedAtTheElement() {
        // intake-service owns the rule that an assessment is not in the future
        Observation future = assessment(newPatient(), "BASELINE", "2099-03-02T09:30:00Z");

        assertThatThrownBy(() -> writer.create().resource(future).execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains("Observation.effective"));
    }

    private static ServiceRequest therapy(String patientFhirId, String identifier) {
        ServiceRequest request = new ServiceRequest();
        request.addIdentifier().setSystem(CLINIC_RX).setValue(identifier);
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patientFhirId));
        request.getCode().addCoding(new Coding(BASE + "/CodeSystem/therapy-type", "PHYSICAL_THERAPY", null));
        Timing timing = new Timing();
        timing.getRepeat()
                .setFrequency(2)
                .setPeriod(1)
                .setPeriodUnit(Timing.UnitsOfTime.WK)
                .setBounds(new Period().setStartElement(new DateTimeType("2026-03-02")));
        request.setOccurrence(timing);
        request.addExtension(BASE + "/StructureDefinition/planned-weeks", new org.hl7.fhir.r4.model.PositiveIntType(6));
        return request;
    }

    private static final String CLINIC_SESSION = "urn:example:clinic-a:therapy-session";

    /** A session of the prescription: a Procedure based on its ServiceRequest, on one day. */
    private static Procedure session(String patientFhirId, String therapyReference, String day, boolean attended) {
        Procedure procedure = new Procedure();
        procedure.addBasedOn(new Reference(therapyReference));
        procedure.setStatus(attended ? Procedure.ProcedureStatus.COMPLETED : Procedure.ProcedureStatus.NOTDONE);
        procedure.setSubject(new Reference("Patient/" + patientFhirId));
        procedure.setPerformed(new DateTimeType(day));
        return procedure;
    }

    /** Sessions logged against a prescription, as Procedures based on its ServiceRequest, through every interaction. */
    @Test
    void shouldLogTherapySessionsAsProceduresBasedOnTheirServiceRequest() throws Exception {
        String patient = newPatient();
        writer.create().resource(injection(patient)).execute();
        String rx = "rx-" + UUID.randomUUID();
        String therapyId = writer.create()
                .resource(therapy(patient, rx))
                .conditionalByUrl("ServiceRequest?identifier=" + CLINIC_RX + "|" + rx)
                .execute()
                .getId()
                .getIdPart();
        String key = "ses-" + UUID.randomUUID();
        Procedure missed = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", false);
        missed.addIdentifier().setSystem(CLINIC_SESSION).setValue(key);
        String conditional = "Procedure?identifier=" + CLINIC_SESSION + "|" + key;

        // logged once, conditionally, and a second by the prescription's identifier
        MethodOutcome created =
                writer.create().resource(missed).conditionalByUrl(conditional).execute();
        MethodOutcome again =
                writer.create().resource(missed).conditionalByUrl(conditional).execute();
        MethodOutcome attended = writer.create()
                .resource(session(patient, "ServiceRequest?identifier=" + CLINIC_RX + "|" + rx, "2026-03-06", true))
                .execute();
        String id = created.getId().getIdPart();

        assertThat(created.getCreated()).isTrue();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(id);
        Procedure read = clinician.read().resource(Procedure.class).withId(id).execute();
        assertThat(read.getStatus()).isEqualTo(Procedure.ProcedureStatus.NOTDONE);
        assertThat(read.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + therapyId);
        assertThat(read.getSubject().getReference()).isEqualTo("Patient/" + patient);
        assertThat(read.getPerformedDateTimeType().getValueAsString()).isEqualTo("2026-03-04");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(key);
        assertValid(read);
        JsonNode own = ownRecord("treatment", "/api/v1/therapies/" + therapyId);
        assertThat(own.path("loggedSessions").asInt()).isEqualTo(2);
        assertThat(own.path("attendedSessions").asInt()).isEqualTo(1);

        // moved to another prescription: refused, pointing at basedOn
        String otherTherapy = writer.create()
                .resource(therapy(patient, "rx-" + UUID.randomUUID()))
                .execute()
                .getId()
                .getIdPart();
        Procedure moved = session(patient, "ServiceRequest/" + otherTherapy, "2026-03-04", false);
        moved.setId(new IdType("Procedure", id, "1"));
        assertThatThrownBy(() -> writer.update()
                        .resource(moved)
                        .withId(new IdType("Procedure", id, "1"))
                        .execute())
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains("Procedure.basedOn"));

        // an injection's body for the session: a Procedure keeps its kind, and the answer says so
        Procedure asInjection = injection(patient);
        asInjection.setId(new IdType("Procedure", id, "1"));
        assertThatThrownBy(() -> writer.update()
                        .resource(asInjection)
                        .withId(new IdType("Procedure", id, "1"))
                        .execute())
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(expressions(e)).containsExactly("Procedure.basedOn");
                    assertThat(((OperationOutcome) e.getOperationOutcome())
                                    .getIssueFirstRep()
                                    .getDiagnostics())
                            .contains("No injection Procedure/" + id, "keeps its kind");
                });

        // corrected (attended after all) and the other voided
        Procedure corrected = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", true);
        corrected.setId(new IdType("Procedure", id, "1"));
        writer.update()
                .resource(corrected)
                .withId(new IdType("Procedure", id, "1"))
                .execute();
        writer.delete()
                .resourceById(new IdType("Procedure", attended.getId().getIdPart()))
                .execute();

        Bundle found = clinician
                .search()
                .forResource(Procedure.class)
                .where(Procedure.PATIENT.hasId(patient))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry())
                .extracting(entry -> (Procedure) entry.getResource())
                .extracting(Procedure::getStatus)
                .containsExactly(
                        Procedure.ProcedureStatus.COMPLETED, // the injection
                        Procedure.ProcedureStatus.COMPLETED, // the corrected session, version 2
                        Procedure.ProcedureStatus.ENTEREDINERROR);
        assertThat(((Procedure) found.getEntry().get(1).getResource()).getMeta().getVersionId())
                .isEqualTo("2");
        assertValid(found);
        Bundle everything = everything(patient);
        List<String> types = everything.getEntry().stream()
                .map(entry -> entry.getResource().fhirType())
                .toList();
        assertThat(types).filteredOn("Procedure"::equals).hasSize(3);
        assertThat(types).filteredOn("ServiceRequest"::equals).hasSize(2);
        assertValid(everything);
        JsonNode after = ownRecord("treatment", "/api/v1/therapies/" + therapyId);
        assertThat(after.path("loggedSessions").asInt()).isEqualTo(1);
        assertThat(after.path("attendedSessions").asInt()).isEqualTo(1);
    }

    /** A session the clinic logged through the own API is found by a conditional create on its identifier. */
    @Test
    void shouldAnswerASessionLoggedThroughTheOwnApiToAConditionalCreate() throws Exception {
        String pseudonym = "fhir-" + UUID.randomUUID();
        String patient = newPatient(pseudonym);
        String therapyId = writer.create()
                .resource(therapy(patient, "rx-" + UUID.randomUUID()))
                .execute()
                .getId()
                .getIdPart();
        String sameKey = "ses-" + UUID.randomUUID();
        String otherKey = "ses-" + UUID.randomUUID();
        String path = "/api/v1/therapies/" + therapyId + "/sessions";
        // what session(patient, ServiceRequest/{therapyId}, 2026-03-04, true) says, in the own API's words
        String body = "{\"date\":\"2026-03-04\",\"attended\":true,\"patientId\":\"" + pseudonym + "\",\"therapyId\":\""
                + therapyId + "\"}";
        String sameId = ownCreate("treatment", path, CLINIC_SESSION + "|" + sameKey, body)
                .path("sessionId")
                .asString();
        String otherId = ownCreate("treatment", path, CLINIC_SESSION + "|" + otherKey, body)
                .path("sessionId")
                .asString();
        Procedure same = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", true);
        same.addIdentifier().setSystem(CLINIC_SESSION).setValue(sameKey);
        Procedure missed = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", false);
        missed.addIdentifier().setSystem(CLINIC_SESSION).setValue(otherKey);

        MethodOutcome sameMatch = writer.create()
                .resource(same)
                .conditionalByUrl("Procedure?identifier=" + CLINIC_SESSION + "|" + sameKey)
                .execute();
        MethodOutcome otherMatch = writer.create()
                .resource(missed)
                .conditionalByUrl("Procedure?identifier=" + CLINIC_SESSION + "|" + otherKey)
                .execute();

        assertThat(sameMatch.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(sameMatch.getId().getIdPart()).isEqualTo(sameId);
        assertThat(otherMatch.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(otherMatch.getId().getIdPart()).isEqualTo(otherId);
        assertThat(clinician
                        .read()
                        .resource(Procedure.class)
                        .withId(otherId)
                        .execute()
                        .getStatus())
                .isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(ownRecord("treatment", "/api/v1/therapies/" + therapyId)
                        .path("loggedSessions")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseASessionThatNamesNoKnownPrescriptionOrCarriesAnInjectionsElements() {
        String patient = newPatient();
        String rx = "rx-" + UUID.randomUUID();
        String therapyId =
                writer.create().resource(therapy(patient, rx)).execute().getId().getIdPart();
        Procedure unknown = session(patient, "ServiceRequest/" + UUID.randomUUID(), "2026-03-04", true);
        Procedure unknownKey =
                session(patient, "ServiceRequest?identifier=" + CLINIC_RX + "|nobody", "2026-03-04", true);
        Procedure coded = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", true);
        coded.getCode().addCoding(new Coding(BASE + "/CodeSystem/therapy-type", "PHYSICAL_THERAPY", null));
        Procedure early = session(patient, "ServiceRequest/" + therapyId, "2026-03-01", true);
        Procedure inProgress = session(patient, "ServiceRequest/" + therapyId, "2026-03-04", true);
        inProgress.setStatus(Procedure.ProcedureStatus.INPROGRESS);
        Procedure otherPatient = session(newPatient(), "ServiceRequest/" + therapyId, "2026-03-04", true);

        assertRefusedAt(unknown, "Procedure.basedOn");
        assertRefusedAt(unknownKey, "Procedure.basedOn");
        assertRefusedAt(coded, "Procedure.code");
        assertRefusedAt(early, "Procedure.performed");
        assertRefusedAt(inProgress, "Procedure.status");
        assertRefusedAt(otherPatient, "Procedure.subject");
        assertThat(clinician
                        .search()
                        .forResource(Procedure.class)
                        .where(Procedure.PATIENT.hasId(patient))
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .isEmpty();
    }

    private static void assertRefusedAt(Procedure procedure, String expression) {
        assertThatThrownBy(() -> writer.create().resource(procedure).execute())
                .as(expression)
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(expressions(e)).contains(expression));
    }

    /**
     * A record the clinic brought through the own API (or a bulk import, whose line keys are the same
     * identifiers) is found by a conditional create on its identifier, with the same body or another,
     * although the facade never saw it; a plain create naming it is refused.
     */
    @Test
    void shouldAnswerARecordCreatedThroughTheOwnApiToAConditionalCreateOnItsIdentifier() throws Exception {
        String pseudonym = "fhir-" + UUID.randomUUID();
        String patient = newPatient(pseudonym);
        String sameRx = "rx-" + UUID.randomUUID();
        String otherRx = "rx-" + UUID.randomUUID();
        // what therapy(patient, rx) says, in the own API's words
        String prescription = "{\"patientId\":\"" + pseudonym + "\",\"type\":\"PHYSICAL_THERAPY\","
                + "\"startDate\":\"2026-03-02\",\"sessionsPerWeek\":2,\"plannedWeeks\":6}";
        String sameId = ownCreate("treatment", "/api/v1/therapies", CLINIC_RX + "|" + sameRx, prescription)
                .path("therapyId")
                .asString();
        String otherId = ownCreate("treatment", "/api/v1/therapies", CLINIC_RX + "|" + otherRx, prescription)
                .path("therapyId")
                .asString();
        ServiceRequest thrice = therapy(patient, otherRx);
        thrice.getOccurrenceTiming().getRepeat().setFrequency(3);

        MethodOutcome same = writer.create()
                .resource(therapy(patient, sameRx))
                .conditionalByUrl("ServiceRequest?identifier=" + CLINIC_RX + "|" + sameRx)
                .execute();
        assertThatThrownBy(() -> writer.create().resource(thrice).execute())
                .isInstanceOfSatisfying(
                        ResourceVersionConflictException.class,
                        e -> assertThat(expressions(e)).containsExactly("ServiceRequest.identifier[0]"));
        MethodOutcome other = writer.create()
                .resource(thrice)
                .conditionalByUrl("ServiceRequest?identifier=" + CLINIC_RX + "|" + otherRx)
                .execute();

        assertThat(same.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(same.getId().getIdPart()).isEqualTo(sameId);
        assertThat(other.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(other.getId().getIdPart()).isEqualTo(otherId);
        ServiceRequest stored =
                clinician.read().resource(ServiceRequest.class).withId(otherId).execute();
        assertThat(stored.getOccurrenceTiming().getRepeat().getFrequency()).isEqualTo(2);
        assertThat(stored.getIdentifierFirstRep().getValue()).isEqualTo(otherRx);
        assertThat(clinician
                        .search()
                        .forResource(ServiceRequest.class)
                        .where(ServiceRequest.PATIENT.hasId(patient))
                        .returnBundle(Bundle.class)
                        .execute()
                        .getEntry())
                .hasSize(2);
    }

    /** A create through the own API with the clinic's identifier, as a writer; the record as answered. */
    private static JsonNode ownCreate(String service, String path, String identifier, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                        .header("Authorization", "Bearer " + stack.token("clinical-writer"))
                        .header("Content-Type", "application/json")
                        .header("Record-Identifier", identifier)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** One patient's course with a therapy: prescribed once, conditionally, read back, corrected, in $everything. */
    @Test
    void shouldPrescribeATherapyAsAServiceRequestAndReadItBackWithTheCourse() throws Exception {
        String patient = newPatient();
        writer.create().resource(condition(patient, null)).execute();
        writer.create().resource(injection(patient)).execute();
        String rx = "rx-" + UUID.randomUUID();
        String conditional = "ServiceRequest?identifier=" + CLINIC_RX + "|" + rx;

        MethodOutcome created = writer.create()
                .resource(therapy(patient, rx))
                .conditionalByUrl(conditional)
                .execute();
        ServiceRequest otherBody = therapy(patient, rx);
        otherBody.getOccurrenceTiming().getRepeat().setFrequency(5);
        MethodOutcome again = writer.create()
                .resource(otherBody)
                .conditionalByUrl(conditional)
                .execute();
        String id = created.getId().getIdPart();
        ServiceRequest read =
                clinician.read().resource(ServiceRequest.class).withId(id).execute();

        assertThat(created.getCreated()).isTrue();
        assertThat(again.getCreated()).isNotEqualTo(Boolean.TRUE);
        assertThat(again.getId().getIdPart()).isEqualTo(id);
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(rx);
        assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("PHYSICAL_THERAPY");
        assertThat(read.getOccurrenceTiming().getRepeat().getFrequency()).isEqualTo(2);
        assertValid(read);
        JsonNode own = ownRecord("treatment", "/api/v1/therapies/" + id);
        assertThat(own.path("identifier").path("value").asString()).isEqualTo(rx);
        assertThat(own.path("plannedSessions").asInt()).isEqualTo(12);

        ServiceRequest amended = therapy(patient, rx);
        amended.getOccurrenceTiming().getRepeat().setFrequency(3);
        amended.setId(new IdType("ServiceRequest", id, "1"));
        writer.update()
                .resource(amended)
                .withId(new IdType("ServiceRequest", id, "1"))
                .execute();
        Bundle found = clinician
                .search()
                .forResource(ServiceRequest.class)
                .where(ServiceRequest.PATIENT.hasId(patient))
                .returnBundle(Bundle.class)
                .execute();
        Bundle everything = everything(patient);

        assertThat(found.getEntry()).singleElement().satisfies(entry -> {
            ServiceRequest current = (ServiceRequest) entry.getResource();
            assertThat(current.getMeta().getVersionId()).isEqualTo("2");
            assertThat(current.getOccurrenceTiming().getRepeat().getFrequency()).isEqualTo(3);
        });
        assertThat(everything.getEntry())
                .extracting(entry -> entry.getResource().fhirType())
                .contains("Patient", "Condition", "Procedure", "ServiceRequest");
        assertValid(found);
        assertValid(everything);

        writer.delete().resourceById(new IdType("ServiceRequest", id)).execute();
        ServiceRequest voided =
                clinician.read().resource(ServiceRequest.class).withId(id).execute();
        assertThat(voided.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ENTEREDINERROR);
        assertValid(voided);
    }

    @Test
    void shouldAnswerEverythingOfAPatientWithDerivedOutcomesRestingOnItsObservations() {
        String patient = newPatient();
        writer.create().resource(condition(patient, null)).execute();
        writer.create().resource(injection(patient)).execute();
        String baseline = writer.create()
                .resource(assessment(patient, "BASELINE", "2026-03-02T09:30:00Z"))
                .execute()
                .getId()
                .getIdPart();
        Observation weekSix = assessment(patient, "FOLLOW_UP", "2026-04-13T09:30:00Z");
        weekSix.getComponent().get(1).getValueQuantity().setValue(0.86);
        String followUp = writer.create().resource(weekSix).execute().getId().getIdPart();

        // outcomes-service derives from the services' events, so its part arrives shortly after
        Bundle everything = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> everything(patient),
                        bundle -> derived(bundle, "CHANGE").size() >= 1);

        assertThat(everything.getEntry())
                .extracting(entry -> entry.getResource().fhirType())
                .contains("Patient", "Condition", "Procedure", "Observation");
        List<Observation> changes = derived(everything, "CHANGE");
        Observation gaitSpeedChange = changes.stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("GAIT_SPEED_COMFORTABLE"))
                .findFirst()
                .orElseThrow();
        assertThat(gaitSpeedChange.getValueQuantity().getValue()).isEqualByComparingTo("0.12");
        assertThat(gaitSpeedChange.getDerivedFrom())
                .extracting(Reference::getReference)
                .containsExactly("Observation/" + baseline, "Observation/" + followUp);
        assertThat(derived(everything, "RESPONDER"))
                .filteredOn(o -> o.getCode().getCodingFirstRep().getCode().equals("GAIT_SPEED_COMFORTABLE"))
                .singleElement()
                .satisfies(
                        o -> assertThat(o.getValueBooleanType().booleanValue()).isTrue());
        assertThat(derived(everything, "BASELINE")).isNotEmpty();
        assertThat(derived(everything, "TIME_TO_RESPONSE")).isNotEmpty();
        assertValid(everything);
    }

    @Test
    void shouldTakeTheDocumentedExampleCourseIdempotentlyAndReadItBackWithOutcomes() throws Exception {
        String example = java.nio.file.Files.readString(Path.of("../docs/fhir-example-course.json"));
        Bundle course = FHIR.newJsonParser().parseResource(Bundle.class, example);

        Bundle first = writer.transaction().withBundle(course).execute();
        Bundle again = writer.transaction()
                .withBundle(FHIR.newJsonParser().parseResource(Bundle.class, example))
                .execute();

        assertThat(first.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsOnly("201 Created");
        assertThat(again.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsOnly("200 OK");
        String patient = new IdType(first.getEntry().get(0).getResponse().getLocation()).getIdPart();
        Bundle everything = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> everything(patient),
                        bundle -> derived(bundle, "TIME_TO_RESPONSE").size() >= 1);
        assertThat(everything.getEntry())
                .filteredOn(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .extracting(entry -> entry.getResource().fhirType())
                .containsExactlyInAnyOrder(
                        "Patient",
                        "Condition",
                        "Procedure",
                        "Observation",
                        "Observation",
                        "ServiceRequest",
                        "Procedure",
                        "Procedure");
        assertThat(everything.getEntry())
                .extracting(Bundle.BundleEntryComponent::getResource)
                .filteredOn(resource -> resource instanceof Procedure procedure && procedure.hasBasedOn())
                .extracting(resource -> ((Procedure) resource).getStatus())
                .containsExactly(Procedure.ProcedureStatus.COMPLETED, Procedure.ProcedureStatus.NOTDONE);
        assertThat(derived(everything, "RESPONDER"))
                .filteredOn(o -> o.getCode().getCodingFirstRep().getCode().equals("LEFS"))
                .singleElement()
                .satisfies(
                        o -> assertThat(o.getValueBooleanType().booleanValue()).isTrue());
        assertValid(first);
        assertValid(everything);
    }

    /** The whole of $everything: its pages, walked by their next links, as one searchset. */
    private static Bundle everything(String patient) {
        Bundle page = clinician
                .operation()
                .onInstance(new IdType("Patient", patient))
                .named("$everything")
                .withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .returnResourceType(Bundle.class)
                .useHttpGet()
                .execute();
        Bundle whole = new Bundle().setType(page.getType()).setTotal(page.getTotal());
        whole.getEntry().addAll(page.getEntry());
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            page = clinician.loadPage().next(page).execute();
            whole.getEntry().addAll(page.getEntry());
        }
        assertThat(whole.getEntry()).hasSize(whole.getTotal());
        return whole;
    }

    private static List<Observation> derived(Bundle bundle, String kind) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .filter(o -> o.hasMethod()
                        && o.getMethod().getCodingFirstRep().getCode().equals(kind))
                .toList();
    }

    @Test
    void shouldTakeOnePatientsCourseInOneBatchAnsweringEachEntry() {
        String patientId = "fhir-" + UUID.randomUUID();
        String byIdentifier = "Patient?identifier=" + PATIENT_ID + "|" + patientId;
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(PATIENT_ID).setValue(patientId);
        patient.setBirthDateElement(new DateType("1971"));
        Condition diagnosis = condition("unused", "dx-" + UUID.randomUUID());
        diagnosis.setSubject(new Reference(byIdentifier));
        Procedure injection = injection("unused");
        injection.setSubject(new Reference(byIdentifier));
        Procedure refused = injection("unused");
        refused.setSubject(new Reference(byIdentifier));
        refused.getUsedCodeFirstRep().getCodingFirstRep().setCode("SALINE");
        Observation baseline = assessment("unused", "BASELINE", "2026-03-02T09:30:00Z");
        baseline.setSubject(new Reference(byIdentifier));
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        post(batch, patient);
        post(batch, diagnosis);
        post(batch, injection);
        post(batch, refused);
        post(batch, baseline);

        Bundle answered = writer.transaction().withBundle(batch).execute();

        assertThat(answered.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactly(
                        "201 Created", "201 Created", "201 Created", "422 Unprocessable Entity", "201 Created");
        String patientFhirId =
                new IdType(answered.getEntry().get(0).getResponse().getLocation()).getIdPart();
        Bundle procedures = clinician
                .search()
                .forResource(Procedure.class)
                .where(Procedure.PATIENT.hasId(patientFhirId))
                .returnBundle(Bundle.class)
                .execute();
        Bundle observations = clinician
                .search()
                .forResource(Observation.class)
                .where(Observation.PATIENT.hasId(patientFhirId))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(procedures.getEntry()).hasSize(1);
        assertThat(observations.getEntry()).hasSize(1);
        assertValid(answered);
    }

    @Test
    void shouldTakeManyPatientsInOneBatchKeepingEachPatientsOrderAndAnAmendBeforeItsVoid() {
        // an existing diagnosis, amended and then voided in the batch: the void must come second
        String existingPatient = newPatient();
        String existing = writer.create()
                .resource(condition(existingPatient, null))
                .execute()
                .getId()
                .getIdPart();
        Condition amended = condition(existingPatient, null);
        amended.getBodySiteFirstRep().getCodingFirstRep().setCode("RIGHT");
        Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
        batch.addEntry()
                .setResource(amended)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl("Condition/" + existing)
                .setIfMatch("W/\"1\"");
        batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Condition/" + existing);
        List<String> patientIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String patientId = "fhir-" + UUID.randomUUID();
            patientIds.add(patientId);
            String byIdentifier = "Patient?identifier=" + PATIENT_ID + "|" + patientId;
            Patient patient = new Patient();
            patient.addIdentifier().setSystem(PATIENT_ID).setValue(patientId);
            post(batch, patient);
            Condition diagnosis = condition("unused", "dx-" + UUID.randomUUID());
            diagnosis.setSubject(new Reference(byIdentifier));
            post(batch, diagnosis);
            Observation baseline = assessment("unused", "BASELINE", "2026-03-02T09:30:00Z");
            baseline.setSubject(new Reference(byIdentifier));
            post(batch, baseline);
        }

        Bundle answered = writer.transaction().withBundle(batch).execute();

        // each record went through to its service with the writer's token, each Patient to the facade's store
        assertThat(answered.getEntry())
                .extracting(entry -> entry.getResponse().getStatus())
                .containsExactlyElementsOf(Stream.concat(
                                Stream.of("200 OK", "200 OK"),
                                patientIds.stream()
                                        .flatMap(p -> Stream.of("201 Created", "201 Created", "201 Created")))
                        .toList());
        Condition voided =
                clinician.read().resource(Condition.class).withId(existing).execute();
        assertThat(voided.getMeta().getVersionId()).isEqualTo("3");
        assertThat(voided.getBodySiteFirstRep().getCodingFirstRep().getCode()).isEqualTo("RIGHT");
        assertThat(voided.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        for (int i = 0; i < patientIds.size(); i++) {
            String patientFhirId =
                    new IdType(answered.getEntry().get(2 + 3 * i).getResponse().getLocation()).getIdPart();
            for (Class<? extends org.hl7.fhir.instance.model.api.IBaseResource> type :
                    List.of(Condition.class, Observation.class)) {
                Bundle found = clinician
                        .search()
                        .forResource(type)
                        .where(new ca.uhn.fhir.rest.gclient.ReferenceClientParam("patient").hasId(patientFhirId))
                        .returnBundle(Bundle.class)
                        .execute();
                assertThat(found.getEntry())
                        .as(type.getSimpleName() + " of " + patientIds.get(i))
                        .hasSize(1);
            }
        }
        assertValid(answered);
        // the patients the entries read are in the batch's one audit record
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            MongoCollection<org.bson.Document> audit =
                    mongo.getDatabase(LocalFhirFacade.SPEC.database()).getCollection("audit_log");
            // records are written from a queue, a moment after the answer
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(audit.find(Filters.all("patientIds", patientIds))
                                    .first())
                            .isNotNull()
                            .satisfies(
                                    record -> assertThat(record.get("status")).isEqualTo(200)));
        }
    }

    /** A POST of the resource as an entry of the batch. */
    private static void post(Bundle batch, org.hl7.fhir.r4.model.Resource resource) {
        batch.addEntry()
                .setResource(resource)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }

    private static List<String> expressions(ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException e) {
        OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
        return outcome.getIssue().stream()
                .flatMap(issue -> issue.getExpression().stream())
                .map(Object::toString)
                .toList();
    }
}
