package org.footdrop.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * One Spring Boot service the launcher runs as its own JVM.
 *
 * @param database its database on the store; null for the authorization server, which keeps nothing there
 * @param heapMb its heap cap: outcomes-service holds every patient's cohort row in memory, and at
 *        100k patients 256 MiB left it collecting garbage continuously (measured here); 512 MiB
 *        took the stack over 2 GiB resident at 110k patients (docs/benchmarks.md, P5)
 */
public record ServiceSpec(String shortName, String name, int port, String database, int heapMb) {

    public static List<ServiceSpec> all() {
        return List.of(
                new ServiceSpec("intake", "intake-service", 8081, "footdrop_intake", 256),
                new ServiceSpec("treatment", "treatment-service", 8082, "footdrop_treatment", 256),
                new ServiceSpec("outcomes", "outcomes-service", 8083, "footdrop_outcomes", 384));
    }

    /** The authorization server, every service and the web app: what a whole stack runs. */
    public static List<ServiceSpec> everyProcess() {
        List<ServiceSpec> every = new ArrayList<>();
        every.add(LocalAuthorizationServer.SPEC);
        every.addAll(all());
        every.add(LocalWebApp.SPEC);
        return List.copyOf(every);
    }

    /** The same service on another port, e.g. a free one for a stack beside a running one. */
    public ServiceSpec onPort(int otherPort) {
        return new ServiceSpec(shortName, name, otherPort, database, heapMb);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String readinessUrl() {
        return url() + "/actuator/health/readiness";
    }
}
