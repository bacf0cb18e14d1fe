package org.footdrop.treatment.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.SecurityMatrixContract;
import org.footdrop.treatment.TreatmentBodies;

@EmbeddedInfrastructure
class TreatmentSecurityMatrixTest extends SecurityMatrixContract {

    private static final String SESSIONS = "/api/v1/therapies/{therapyId}/sessions";
    private static final String SESSION = SESSIONS + "/{sessionId}";
    private static final String BY_ID = "/api/v1/therapy-sessions/{sessionId}";
    private static final String ATTENDED = "{\"date\":\"2026-03-09\",\"attended\":true}";

    @Override
    protected Map<String, Entry> apiMatrix() {
        Map<String, Entry> matrix = new LinkedHashMap<>();
        matrix.putAll(recordEndpoints(TreatmentBodies.INJECTIONS));
        matrix.putAll(recordEndpoints(TreatmentBodies.THERAPIES));
        matrix.putAll(importEndpoints());
        matrix.put(
                "POST " + SESSIONS,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send("POST", sessions(therapy(http)), ATTENDED, 201)));
        matrix.put(
                "GET " + SESSIONS, new Entry(Access.role(Role.CLINICIAN), http -> Call.get(sessions(therapy(http)))));
        matrix.put(
                "PUT " + SESSION,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "PUT",
                                session(http),
                                "{\"date\":\"2026-03-09\",\"attended\":false}",
                                200,
                                "If-Match",
                                "\"1\"")));
        matrix.put(
                "DELETE " + SESSION,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "DELETE", session(http), "{\"reason\":\"logged twice\"}", 200, "If-Match", "\"1\"")));
        matrix.put("GET " + BY_ID, new Entry(Access.role(Role.CLINICIAN), http -> Call.get(sessionById(http))));
        matrix.put(
                "GET /api/v1/patients/{patientId}/therapy-sessions",
                new Entry(
                        Access.role(Role.CLINICIAN),
                        http -> Call.get("/api/v1/patients/" + newPatient() + "/therapy-sessions")));
        matrix.put(
                "PUT " + BY_ID,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "PUT",
                                sessionById(http),
                                "{\"date\":\"2026-03-09\",\"attended\":false}",
                                200,
                                "If-Match",
                                "\"1\"")));
        matrix.put(
                "DELETE " + BY_ID,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "DELETE",
                                sessionById(http),
                                "{\"reason\":\"logged twice\"}",
                                200,
                                "If-Match",
                                "\"1\"")));
        return matrix;
    }

    private static String sessionById(Http http) {
        var logged = http.send("POST", sessions(therapy(http)), ATTENDED);
        return "/api/v1/therapy-sessions/" + logged.getBody().get("sessionId").asString();
    }

    private static String therapy(Http http) {
        return create(http, TreatmentBodies.THERAPIES, newPatient());
    }

    private static String sessions(String therapyId) {
        return "/api/v1/therapies/" + therapyId + "/sessions";
    }

    private static String session(Http http) {
        String sessions = sessions(therapy(http));
        var logged = http.send("POST", sessions, ATTENDED);
        return sessions + "/" + logged.getBody().get("sessionId").asString();
    }
}
