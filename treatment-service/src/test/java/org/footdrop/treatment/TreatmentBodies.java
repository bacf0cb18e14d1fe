package org.footdrop.treatment;

import java.util.List;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.Topics;
import org.footdrop.support.testing.RecordApi;
import tools.jackson.databind.node.ObjectNode;

/** Valid request bodies of treatment-service, and its record kinds for the shared lifecycle tests. */
public final class TreatmentBodies {

    public static final RecordApi INJECTIONS = new RecordApi(
            "injections",
            "injectionId",
            Topics.TREATMENT_EVENTS,
            "treatment.injection",
            "-administered",
            patientId -> injection(patientId, "2026-03-02T10:05:00Z"),
            patientId -> injection(patientId, "2026-03-02T10:05:00Z").put("volumeMl", 12.0),
            "injection",
            List.of(EventType.INJECTION_ADMINISTERED, EventType.INJECTION_AMENDED, EventType.INJECTION_VOIDED));

    public static final RecordApi THERAPIES = new RecordApi(
            "therapies",
            "therapyId",
            Topics.TREATMENT_EVENTS,
            "treatment.therapy",
            "-prescribed",
            TreatmentBodies::therapy,
            patientId -> therapy(patientId).put("sessionsPerWeek", 3),
            "therapy",
            List.of(EventType.THERAPY_PRESCRIBED, EventType.THERAPY_AMENDED, EventType.THERAPY_VOIDED));

    private TreatmentBodies() {}

    /** An ultrasound-guided hydrodissection of the fibular nerve with Dextrose 5%. */
    public static ObjectNode injection(String patientId, String administeredAt) {
        ObjectNode i = EventJson.mapper().createObjectNode();
        i.put("patientId", patientId);
        i.put("administeredAt", administeredAt);
        i.put("technique", "NERVE_HYDRODISSECTION");
        i.put("target", "FIBULAR_NERVE");
        i.put("side", "LEFT");
        i.put("guidance", "ULTRASOUND");
        i.put("solution", "DEXTROSE_5");
        i.put("volumeMl", 10.5);
        i.put("durationMinutes", 30);
        return i;
    }

    /** A fluoroscopy-guided transforaminal epidural at L5 with PRP. */
    public static ObjectNode transforaminal(String patientId, String administeredAt) {
        return asTransforaminal(injection(patientId, administeredAt)).put("solution", "PRP");
    }

    /** The injection made a fluoroscopy-guided transforaminal epidural at L5 of 3 mL, within the rules. */
    public static ObjectNode asTransforaminal(ObjectNode i) {
        return i.put("technique", "TRANSFORAMINAL_EPIDURAL")
                .put("target", "NERVE_ROOT")
                .put("targetLevel", "L5")
                .put("guidance", "FLUOROSCOPY")
                .put("volumeMl", 3);
    }

    /** The injection made a fluoroscopy-guided caudal epidural of 20 mL, within the rules. */
    public static ObjectNode asCaudal(ObjectNode i) {
        return i.put("technique", "CAUDAL_EPIDURAL")
                .put("target", "NERVE_ROOT")
                .put("guidance", "FLUOROSCOPY")
                .put("volumeMl", 20);
    }

    public static ObjectNode therapy(String patientId) {
        ObjectNode t = EventJson.mapper().createObjectNode();
        t.put("patientId", patientId);
        t.put("type", "PHYSICAL_THERAPY");
        t.put("startDate", "2026-03-09");
        t.put("sessionsPerWeek", 2);
        t.put("plannedWeeks", 8);
        return t;
    }
}
