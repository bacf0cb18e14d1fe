package org.footdrop.intake;

import java.util.UUID;
import org.footdrop.contract.EventJson;
import tools.jackson.databind.node.ObjectNode;

/** Valid intake bodies the validation tests break one field at a time. */
public final class IntakeBodies {

    private IntakeBodies() {}

    /** A LEFT fibular-nerve diagnosis of 2026-03-02, symptoms since 2025-11-20, for a new patient. */
    public static ObjectNode validDiagnosis() {
        ObjectNode d = EventJson.mapper().createObjectNode();
        d.put("patientId", "pt-" + UUID.randomUUID());
        d.put("birthYear", 1968);
        d.put("sex", "FEMALE");
        d.put("side", "LEFT");
        d.put("diagnosisDate", "2026-03-02");
        d.put("symptomOnsetDate", "2025-11-20");
        d.put("causeCategory", "FIBULAR_NERVE_AT_KNEE");
        d.put("mechanism", "POSTURAL_COMPRESSION");
        return d;
    }

    /** A LEFT baseline assessment on 2026-03-02 with one measure. */
    public static ObjectNode validAssessment(String patientId) {
        ObjectNode a = EventJson.mapper().createObjectNode();
        a.put("patientId", patientId);
        a.put("assessedAt", "2026-03-02T09:00:00Z");
        a.put("kind", "BASELINE");
        a.put("side", "LEFT");
        a.putObject("measures").put("mrcAnkleDorsiflexion", "2");
        return a;
    }
}
