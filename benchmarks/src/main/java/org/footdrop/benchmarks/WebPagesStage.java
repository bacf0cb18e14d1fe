package org.footdrop.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.footdrop.stack.LocalAuthorizationServer;

/**
 * The web pages' server answer (issues 19 and 20): each page fetched as its role signs in through the real
 * login (the authorization-code flow, followed with a cookie jar as a browser would), beside the API calls the
 * page makes, each timed alone with the same role's client token. A page is a path and its API calls, so
 * another page is one more line in {@link #PAGES}.
 */
final class WebPagesStage {

    /** Where a page's path or an API call names a fed patient. */
    static final String PATIENT = "{patientId}";

    /** The authorization server, in an {@link ApiCall}. */
    static final String AUTH = "auth";

    /** One call a page makes to a service, timed on its own. */
    record ApiCall(String service, String path) {}

    /**
     * A page of the web app.
     *
     * @param overApiMs when set, the page's p95 must be within its slowest API call's p95 plus this many ms
     */
    record Page(String name, String role, String path, List<ApiCall> apiCalls, Double overApiMs) {

        Page(String name, String role, String path, List<ApiCall> apiCalls) {
            this(name, role, path, apiCalls, null);
        }
    }

    /** Every page, with the calls its controller makes (web-app's controllers and their service clients). */
    static final List<Page> PAGES = List.of(
            new Page(
                    "patient",
                    "clinician",
                    "/patients/" + PATIENT,
                    List.of(
                            new ApiCall("outcomes", "/api/v1/patients/" + PATIENT + "/outcomes"),
                            new ApiCall("treatment", "/api/v1/patients/" + PATIENT + "/injections"),
                            new ApiCall("outcomes", "/api/v1/data-quality?page=1&size=1000"))),
            new Page(
                    "data quality",
                    "clinician",
                    "/data-quality",
                    List.of(new ApiCall("outcomes", "/api/v1/data-quality?page=1&size=100"))),
            // issue 20: the cohort page within the report endpoint's time plus at most 100 ms
            new Page(
                    "cohorts",
                    "analyst",
                    "/cohorts?groupBy=solutionGroup",
                    List.of(new ApiCall("outcomes", "/api/v1/cohorts/report?groupBy=solutionGroup")),
                    100.0),
            new Page(
                    "time to response",
                    "analyst",
                    "/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=solutionGroup",
                    List.of(new ApiCall(
                            "outcomes",
                            "/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable&groupBy=solutionGroup"))),
            new Page(
                    "safety",
                    "analyst",
                    "/safety",
                    List.of(
                            new ApiCall("outcomes", "/api/v1/cohorts/safety"),
                            new ApiCall("outcomes", "/api/v1/data-quality/summary"))),
            new Page(
                    "admin",
                    "admin",
                    "/admin",
                    List.of(
                            new ApiCall("outcomes", "/api/v1/admin/dead-letters?limit=200"),
                            new ApiCall("outcomes", "/api/v1/admin/projection-rebuilds/current"),
                            new ApiCall("intake", "/api/v1/admin/imports?limit=50"),
                            new ApiCall("treatment", "/api/v1/admin/imports?limit=50"))),
            new Page(
                    "ops",
                    "ops",
                    "/ops",
                    List.of(
                            new ApiCall(AUTH, "/actuator/health"),
                            new ApiCall("intake", "/actuator/health"),
                            new ApiCall("treatment", "/actuator/health"),
                            new ApiCall("outcomes", "/actuator/health"))));

    /** One page at one population: its p95 and each of its API calls'. */
    record Result(int patients, Page page, Histogram answer, Map<ApiCall, Histogram> apiCalls) {

        double p95Ms() {
            return answer.getValueAtPercentile(95) / 1000.0;
        }

        double slowestApiP95Ms() {
            return apiCalls.values().stream()
                    .mapToDouble(h -> h.getValueAtPercentile(95) / 1000.0)
                    .max()
                    .orElse(0);
        }

        /** Null when the page has no budget over its API calls. */
        Boolean withinBudget() {
            return page.overApiMs() == null ? null : p95Ms() <= slowestApiP95Ms() + page.overApiMs();
        }
    }

    private static final String HTML = "text/html,application/xhtml+xml";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");

    private final BenchmarkStack stack;
    private final List<Page> pages;
    private final Map<String, HttpClient> people = new LinkedHashMap<>();

    WebPagesStage(BenchmarkStack stack, List<Page> pages) {
        this.stack = stack;
        this.pages = pages;
    }

