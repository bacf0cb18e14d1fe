package org.footdrop.support.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment docker-compose.tls.yml gives a container, read from the file itself, so that a
 * test switches TLS on with exactly the variables compose uses, only with its own paths and ports.
 */
public final class ComposeTlsOverride {

    public static final String FILE = "docker-compose.tls.yml";

    /** {@code $$} (a literal dollar), or {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}}. */
    private static final Pattern VARIABLE = Pattern.compile("(\\$\\$)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private ComposeTlsOverride() {}

    /**
     * NAME -> value for this compose service as compose sets it when nothing is exported: each
     * {@code ${VAR:-default}} (or {@code ${VAR-default}}) becomes its default, a bare {@code ${VAR}} empty.
     */
    public static Map<String, String> environment(String service) {
        Map<?, ?> definition = service(service);
        Map<String, String> environment = new LinkedHashMap<>();
        Object entries = definition.get("environment");
        if (entries instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), interpolated(String.valueOf(value))));
        }
        return environment;
    }

    static String interpolated(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement = variable.group(1) != null ? "$" : variable.group(3) != null ? variable.group(3) : "";
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** The same environment with every path under the container's directory moved to a local one. */
    public static Map<String, String> environment(String service, String containerDir, Path localDir) {
        String from = containerDir.endsWith("/") ? containerDir : containerDir + "/";
        String to = localDir.toAbsolutePath() + "/";
        Map<String, String> environment = new LinkedHashMap<>();
        environment(service).forEach((name, value) -> environment.put(name, value.replace(from, to)));
        return environment;
    }

    /** The override's health check command for this service, as the list compose runs (CMD, ...). */
    public static List<String> healthcheck(String service) {
        Map<?, ?> healthcheck = (Map<?, ?>) service(service).get("healthcheck");
        if (healthcheck == null) {
            throw new IllegalStateException(FILE + " sets no health check for " + service);
        }
        return ((List<?>) healthcheck.get("test")).stream().map(String::valueOf).toList();
    }

    /** Whether this machine has what the override's health checks run (bash and openssl, as in the images). */
    public static boolean canRunHealthchecks() {
        return onPath("bash") && onPath("openssl");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * Runs the override's health check for this service ({@code CMD bash -c script}) on this machine: the
     * container's port moved to a local one, its certificate directory to a local one and its CA file to
     * {@code caFile}. The probe's exit code: 0 is healthy.
     */
    public static int runHealthcheck(
            String service, int containerPort, int localPort, String containerDir, Path localDir, Path caFile) {
        List<String> probe = healthcheck(service);
        if (!probe.subList(0, 3).equals(List.of("CMD", "bash", "-c"))) {
            throw new IllegalStateException(FILE + ": the health check of " + service + " is no bash script: " + probe);
        }
        String script = probe.get(3)
                .replace("127.0.0.1:" + containerPort, "127.0.0.1:" + localPort)
                .replace(containerDir + "/ca.crt", caFile.toString())
                .replace(containerDir, localDir.toString());
        try {
            Process process = new ProcessBuilder("bash", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the health check of " + service + " did not finish in 20 s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> service(String name) {
        Map<?, ?> services = (Map<?, ?>) load().get("services");
        Map<?, ?> definition = (Map<?, ?>) services.get(name);
        if (definition == null) {
            throw new IllegalStateException(FILE + " has no service " + name);
        }
        return definition;
    }

    private static Map<?, ?> load() {
        Path file = repositoryRoot().resolve(FILE);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no " + FILE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
