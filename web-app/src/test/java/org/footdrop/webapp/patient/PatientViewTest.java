package org.footdrop.webapp.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PatientViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldPlaceTheResponderLineInTheMeasuresDirectionOfImprovement() {
        // given a measure where lower is better (Timed Up and Go) and one where higher is (MRC grades)
        JsonNode answer = JSON.readTree("""
                {"patientId":"p1","measures":{
                  "timedUpAndGo":{"baseline":{"value":12.0,"day":-2},"values":[{"value":12.0,"day":-2}]},
                  "mrcAnkleDorsiflexion":{"baseline":{"value":"3+","day":0},
                    "values":[{"value":"3+","day":0},{"value":"4-","day":40}]},
                  "lefs":{"values":[]}},
                 "definitions":{"responderThresholds":{"timedUpAndGo":1.14,"mrcAnkleDorsiflexion":1},"windows":[]}}
                """);

        // when the page's view is made
        PatientView view = PatientView.of(answer, Map.of(), List.of());

        // then the line sits below the baseline for Timed Up and Go and above it for MRC (whole grades)
        assertThat(view.measures())
                .extracting(PatientView.MeasureView::name, PatientView.MeasureView::responderLine)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("timedUpAndGo", "10.86"),
                        org.assertj.core.groups.Tuple.tuple("mrcAnkleDorsiflexion", "4"));
        // and MRC values are shown as recorded, drawn as their whole grade
        assertThat(view.measures().get(1).values())
                .extracting(PatientView.Point::value, PatientView.Point::numeric)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("3+", "3"), org.assertj.core.groups.Tuple.tuple("4-", "4"));
        // and a measure never taken is named, not drawn
        assertThat(view.notMeasured()).containsExactly("lefs");
    }
}
