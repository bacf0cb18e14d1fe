package org.footdrop.systemtests;

import java.util.List;
import java.util.Random;

/**
 * Generated hostile HTTP input, every request certainly invalid: malformed JSON, wrong types, huge
 * numbers, very long strings, deep nesting, bodies over the limit, odd Unicode, MongoDB operators.
 * Seeded, so a failing request can be reproduced.
 */
final class HostileRequests {

    record Request(String service, String method, String path, String body) {}

    /**
     * One hostile request to the FHIR facade, the status it must be answered with (always with an
     * OperationOutcome), and whether it is sent without a length (chunked), as HAPI's client sends a
     * large Bundle.
     */
    record FhirRequest(String what, String path, String body, int status, boolean chunked) {}

    private static final String FHIR = "https://footdrop.org/fhir";
    private static final String CONDITION = """
            {"resourceType":"Condition","subject":{"reference":"Patient/%1$s"},\
            "category":[{"coding":[{"system":"%2$s/CodeSystem/cause-category","code":"FIBULAR_NERVE_AT_KNEE"}]}],\
            "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M21.372"}]},\
            "bodySite":[{"coding":[{"system":"%2$s/CodeSystem/side","code":"%3$s"}]}],\
            "onsetDateTime":"2025-11-20"%4$s}""";
    private static final String PROCEDURE = """
            {"resourceType":"Procedure","extension":[{"url":"%2$s/StructureDefinition/guidance",\
            "valueCoding":{"system":"%2$s/CodeSystem/guidance","code":"%3$s"}},\
            {"url":"%2$s/StructureDefinition/volume","valueQuantity":{"value":10.5,"unit":"mL",\
            "system":"http://unitsofmeasure.org","code":"mL"}}],\
            "status":"completed","subject":{"reference":"Patient/%1$s"},\
            "code":{"coding":[{"system":"%2$s/CodeSystem/injection-technique","code":"NERVE_HYDRODISSECTION"}]},\
            "performedPeriod":{"start":"2026-03-02T10:05:00Z","end":"2026-03-02T10:35:00Z"},\
            "bodySite":[{"coding":[{"system":"%2$s/CodeSystem/injection-target","code":"FIBULAR_NERVE"}]},\
            {"coding":[{"system":"%2$s/CodeSystem/side","code":"LEFT"}]}],\
            "usedCode":[{"coding":[{"system":"%2$s/CodeSystem/solution","code":"DEXTROSE_5"}]}]}""";

    /** A Patient for the facade (kept in its own store, no event): the subject the hostile records name. */
    static String fhirPatient(String patientId) {
        return "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + FHIR + "/sid/patient-id\",\"value\":\""
                + patientId + "\"}],\"birthDate\":\"1968\"}";
    }

