package org.footdrop.intake.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.SecurityMatrixContract;
import org.springframework.test.context.TestPropertySource;

/**
 * The matrix with the benchmark's baseline endpoints switched on (as the benchmark harness runs the
 * service): they sit behind the same chain and need the clinical-writer role like any write.
 * {@link IntakeSecurityMatrixTest} shows they are not mapped by default.
 */
@EmbeddedInfrastructure
@TestPropertySource(properties = "footdrop.benchmark.baseline.enabled=true")
class IntakeSecurityMatrixWithBenchmarkBaselineTest extends SecurityMatrixContract {

    private static final String BODY = "{\"patientId\":\"pt-bench\",\"side\":\"LEFT\"}";

    @Override
    protected Map<String, Entry> apiMatrix() {
        Map<String, Entry> matrix = new LinkedHashMap<>(new IntakeSecurityMatrixTest().apiMatrix());
        matrix.put(
                "POST /api/v1/benchmark/raw-inserts",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send("POST", "/api/v1/benchmark/raw-inserts?padBytes=600", BODY, 201)));
        matrix.put(
                "POST /api/v1/benchmark/no-ops",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send("POST", "/api/v1/benchmark/no-ops", BODY, 204)));
        return matrix;
    }
}
