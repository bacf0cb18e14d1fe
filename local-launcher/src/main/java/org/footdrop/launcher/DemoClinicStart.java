package org.footdrop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Properties;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.LocalWebApp;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.demo.DemoClinic;
import org.footdrop.stack.demo.DemoClinicImport;

/**
 * {@code --demo}: the demo clinic imported into the stack just started. Its "today" is the day of the
 * first {@code --demo} on this data directory, kept there, so that every later run writes the same
 * file and its import finds every line already present.
 */
final class DemoClinicStart {

    static final String FILE = "demo-clinic.ndjson";
    static final String SETTINGS = "demo-clinic.properties";

    private DemoClinicStart() {}

    /** The clinic as first generated on this data directory, or a new one anchored on the clock's day. */
    static DemoClinic clinic(Path dataDir, Clock clock) throws IOException {
        Path settings = dataDir.resolve(SETTINGS);
        if (Files.isRegularFile(settings)) {
            Properties kept = new Properties();
            try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
                kept.load(in);
            }
            return new DemoClinic(
                    Long.parseLong(kept.getProperty("seed")),
                    Integer.parseInt(kept.getProperty("patients")),
                    LocalDate.parse(kept.getProperty("today")));
        }
        LocalDate today = LocalDate.now(clock);
        Files.writeString(
                settings,
                "# the demo clinic as first imported here; --demo writes the same file again from these\n"
                        + "seed=%d%npatients=%d%ntoday=%s%n"
                                .formatted(DemoClinic.DEFAULT_SEED, DemoClinic.DEFAULT_PATIENTS, today),
                StandardCharsets.UTF_8);
        return DemoClinic.standard(today);
    }

    /** @return whether the stack holds the whole demo clinic */
    static boolean load(Path dataDir, PrintStream out) throws IOException {
        DemoClinic clinic = clinic(dataDir, Clock.systemUTC());
        out.println("Importing the demo clinic (synthetic patients; see docs/importing.md#the-demo-clinic)");
        DemoClinicImport.Loaded loaded = DemoClinicImport.load(
                clinic,
                dataDir.resolve(FILE),
                new DemoClinicImport.Addresses(
                        URI.create(service("intake").url()),
                        URI.create(service("treatment").url()),
                        URI.create(service("outcomes").url()),
                        LocalAuthorizationServer.issuer()),
                out);
        if (loaded.result().exitCode() != 0) {
            out.println("The demo clinic was not fully imported; the lines above say why.");
            return false;
        }
        out.println(
                loaded.result().nothingNew()
                        ? "The demo clinic was already here: every line already present, nothing changed."
                        : "Demo clinic imported: %,d patients, %,d lines; outcomes-service projects them in the next"
                                        .formatted(
                                                loaded.clinic().patients(),
                                                loaded.clinic().lines())
                                + " seconds. A second --demo imports nothing new.");
        out.printf(
                "Sign in at %s as the local clinician (users above) and open a patient, e.g. %s.%n",
                LocalWebApp.SPEC.url(), DemoClinic.EXAMPLE_PATIENT);
        return true;
    }

    private static ServiceSpec service(String shortName) {
        return ServiceSpec.all().stream()
                .filter(s -> s.shortName().equals(shortName))
                .findFirst()
                .orElseThrow();
    }
}
