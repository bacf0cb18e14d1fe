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
