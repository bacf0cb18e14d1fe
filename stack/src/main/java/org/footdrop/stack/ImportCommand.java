package org.footdrop.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./import.sh FILE}: imports a clinic's file into the running system. The same file goes to
 * intake-service and treatment-service, each applying the kinds it owns; one progress bar follows
 * both jobs, then the summary, and the refused lines are written beside the file.
 */
public final class ImportCommand {

    @Command(
            name = "import.sh",
            sortOptions = false,
            description = "Imports an NDJSON file of clinical records (docs/importing.md) into the running system.")
    static final class Arguments {

        @Parameters(paramLabel = "FILE", description = "the NDJSON file, one record per line")
        Path file;

        @Option(
                names = "--system",
                paramLabel = "NAME",
                description = "the system the file's keys belong to, e.g. urn:clinic:old-emr (default: import)")
        String system = "import";

        @Option(names = "--intake", paramLabel = "URL", description = "default: http://localhost:8081")
        URI intake = URI.create("http://localhost:8081");

        @Option(names = "--treatment", paramLabel = "URL", description = "default: http://localhost:8082")
        URI treatment = URI.create("http://localhost:8082");

        @Option(
                names = "--auth",
                paramLabel = "URL",
                description = "the authorization server (default: http://localhost:9000); the local"
                        + " clinical-writer client's credentials are used")
        String auth = "http://localhost:9000";

        @Mixin
        CommandLines.Help help;
    }

    private ImportCommand() {}

    public static void main(String[] args) {
        Arguments arguments = CommandLines.parseOrExit(new CommandLine(new Arguments()), args, command -> {
            Arguments parsed = command.getCommand();
            if (!Files.isRegularFile(parsed.file)) {
                throw new CommandLine.ParameterException(command, "FILE " + parsed.file + " is not a file");
            }
            return parsed;
        });
        System.exit(run(arguments, System.out));
    }

    /** Runs the command line as {@code ./import.sh} would, printing to {@code out}; the exit code. */
    public static int run(String[] args, PrintStream out) {
        CommandLine commandLine = new CommandLine(new Arguments());
        commandLine.parseArgs(args);
        return run((Arguments) commandLine.getCommand(), out);
    }

    /** @return 0 when both jobs completed (refused lines or not), 1 when one did not */
    static int run(Arguments arguments, PrintStream out) {
        return importFile(arguments.file, arguments.system, arguments.intake, arguments.treatment, arguments.auth, out)
                .exitCode();
    }

    /**
     * What importing one file came to.
     *
     * @param exitCode 0 when both jobs completed (refused lines or not), 1 when one did not
     * @param jobs each service's job as it finished, by service name; absent where it could not start
     */
    public record Result(int exitCode, Map<String, ImportClient.Job> jobs) {

        /** Both jobs completed, every line already present: the file had been imported before. */
        public boolean nothingNew() {
            return jobs.size() == 2
                    && jobs.values().stream()
                            .allMatch(job -> "COMPLETED".equals(job.status())
                                    && job.number("accepted") == 0
                                    && job.number("refused") == 0);
        }
    }

    /**
     * Imports the file into both services with the progress bar and the summary, as {@code ./import.sh}
     * does, the local clinical-writer client's token from the authorization server at {@code auth}.
     */
    public static Result importFile(Path file, String system, URI intake, URI treatment, String auth, PrintStream out) {
        var credentials = new ClientCredentials(auth);
        Map<String, ImportClient> services = Map.of(
                "intake-service",
                new ImportClient(intake, () -> credentials.token("clinical-writer")),
                "treatment-service",
                new ImportClient(treatment, () -> credentials.token("clinical-writer")));
        Map<String, ImportClient.Job> finished = new java.util.TreeMap<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            out.println("Cannot read " + file + ": " + e.getMessage());
            return new Result(1, finished);
        }
        ProgressBar bar = new ProgressBar(out);
        Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
        Map<String, ImportClient.Job> latest = new ConcurrentHashMap<>();
        List<CompletableFuture<ImportClient.Job>> jobs = new ArrayList<>();
        services.forEach((name, client) -> {
            sent.put(name, new AtomicLong());
            jobs.add(CompletableFuture.supplyAsync(() -> {
                ImportClient.Job started = client.start(file, system, bytes -> {
                    sent.get(name).set(bytes);
                    bar.show(
                            "uploading",
                            sent.values().stream().mapToLong(AtomicLong::get).sum(),
                            2 * size,
                            "bytes");
                });
                latest.put(name, started);
                return client.await(
                        started.location(),
                        Duration.ofMillis(500),
                        job -> {
                            latest.put(name, job);
                            showImporting(bar, latest, "importing");
                        },
                        // a restarted service resumes its job: followed on, saying so
                        away -> showImporting(bar, latest, "importing (" + name + " not answering, still following)"));
            }));
        });
        // every job finished before the summaries: the bar redraws its line until the last one is done
        CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new))
                .exceptionally(failed -> null)
                .join();
        int exit = 0;
        out.println();
        for (var entry : services.entrySet()) {
            ImportClient.Job job;
            try {
                job = jobs.get(new ArrayList<>(services.keySet()).indexOf(entry.getKey()))
                        .join();
            } catch (RuntimeException e) {
                out.println(entry.getKey() + ": " + e.getMessage());
                exit = 1;
                continue;
            }
            finished.put(entry.getKey(), job);
            out.printf(
                    "%s: %s, %,d accepted, %,d already present, %,d refused (of %,d lines; %,d for the other service)%n",
                    entry.getKey(),
                    job.status(),
                    job.number("accepted"),
                    job.number("alreadyPresent"),
                    job.number("refused"),
                    job.number("linesRead"),
                    job.number("otherService"));
            if (job.failure() != null) {
                out.println("  " + job.failure());
            }
            if (job.number("refused") > 0) {
                Path refusals = file.resolveSibling(file.getFileName() + "." + entry.getKey() + ".refused.ndjson");
                try {
                    Files.writeString(refusals, entry.getValue().refusals(job.location()));
                    out.println("  refused lines and why: " + refusals);
                } catch (IOException e) {
                    out.println("  cannot write " + refusals + ": " + e.getMessage());
                }
            }
            if (!"COMPLETED".equals(job.status())) {
                exit = 1;
            }
        }
        return new Result(exit, finished);
    }

    /** One line redrawn in place: what is being done, how far, and how much of it. */
    static final class ProgressBar {

        private static final int WIDTH = 30;
        private final PrintStream out;
        private String last = "";

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        synchronized void show(String what, long done, long total, String unit) {
            int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
            String line = "%-9s [%s%s] %3d%% %,d/%,d %s"
                    .formatted(
                            what,
                            "#".repeat(filled),
                            ".".repeat(WIDTH - filled),
                            total <= 0 ? 0 : Math.min(100, done * 100 / total),
                            done,
                            total,
                            unit);
            if (!line.equals(last)) {
                out.print("\r" + line);
                out.flush();
                last = line;
            }
        }
    }

    private static void showImporting(ProgressBar bar, Map<String, ImportClient.Job> latest, String label) {
        long done =
                latest.values().stream().mapToLong(j -> j.number("processed")).sum();
        long total = latest.values().stream()
                .mapToLong(j -> j.number("linesToImport"))
                .sum();
        bar.show(label, done, total, "lines");
    }
}
