package org.footdrop.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.footdrop.stack.CommandLines;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.ServiceSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Command line: {@code [--services intake,treatment,outcomes,fhir|all|none] [--with-fhir] [--data-dir PATH] [--restart]
 * [--no-auth] [--demo]}. The FHIR facade runs only when asked: by name, or {@code --with-fhir} beside the chosen services.
 *
 * @param authorizationServer whether to run the authorization server: infrastructure for the services,
 *        so on with any choice of services, unless {@code --no-auth} (e.g. another one already runs on 9000)
 * @param demoClinic whether to import the demo clinic once the stack is ready
 */
public record LaunchOptions(
        Path dataDir,
        List<ServiceSpec> services,
        boolean restartCrashed,
        boolean authorizationServer,
        boolean demoClinic) {

    static final String DATA_DIR_ENV = "FOOTDROP_DATA_DIR";

    @Command(
            name = "run-local.sh",
            sortOptions = false,
            description = "Starts the whole system on this machine: Kafka and the embedded MongoDB-wire store in"
                    + " this JVM, the authorization server and each service in its own JVM.")
    static final class Arguments {

        @Option(
                names = "--services",
                paramLabel = "intake,treatment,outcomes,fhir|all|none",
                description = "the services to start (default: all, which leaves out the FHIR facade); the"
                        + " authorization server starts anyway")
        String services = "all";

        @Option(names = "--with-fhir", description = "the FHIR R4 facade too (port 8084, docs/fhir.md)")
        boolean withFhir;

        @Option(
                names = "--data-dir",
                paramLabel = "PATH",
                description = "topics, offsets, documents and logs (default: $" + DATA_DIR_ENV + ", else .local-data)")
        Path dataDir;

        @Option(names = "--restart", description = "restart a crashed service, up to 3 times")
        boolean restart;

        @Option(names = "--no-auth", description = "no authorization server (another one runs on port 9000)")
        boolean noAuth;

        @Option(
                names = "--demo",
                description = "once ready, import the synthetic demo clinic (docs/importing.md#the-demo-clinic);"
                        + " again, it finds everything already there")
        boolean demo;

        @Mixin
        CommandLines.Help help;
    }

    static CommandLine commandLine() {
        return new CommandLine(new Arguments());
    }

    /** @throws ParameterException for an unknown option or service, or an option without its value */
    public static LaunchOptions parse(String[] args, Map<String, String> env, Path repoRoot) {
        CommandLine commandLine = commandLine();
        commandLine.parseArgs(args);
        return from(commandLine, env, repoRoot);
    }

    /** The options of a command line already parsed. */
    static LaunchOptions from(CommandLine parsed, Map<String, String> env, Path repoRoot) {
        Arguments arguments = parsed.getCommand();
        Path dataDir = arguments.dataDir != null
                ? arguments.dataDir
                : env.containsKey(DATA_DIR_ENV) && !env.get(DATA_DIR_ENV).isBlank()
                        ? Path.of(env.get(DATA_DIR_ENV))
                        : repoRoot.resolve(".local-data");
        List<ServiceSpec> services = withFhir(services(arguments.services, parsed), arguments.withFhir);
        return new LaunchOptions(
                dataDir.toAbsolutePath().normalize(),
                services,
                arguments.restart,
                !arguments.noAuth,
                demoClinic(arguments, services, parsed));
    }

    /** The demo clinic is imported through intake and treatment, with the authorization server's tokens. */
    private static boolean demoClinic(Arguments arguments, List<ServiceSpec> services, CommandLine commandLine) {
        if (arguments.demo && (arguments.noAuth || !services.containsAll(ServiceSpec.all()))) {
            throw new ParameterException(
                    commandLine,
                    "--demo needs every service and the authorization server (no --services, no --no-auth)");
        }
        return arguments.demo;
    }

    private static List<ServiceSpec> services(String value, CommandLine commandLine) {
        if (value.equals("none")) {
            return List.of();
        }
        if (value.equals("all")) {
            return ServiceSpec.all();
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String wanted : value.split(",")) {
            String name = wanted.trim();
            ServiceSpec spec = LocalFhirFacade.withServices().stream()
                    .filter(s -> s.shortName().equals(name) || s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ParameterException(
                            commandLine,
                            "unknown service '" + name + "' (intake, treatment, outcomes, fhir, all, none)"));
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        return List.copyOf(chosen);
    }

    private static List<ServiceSpec> withFhir(List<ServiceSpec> chosen, boolean withFhir) {
        if (!withFhir || chosen.contains(LocalFhirFacade.SPEC)) {
            return chosen;
        }
        List<ServiceSpec> with = new ArrayList<>(chosen);
        with.add(LocalFhirFacade.SPEC);
        return List.copyOf(with);
    }
}