    /**
     * The hostile FHIR requests of issue 21, each about an existing Patient ({@code fhirId}) so that
     * only the fault named is wrong; ids of Patients they would create start with {@code prefix}.
     */
    static List<FhirRequest> fhir(String fhirId, String prefix) {
        String condition = CONDITION.formatted(fhirId, FHIR, "LEFT", ",\"recordedDate\":\"2026-03-02\"");
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            entries.append(i == 0 ? "" : ",")
                    .append("{\"resource\":")
                    .append(fhirPatient(prefix + "batch-" + i))
                    .append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
        }
        String tenThousand = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + entries + "]}";
        // valid up to its note, which is ten megabytes long
        String tenMegabytes = condition.substring(0, condition.length() - 1) + ",\"note\":[{\"text\":\""
                + "n".repeat(10 * 1024 * 1024) + "\"}]}";
        return List.of(
                new FhirRequest("malformed JSON", "/fhir/Condition", condition.substring(0, 120), 400, false),
                new FhirRequest(
                        "the wrong resource type", "/fhir/Condition", fhirPatient(prefix + "wrong"), 400, false),
                new FhirRequest(
                        "an unknown code",
                        "/fhir/Condition",
                        CONDITION.formatted(fhirId, FHIR, "MIDDLE", ",\"recordedDate\":\"2026-03-02\""),
                        422,
                        false),
                new FhirRequest(
                        "a missing required element (recordedDate)",
                        "/fhir/Condition",
                        CONDITION.formatted(fhirId, FHIR, "LEFT", ""),
                        422,
                        false),
                new FhirRequest(
                        "a Procedure against the clinic's rules (hydrodissection under fluoroscopy)",
                        "/fhir/Procedure",
                        PROCEDURE.formatted(fhirId, FHIR, "FLUOROSCOPY"),
                        422,
                        false),
                new FhirRequest("a batch Bundle of 10,000 entries", "/fhir", tenThousand, 422, false),
                new FhirRequest("a 10 MB body", "/fhir/Condition", tenMegabytes, 413, false),
                new FhirRequest("a 10 MB body without a length", "/fhir/Condition", tenMegabytes, 413, true));
    }

    private static final List<String> ODD = List.of(
            "\u0000",
            "\uFEFF",
            "\u202E",
            "\uD83D\uDE00",
            "\uFFFF",
            "\\ud800",
            "e\u0301",
            "\u0085",
            "%00",
            "'; DROP TABLE--");
    private static final List<String> OPERATORS = List.of(
            "{\"$ne\":null}",
            "{\"$gt\":\"\"}",
            "{\"$where\":\"sleep(1000)\"}",
            "{\"$regex\":\".*\"}",
            "\"$where\"",
            "[{\"$in\":[1]}]");

    private final Random random;
    private int counter;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next() {
        counter++;
        String patientId = "\"pt-hostile-" + counter + "\"";
        String[][] targets = {
            {"intake", "/api/v1/diagnoses", "{\"patientId\":%s,\"side\":%s,\"diagnosisDate\":%s,\"causeCategory\":%s}"},
            {
                "intake",
                "/api/v1/assessments",
                "{\"patientId\":%s,\"assessedAt\":%s,\"kind\":%s,\"side\":\"LEFT\",\"measures\":{\"gaitSpeedComfortable\":%s}}"
            },
            {
                "treatment",
                "/api/v1/injections",
                "{\"patientId\":%s,\"administeredAt\":%s,\"technique\":%s,\"target\":\"FIBULAR_NERVE\",\"side\":\"LEFT\",\"guidance\":\"ULTRASOUND\",\"solution\":\"DEXTROSE_5\",\"volumeMl\":%s,\"durationMinutes\":30}"
            },
            {
                "treatment",
                "/api/v1/therapies",
                "{\"patientId\":%s,\"type\":%s,\"startDate\":%s,\"sessionsPerWeek\":%s,\"plannedWeeks\":8}"
            }
        };
        String[] target = targets[random.nextInt(targets.length)];
        String method = random.nextInt(10) == 0 ? "PUT" : "POST";
        String path = method.equals("PUT") ? target[1] + "/" + java.util.UUID.randomUUID() : target[1];
        return new Request(target[0], method, path, body(target[2], patientId));
    }

    private String body(String template, String patientId) {
        switch (random.nextInt(9)) {
            case 0: // malformed JSON
                String json = template.formatted(patientId, "\"LEFT\"", "\"2026-02-20\"", "\"X\"");
                return json.substring(0, 1 + random.nextInt(json.length() - 1));
            case 1: // wrong types everywhere
                return template.formatted("123", "true", "[1,2]", "{\"a\":1}");
            case 2: // huge numbers
                return template.formatted(patientId, "1e309", "\"2026-02-20\"", "9".repeat(400));
            case 3: // very long strings
                return template.formatted(
                        "\"" + "p".repeat(5_000 + random.nextInt(20_000)) + "\"",
                        "\"LEFT\"",
                        "\"2026-02-20\"",
                        "\"" + "x".repeat(10_000) + "\"");
            case 4: // deep nesting
                int depth = 500 + random.nextInt(5_000);
                return "{\"patientId\":" + patientId + ",\"measures\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            case 5: // over the body limit
                return "{\"patientId\":" + patientId + ",\"note\":\"" + "n".repeat(70_000 + random.nextInt(50_000))
                        + "\"}";
            case 6: // odd Unicode in every string
                String odd = ODD.get(random.nextInt(ODD.size()));
                return template.formatted(
                        "\"pt-" + odd + "\"", "\"LE" + odd + "FT\"", "\"2026-02-2" + odd + "\"", "\"" + odd + "\"");
            case 7: // operators as values
                String operator = OPERATORS.get(random.nextInt(OPERATORS.size()));
                return template.formatted(operator, operator, operator, operator);
            default: // an unknown field beside otherwise plausible values
                return template.formatted(patientId, "\"LEFT\"", "\"2026-02-20\"", "\"SCIATIC_NERVE\"")
                        .replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"$where\":\"1\","));
        }
    }
}
