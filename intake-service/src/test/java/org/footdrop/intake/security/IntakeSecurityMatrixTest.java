package org.footdrop.intake.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.intake.lifecycle.IntakeRecordApis;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.SecurityMatrixContract;

@EmbeddedInfrastructure
class IntakeSecurityMatrixTest extends SecurityMatrixContract {

    @Override
    protected Map<String, Entry> apiMatrix() {
        Map<String, Entry> matrix = new LinkedHashMap<>();
        matrix.putAll(recordEndpoints(IntakeRecordApis.DIAGNOSES));
        matrix.putAll(recordEndpoints(IntakeRecordApis.ASSESSMENTS));
        matrix.putAll(importEndpoints());
        return matrix;
    }
}
