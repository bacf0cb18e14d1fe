package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.support.testing.SliceRequests.assertRefusedNaming;
import static org.footdrop.support.testing.SliceRequests.body;
import static org.footdrop.support.testing.SliceRequests.send;
import static org.footdrop.treatment.TreatmentBodies.asCaudal;
import static org.footdrop.treatment.TreatmentBodies.asTransforaminal;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.testing.WebSlice;
import org.footdrop.treatment.TreatmentBodies;
import org.footdrop.treatment.TreatmentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * The injection API's contract for bodies, through the real controller, JSON reading, bean
 * validation, clinical rules (InjectionRulesTest has one case per rule) and problem handler:
 * injections within the rules are accepted, a refused one answers problem+json naming the field
 * and is never stored. Storing and the warnings from the series are tested end-to-end in
 * InjectionRuleMatrixTest.
 */
@WebMvcTest(InjectionController.class)
@WebSlice
@Import({TreatmentConfiguration.class, WebSlice.OutboxClock.class, InjectionService.class, InjectionRecordKind.class})
class InjectionValidationSliceTest {

    @Autowired
    MockMvcTester mvc;

    // The store: an accepted injection is handed to it; a refused one never reaches it.
    @MockitoBean
    ClinicalRecords records;

    static Stream<Arguments> passing() {
        return Stream.of(
                pass("hydrodissection, ultrasound, fibular nerve", i -> {}),
                pass("hydrodissection of the sciatic nerve", i -> i.put("target", "SCIATIC_NERVE")),
                pass("hydrodissection at 1 mL", i -> i.put("volumeMl", 1)),
                pass("hydrodissection at 40 mL", i -> i.put("volumeMl", 40)),
                pass("transforaminal, fluoroscopy, L5 root", i -> asTransforaminal(i)),
                pass("transforaminal at 0.5 mL", i -> asTransforaminal(i).put("volumeMl", 0.5)),
                pass("transforaminal at 10 mL", i -> asTransforaminal(i).put("volumeMl", 10)),
                pass("caudal under ultrasound", i -> asCaudal(i).put("guidance", "ULTRASOUND")),
                pass("caudal under fluoroscopy", i -> asCaudal(i).put("guidance", "FLUOROSCOPY")),
                pass("caudal at 5 mL", i -> asCaudal(i).put("volumeMl", 5)),
                pass("caudal at 40 mL", i -> asCaudal(i).put("volumeMl", 40)),
                pass("duration 1 minute", i -> i.put("durationMinutes", 1)),
                pass("duration 240 minutes", i -> i.put("durationMinutes", 240)),
                pass("PRP leukocyte-poor", i -> i.put("solution", "PRP").put("prpLeukocytes", "LEUKOCYTE_POOR")),
                pass(
                        "OTHER adverse event with a note",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "OTHER")
                                .put("severity", "MILD")
                                .put("resolved", true)
                                .put("note", "headache")),
                pass(
                        "known CPT codes",
                        i -> i.putArray("cptCodes").add("64450").add("76942").add("0232T")));
    }

    /** What bean validation and strict JSON refuse, and one clinical rule to show how it answers. */
    static Stream<Arguments> failing() {
        return Stream.of(
                fail(
                        "transforaminal under ultrasound (a clinical rule)",
                        i -> asTransforaminal(i).put("guidance", "ULTRASOUND"),
                        "guidance"),
                fail(
                        "severity missing",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "VASOVAGAL")
                                .put("resolved", true),
                        "adverseEvents[0].severity"),
                fail("CPT code malformed", i -> i.putArray("cptCodes").add("6445"), "cptCodes[0]"),
                fail("volume finer than 0.1 mL", i -> i.put("volumeMl", 10.55), "volumeMl"),
                fail("technique unknown", i -> i.put("technique", "ACUPUNCTURE"), "technique"),
                fail("solution missing", i -> i.remove("solution"), "solution"),
                fail("side missing", i -> i.remove("side"), "side"),
                fail("volume as a string", i -> i.put("volumeMl", "10.5"), "volumeMl"),
                fail("unknown field", i -> i.put("injectionNumber", 2), "injectionNumber"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void shouldAcceptAnInjectionWithinTheRules(String rule, Consumer<ObjectNode> change) {
        // given a valid injection, changed within the rules, and a store that takes it
        ObjectNode injection = TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");
        change.accept(injection);
        when(records.create(
                        any(InjectionRecordKind.class),
                        any(InjectionState.class),
                        nullable(ExternalIdentifier.class),
                        any(RequestContext.class)))
                .thenAnswer(call -> new ClinicalRecords.Created<>(stored(call.getArgument(1)), true));

        // when
        MvcTestResult response = send(mvc, HttpMethod.POST, "/api/v1/injections", injection.toString());

        // then
        assertThat(response).hasStatus(201);
        assertThat(body(response).get("patientId").asString())
                .isEqualTo(injection.get("patientId").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void shouldRefuseAnInjectionOutsideTheRulesNamingTheField(String rule, Consumer<ObjectNode> change, String field) {
        // given a valid injection changed to break one rule
        ObjectNode injection = TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");
        change.accept(injection);

        // when
        MvcTestResult response = send(mvc, HttpMethod.POST, "/api/v1/injections", injection.toString());

        // then
        assertRefusedNaming(response, field);
        verifyNoInteractions(records);
    }

    @Test
    void shouldRejectAnAmendedTransforaminalInjectionWithoutFluoroscopy() {
        // given an amendment that breaks the guidance rule
        ObjectNode injection = asTransforaminal(TreatmentBodies.injection("pt-1", "2026-03-02T10:05:00Z"))
                .put("guidance", "ULTRASOUND");

        // when
        MvcTestResult response = send(
                mvc, HttpMethod.PUT, "/api/v1/injections/" + UUID.randomUUID(), injection.toString(), "If-Match", "1");

        // then
        assertRefusedNaming(response, "guidance");
        verifyNoInteractions(records);
    }

    private static StoredRecord<InjectionState> stored(InjectionState state) {
        return new StoredRecord<>(
                UUID.randomUUID(), state.patientId(), 1, RecordStatus.ACTIVE, state, Instant.now(), null, null, null);
    }

    private static Arguments pass(String rule, Consumer<ObjectNode> change) {
        return Arguments.of(rule, change);
    }

    private static Arguments fail(String rule, Consumer<ObjectNode> change, String field) {
        return Arguments.of(rule, change, field);
    }
}
