package org.footdrop.contract.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event schemas and the Measures record say what {@link Measure} defines, measure by measure. */
class MeasureSchemaAgreementTest {

    private static final JsonNode MEASURES = schemaMeasures();

    @Test
    void shouldNameTheSameMeasuresInTheSameOrderEverywhere() {
        List<String> defined =
                Arrays.stream(Measure.values()).map(Measure::wireName).toList();

        assertThat(MEASURES.propertyNames()).containsExactlyElementsOf(defined);
        assertThat(Arrays.stream(Measures.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyElementsOf(defined);
    }

    @Test
    void shouldValidateMrcGradesWithTheDefinedPattern() {
        JsonNode grade = schemaDefinitions().get("mrcGrade");

        assertThat(grade.get("pattern").asString()).isEqualTo("^(" + Measure.MRC_GRADE_PATTERN + ")$");
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void shouldGiveEachMeasureTheDefinedTypeAndRange(Measure measure) {
        JsonNode property = MEASURES.get(measure.wireName());
        Class<?> recorded = Arrays.stream(Measures.class.getRecordComponents())
                .filter(c -> c.getName().equals(measure.wireName()))
                .findFirst()
                .orElseThrow()
                .getType();

        switch (measure.scale()) {
            case MRC -> {
                assertThat(property.get("$ref").asString()).isEqualTo("#/$defs/mrcGrade");
                assertThat(recorded).isEqualTo(String.class);
            }
            case DECIMAL -> {
                assertThat(property.get("type").asString()).isEqualTo("number");
                assertThat(recorded).isEqualTo(BigDecimal.class);
            }
            case INTEGER -> {
                assertThat(property.get("type").asString()).isEqualTo("integer");
                assertThat(recorded).isEqualTo(Integer.class);
                assertThat(measure.decimals()).isZero();
            }
        }
        if (measure.scale() != Measure.Scale.MRC) {
            assertThat(property.get("minimum").decimalValue()).isEqualByComparingTo(measure.minimum());
            assertThat(property.get("maximum").decimalValue()).isEqualByComparingTo(measure.maximum());
        }
    }

    private static JsonNode schemaMeasures() {
        return schemaDefinitions().get("measures").get("properties");
    }

    private static JsonNode schemaDefinitions() {
        try (InputStream in =
                Measure.class.getResourceAsStream("/contract/schemas/common/definitions.v1.schema.json")) {
            return JsonMapper.builder().build().readTree(in).get("$defs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
