package org.footdrop.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import org.footdrop.contract.intake.Measure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The assessment request validates each measure with the range and decimals {@link Measure} defines. */
class MeasuresRequestAgreementTest {

    @Test
    void shouldNameEveryDefinedMeasureInOrder() {
        assertThat(Arrays.stream(MeasuresRequest.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactlyElementsOf(
                        Arrays.stream(Measure.values()).map(Measure::wireName).toList());
    }

    @ParameterizedTest
    @EnumSource(Measure.class)
    void shouldValidateEachMeasureAsDefined(Measure measure) throws NoSuchFieldException {
        Field annotated = MeasuresRequest.class.getDeclaredField(measure.wireName());

        switch (measure.scale()) {
            case MRC ->
                assertThat(annotated.getAnnotation(Pattern.class).regexp()).isEqualTo(Measure.MRC_GRADE_PATTERN);
            case DECIMAL -> {
                assertThat(new BigDecimal(
                                annotated.getAnnotation(DecimalMin.class).value()))
                        .isEqualByComparingTo(measure.minimum());
                assertThat(new BigDecimal(
                                annotated.getAnnotation(DecimalMax.class).value()))
                        .isEqualByComparingTo(measure.maximum());
                assertThat(annotated.getAnnotation(Digits.class).fraction()).isEqualTo(measure.decimals());
            }
            case INTEGER -> {
                assertThat(annotated.getAnnotation(Min.class).value())
                        .isEqualTo(measure.minimum().longValueExact());
                assertThat(annotated.getAnnotation(Max.class).value())
                        .isEqualTo(measure.maximum().longValueExact());
            }
        }
    }
}
