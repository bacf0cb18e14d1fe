package org.footdrop.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FHIR R4 facade as the stack runs it when asked (port 8084): outside the default stack, since
 * HAPI and its validator need a budget of their own (768 MiB resident, docs/fhir.md).
 */
public final class LocalFhirFacade {

    /**
     * The validator holds the R4 specification's structure definitions, value sets and code systems
     * in memory once warm: 384 MiB of heap, measured in docs/fhir.md.
     */
    public static final ServiceSpec SPEC = new ServiceSpec("fhir", "fhir-facade", 8084, "footdrop_fhir", 384);

    private LocalFhirFacade() {}

    /** Where the services it writes through and reads from are, by the short names of those running. */
    public static Map<String, String> environment(Map<String, ServiceSpec> running) {
        Map<String, String> environment = new LinkedHashMap<>();
        put(environment, "FOOTDROP_INTAKE_URI", running.get("intake"));
        put(environment, "FOOTDROP_TREATMENT_URI", running.get("treatment"));
        put(environment, "FOOTDROP_OUTCOMES_URI", running.get("outcomes"));
        return environment;
    }

    /** The default services and the facade: what a stack with FHIR runs. */
    public static List<ServiceSpec> withServices() {
        List<ServiceSpec> all = new java.util.ArrayList<>(ServiceSpec.all());
        all.add(SPEC);
        return List.copyOf(all);
    }

    private static void put(Map<String, String> environment, String name, ServiceSpec spec) {
        if (spec != null) {
            environment.put(name, spec.url());
        }
    }
}
