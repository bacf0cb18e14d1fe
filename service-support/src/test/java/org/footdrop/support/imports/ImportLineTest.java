package org.footdrop.support.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.footdrop.contract.EventJson;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A line's own fields are read as strictly as a request body: each fault names its field. */
class ImportLineTest {

    @Test
    void shouldReadACreateAVoidAndASessionLine() {
        ImportLine create = line("{\"kind\":\"diagnosis\",\"key\":\"d-1\",\"body\":{\"patientId\":\"p-1\"}}");
        ImportLine voided = line(
                "{\"kind\":\"diagnosis\",\"key\":\"d-1\",\"action\":\"void\",\"patientId\":\"p-1\",\"reason\":\"dup\"}");
        ImportLine session = line("{\"kind\":\"therapySession\",\"key\":\"s-1\",\"patientId\":\"p-2\","
                + "\"therapyKey\":\"t-1\",\"body\":{\"date\":\"2026-01-01\",\"attended\":true}}");

        assertThat(create.action()).isEqualTo(ImportLine.Action.CREATE);
        assertThat(create.patientId()).isEqualTo("p-1");
        assertThat(voided.action()).isEqualTo(ImportLine.Action.VOID);
        assertThat(voided.requirePatientId()).isEqualTo("p-1");
        assertThat(voided.reason()).isEqualTo("dup");
        assertThat(session.patientId()).isEqualTo("p-2");
        assertThat(session.requireField("therapyKey")).isEqualTo("t-1");
        assertThat(session.system()).isEqualTo("urn:test");
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2]|$|a line must be one JSON object",
                "{\"kind\":\"diagnosis\",\"key\":\"d\",\"body\":{},\"note\":\"x\"}|note|unknown field",
                "{\"key\":\"d\",\"body\":{}}|kind|required",
                "{\"kind\":\"diagnosis\",\"body\":{}}|key|required",
                "{\"kind\":\"diagnosis\",\"key\":\" \",\"body\":{}}|key|must be a non-blank string",
                "{\"kind\":\"diagnosis\",\"key\":\"d\",\"action\":\"delete\",\"body\":{}}|action|must be one of create, amend, void",
                "{\"kind\":\"diagnosis\",\"key\":\"d\"}|body|required: the record as the API takes it",
                "{\"kind\":\"diagnosis\",\"key\":\"d\",\"action\":\"void\",\"body\":{}}|body|a void takes no body, only its reason",
                "{\"kind\":\"diagnosis\",\"key\":\"d\",\"action\":\"void\",\"patientId\":\"p\"}|reason|required",
            })
    void shouldNameTheFieldOfAFaultyLine(String text, String field, String reason) {
        assertThatThrownBy(() -> line(text))
                .isInstanceOfSatisfying(
                        ClinicalProblemException.class,
                        problem -> assertThat(problem.fields()).containsExactly(new FieldProblem(field, reason)));
    }

    @Test
    void shouldRefuseAKeyLongerThanItsLimit() {
        String key = "k".repeat(ImportLine.MAX_KEY + 1);
        assertThatThrownBy(() -> line("{\"kind\":\"diagnosis\",\"key\":\"" + key + "\",\"body\":{}}"))
                .isInstanceOfSatisfying(
                        ClinicalProblemException.class,
                        problem -> assertThat(problem.fields())
                                .extracting(FieldProblem::field)
                                .containsExactly("key"));
    }

    @Test
    void shouldAskForThePatientWhereTheBodyNamesNone() {
        ImportLine session = line("{\"kind\":\"therapySession\",\"key\":\"s\",\"therapyKey\":\"t\","
                + "\"body\":{\"date\":\"2026-01-01\",\"attended\":true}}");

        assertThatThrownBy(session::requirePatientId)
                .isInstanceOfSatisfying(
                        ClinicalProblemException.class,
                        problem -> assertThat(problem.fields())
                                .extracting(FieldProblem::field)
                                .containsExactly("patientId"));
    }

    private static ImportLine line(String text) {
        return ImportLine.of(1, EventJson.mapper().readTree(text), "urn:test");
    }
}
