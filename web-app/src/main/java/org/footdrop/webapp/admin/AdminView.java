package org.footdrop.webapp.admin;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page: dead letters (what, where and when, never their payloads), the projection rebuild and the
 * bulk import jobs of both owning services, each as its service answers it. A section whose service did not
 * answer says so instead of failing the page.
 */
public record AdminView(
        List<DeadLetter> deadLetters,
        String deadLettersProblem,
        Rebuild rebuild,
        String rebuildProblem,
        List<ImportRow> imports,
        List<String> importProblems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record DeadLetter(
            String partition,
            String offset,
            String reason,
            String originalTopic,
            String deadLetteredAt,
            String bytes,
            String redrivenAt,
            String redrivenBy) {

        public boolean redriven() {
            return redrivenAt != null;
        }
    }

    /** The rebuild's state and how far its replay is. */
    public record Rebuild(
            String state,
            String replayed,
            String total,
            String poison,
            String startedAt,
            String finishedAt,
            String error) {

        public boolean running() {
            return "REPLAYING".equals(state);
        }
    }

    public record ImportRow(
            String service,
            String jobId,
            String status,
            String system,
            String startedBy,
            String createdAt,
            String linesToImport,
            String processed,
            String accepted,
            String alreadyPresent,
            String refused,
            String failure) {

        public boolean hasRefusals() {
            return refused != null && !"0".equals(refused);
        }
    }

    /** One refused line of an import, with the problem's errors as field: reason. */
    public record Refusal(String line, String kind, String key, String title, List<String> errors) {}

    static List<Refusal> refusals(List<String> ndjsonLines) {
        List<Refusal> refusals = new ArrayList<>();
        for (String line : ndjsonLines) {
            JsonNode r = JSON.readTree(line);
            JsonNode problem = r.path("problem");
            List<String> errors = new ArrayList<>();
            for (JsonNode e : problem.path("errors")) {
                errors.add(text(e, "field") + ": " + text(e, "reason"));
            }
            refusals.add(new Refusal(
                    text(r, "line"),
                    text(r, "kind"),
                    text(r, "key"),
                    problem.isObject() ? text(problem, "title") : null,
                    errors));
        }
        return refusals;
    }

    static List<DeadLetter> deadLetters(JsonNode answer) {
        List<DeadLetter> letters = new ArrayList<>();
        for (JsonNode d : answer) {
            JsonNode redrive = d.path("redrive");
            letters.add(new DeadLetter(
                    text(d, "partition"),
                    text(d, "offset"),
                    text(d, "reason"),
                    text(d, "originalTopic"),
                    text(d, "deadLetteredAt"),
                    text(d, "bytes"),
                    redrive.isObject() ? text(redrive, "at") : null,
                    redrive.isObject() ? text(redrive, "by") : null));
        }
        return letters;
    }

    static Rebuild rebuild(JsonNode s) {
        return new Rebuild(
                text(s, "state"),
                text(s, "replayed"),
                text(s, "total"),
                text(s, "poison"),
                text(s, "startedAt"),
                text(s, "finishedAt"),
                text(s, "error"));
    }

    static List<ImportRow> imports(String service, JsonNode answer) {
        List<ImportRow> rows = new ArrayList<>();
        for (JsonNode j : answer) {
            rows.add(new ImportRow(
                    service,
                    text(j, "jobId"),
                    text(j, "status"),
                    text(j, "system"),
                    text(j, "startedBy"),
                    text(j, "createdAt"),
                    text(j, "linesToImport"),
                    text(j, "processed"),
                    text(j, "accepted"),
                    text(j, "alreadyPresent"),
                    text(j, "refused"),
                    text(j, "failure")));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
