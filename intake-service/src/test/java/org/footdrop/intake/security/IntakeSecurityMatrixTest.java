package org.footdrop.intake.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.intake.lifecycle.IntakeRecordApis;
import org.footdrop.support.security.Role;
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
        matrix.put(
                "PUT /api/v1/patients/{patientId}/demographics",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "PUT",
                                "/api/v1/patients/" + newPatient() + "/demographics",
                                "{\"birthYear\":1962,\"sex\":\"FEMALE\"}",
                                200)));
        return matrix;
    }
}