    /**
     * Each page {@code calls} times after as many unmeasured warm-up calls, then each of its API calls as often.
     *
     * @param patientId a fed patient's id by a random index below {@code patients}
     */
    List<Result> measure(int patients, int calls, IntFunction<String> patientId) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Page page : pages) {
            HttpClient person = signedIn(page.role());
            Histogram answer = time(calls, () -> {
                String path = withPatient(page.path(), patients, patientId);
                return send(person, URI.create(stack.url("web") + path), null);
            });
            Map<ApiCall, Histogram> api = new LinkedHashMap<>();
            String token = stack.token(page.role());
            for (ApiCall call : page.apiCalls()) {
                api.put(call, time(calls, () -> {
                    String path = withPatient(call.path(), patients, patientId);
                    String base = call.service().equals(AUTH) ? stack.issuer() : stack.url(call.service());
                    return send(stack.http(), URI.create(base + path), token);
                }));
            }
            results.add(new Result(patients, page, answer, api));
        }
        return results;
    }

    private static String withPatient(String path, int patients, IntFunction<String> patientId) {
        return path.contains(PATIENT)
                ? path.replace(
                        PATIENT, patientId.apply(ThreadLocalRandom.current().nextInt(patients)))
                : path;
    }

    private interface Get {
        HttpResponse<String> send() throws Exception;
    }

    /** Sequential GETs after as many unmeasured warm-up calls; anything but a 200 stops the run. */
    private static Histogram time(int calls, Get get) throws Exception {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < 2 * calls; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = get.send();
            long micros = (System.nanoTime() - sent) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + response.uri() + " answered " + response.statusCode());
            }
            if (i >= calls) {
                histogram.recordValue(Math.max(1, micros));
            }
        }
        return histogram;
    }

    /**
     * A browser-like client signed in as the role's local person: it opens the web app, is sent to the
     * authorization server's form, posts the user name and password with the form's CSRF token, and follows
     * the redirects back with the code; the cookie jar then holds the web app's session.
     */
    HttpClient signedIn(String role) throws Exception {
        HttpClient existing = people.get(role);
        if (existing != null) {
            return existing;
        }
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> form = send(browser, URI.create(stack.url("web") + "/"), null);
        if (!form.uri().getPath().equals("/login")) {
            throw new IllegalStateException("expected the sign-in form, got " + form.uri());
        }
        Matcher action = FORM_ACTION.matcher(form.body());
        Matcher csrf = CSRF.matcher(form.body());
        if (!action.find() || !csrf.find()) {
            throw new IllegalStateException("no sign-in form with a CSRF token at " + form.uri());
        }
        String user = LocalAuthorizationServer.localUser(role);
        String body = "username=" + encode(user) + "&password="
                + encode(LocalAuthorizationServer.localDefaultPassword(user)) + "&" + encode(csrf.group(1)) + "="
                + encode(csrf.group(2));
        HttpResponse<String> home = browser.send(
                HttpRequest.newBuilder(form.uri().resolve(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", HTML)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(stack.url("web"))) {
            throw new IllegalStateException(
                    "signing in as " + user + " ended at " + home.uri() + " (" + home.statusCode() + ")");
        }
        people.put(role, browser);
        return browser;
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else {
            // as a browser asks: the authorization server sends only HTML clients to its sign-in form
            request.header("Accept", HTML);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the report's section

    /** The summary's row per population: every page's p95 and whether those with a budget met it. */
    static void summaryRows(List<Result> results, Report.SummaryRow row) {
        Map<Integer, List<Result>> byPopulation = new LinkedHashMap<>();
        results.forEach(r -> byPopulation
                .computeIfAbsent(r.patients(), p -> new ArrayList<>())
                .add(r));
        byPopulation.forEach((patients, each) -> {
            List<String> figures = new ArrayList<>();
            boolean met = true;
            for (Result r : each) {
                figures.add(r.page().name() + " " + ms(r.p95Ms()));
                if (Boolean.FALSE.equals(r.withinBudget())) {
                    met = false;
                }
            }
            row.add(
                    "web pages at " + String.format(Locale.ROOT, "%,d", patients) + " fed patients",
                    "p95 " + String.join(", ", figures),
                    "cohort page <= report + 100 ms",
                    met);
        });
    }

    static void section(StringBuilder md, List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        md.append("## Web pages\n\n");
        md.append("Each page fetched from the web app as its role signed in through the authorization server's"
                + " form (the code flow followed with a cookie jar), sequentially after as many unmeasured warm-up"
                + " calls; beside it each API call the page makes, timed alone with the role's client token. The"
                + " page's answer includes its API calls, made one after another.\n\n");
        md.append("| fed patients | page | role | calls | p50 | p95 | p99 | its API calls (p95 each) | budget |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            List<String> api = new ArrayList<>();
            r.apiCalls()
                    .forEach((call, h) -> api.add(
                            call.service() + " `" + call.path() + "` " + ms(h.getValueAtPercentile(95) / 1000.0)));
            Boolean within = r.withinBudget();
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d | %s `%s` | %s | %d | %s | %s | %s | %s | %s |%n",
                    r.patients(),
                    r.page().name(),
                    r.page().path(),
                    r.page().role(),
                    r.answer().getTotalCount(),
                    ms(r.answer().getValueAtPercentile(50) / 1000.0),
                    ms(r.p95Ms()),
                    ms(r.answer().getValueAtPercentile(99) / 1000.0),
                    String.join("; ", api),
                    within == null
                            ? "-"
                            : "<= slowest API + " + ms(r.page().overApiMs()) + (within ? " met" : " NOT met")));
        }
        md.append('\n');
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }
}
