package org.footdrop.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.footdrop.stack.ServiceSpec;

/**
 * Command line: {@code [--services intake,treatment,outcomes|all|none] [--data-dir PATH] [--restart] [--no-auth]}.
 *
 * @param authorizationServer whether to run the authorization server: infrastructure for the services,
 *        so on with any choice of services, unless {@code --no-auth} (e.g. another one already runs on 9000)
 */
public record LaunchOptions(
        Path dataDir, List<ServiceSpec> services, boolean restartCrashed, boolean authorizationServer) {

    static final String DATA_DIR_ENV = "FOOTDROP_DATA_DIR";

    public static LaunchOptions parse(String[] args, Map<String, String> env, Path repoRoot) {
        Path dataDir = env.containsKey(DATA_DIR_ENV) && !env.get(DATA_DIR_ENV).isBlank()
                ? Path.of(env.get(DATA_DIR_ENV))
                : repoRoot.resolve(".local-data");
        List<ServiceSpec> services = ServiceSpec.all();
        boolean restart = false;
        boolean authorizationServer = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(valueAfter(args, i++));
                case "--services" -> services = services(valueAfter(args, i++));
                case "--restart" -> restart = true;
                case "--no-auth" -> authorizationServer = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage());
            }
        }
        return new LaunchOptions(dataDir.toAbsolutePath().normalize(), services, restart, authorizationServer);
    }

    static String usage() {
        return "usage: run-local.sh [--services intake,treatment,outcomes|all|none] [--data-dir PATH] [--restart] [--no-auth]";
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value; " + usage());
        }
        return args[i + 1];
    }

    private static List<ServiceSpec> services(String value) {
        if (value.equals("none")) {
            return List.of();
        }
        if (value.equals("all")) {
            return ServiceSpec.all();
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String wanted : value.split(",")) {
            String name = wanted.trim();
            ServiceSpec spec = ServiceSpec.all().stream()
                    .filter(s -> s.shortName().equals(name) || s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; " + usage()));
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        return List.copyOf(chosen);
    }
}
