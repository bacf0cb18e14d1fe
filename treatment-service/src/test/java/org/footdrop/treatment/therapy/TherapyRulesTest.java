package org.footdrop.treatment.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.contract.EventJson;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of a prescription and of a session that single-field annotations cannot say. That a
 * broken rule answers 400 problem+json and stores nothing is tested end-to-end in
 * TherapySessionsTest.
 */
class TherapyRulesTest {

    static Stream<Arguments> failing() {
        return Stream.of(
                fail("energy modality without its modality", t -> t.put("type", "ENERGY_MODALITY"), "modality"),
                fail("physical therapy with a modality", t -> t.put("modality", "LASER"), "modality"),
                fail("both planned weeks and an end date", t -> t.put("endDate", "2026-05-01"), "plannedWeeks"),
                fail("neither planned weeks nor an end date", t -> t.remove("plannedWeeks"), "plannedWeeks"),
                fail(
                        "end date before the start",
                        t -> t.put("endDate", "2026-03-08").remove("plannedWeeks"),
                        "endDate"),
                fail(
                        "end date more than 104 weeks after the start",
                        t -> t.put("endDate", "2028-03-08").remove("plannedWeeks"),
                        "endDate"));
    }

    static Stream<Arguments> passing() {
        return Stream.of(
                pass("physical therapy for planned weeks", t -> {}),
                pass(
                        "energy modality with its modality",
                        t -> t.put("type", "ENERGY_MODALITY").put("modality", "LASER")),
                pass("until an end date", t -> t.put("endDate", "2026-05-01").remove("plannedWeeks")),
                pass(
                        "until an end date 104 weeks on",
                        t -> t.put("endDate", "2028-03-06").remove("plannedWeeks")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void shouldRefuseAPrescriptionOutsideTheRulesNamingTheField(
            String rule, Consumer<ObjectNode> change, String field) {
        // given a valid prescription (from 2026-03-09, 8 weeks) changed to break one rule
        ObjectNode therapy = TreatmentBodies.therapy("pt-1");
        change.accept(therapy);

        // when
        List<FieldProblem> problems = TherapyRules.check(prescription(therapy));

        // then
        assertThat(problems).extracting(FieldProblem::field).containsExactly(field);
        assertThat(problems).extracting(FieldProblem::reason).allMatch(reason -> !reason.isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void shouldAcceptAPrescriptionWithinTheRules(String rule, Consumer<ObjectNode> change) {
        ObjectNode therapy = TreatmentBodies.therapy("pt-1");
        change.accept(therapy);

        assertThat(TherapyRules.check(prescription(therapy))).isEmpty();
    }

    @Test
    void shouldRefuseASessionBeforeTheTherapyStartsButNotOnItsFirstDay() {
        TherapyRequest therapy = prescription(TreatmentBodies.therapy("pt-1"));

        assertThat(TherapyRules.checkSession(session("2026-03-08"), therapy.startDate()))
                .extracting(FieldProblem::field)
                .containsExactly("date");
        assertThat(TherapyRules.checkSession(session("2026-03-09"), therapy.startDate()))
                .isEmpty();
    }

    private static TherapyRequest prescription(ObjectNode therapy) {
        return EventJson.mapper().treeToValue(therapy, TherapyRequest.class);
    }

    private static TherapySessionRequest session(String date) {
        return EventJson.mapper()
                .treeToValue(
                        EventJson.mapper().createObjectNode().put("date", date).put("attended", true),
                        TherapySessionRequest.class);
    }

    private static Arguments fail(String rule, Consumer<ObjectNode> change, String field) {
        return Arguments.of(rule, change, field);
    }

    private static Arguments pass(String rule, Consumer<ObjectNode> change) {
        return Arguments.of(rule, change);
    }
}
