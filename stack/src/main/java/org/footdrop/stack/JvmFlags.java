package org.footdrop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The JVM flags of every process in the stack, defined here and nowhere else. */
public final class JvmFlags {

    /**
     * The file of the broker-and-store JVM's flags, in the java launcher's {@code @argfile} syntax:
     * run-local.sh passes it to java as it is, the benchmarks read it through {@link #infrastructure()}.
     */
    public static final String INFRASTRUCTURE_ARGFILE = "infrastructure.jvm-args";

    /**
     * Small heaps and the serial GC keep three services, the authorization server and the launcher
     * under 2 GiB resident. C1 only: on 2 cores C2's compiler threads compete with the services,
     * so measured here it halves start-up (23 s to 12 s for all three) and did not lower throughput
     * over a 60 s load. An out-of-memory service exits (and shows in the console) rather than limping on.
     */
    static final List<String> SERVICE = List.of(
            "-Xms64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    private JvmFlags() {}

    /** The flags for one service: the shared ones and its own heap cap. */
    public static List<String> service(ServiceSpec spec) {
        List<String> flags = new ArrayList<>(SERVICE);
        flags.add("-Xmx" + spec.heapMb() + "m");
        return flags;
    }

    /** The broker-and-store JVM's flags, read from {@link #INFRASTRUCTURE_ARGFILE}. */
    public static List<String> infrastructure() {
        try (InputStream in = JvmFlags.class.getResourceAsStream(INFRASTRUCTURE_ARGFILE)) {
            if (in == null) {
                throw new IllegalStateException(INFRASTRUCTURE_ARGFILE + " is not on the classpath");
            }
            return parseArgfile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the java launcher reads an argfile: whitespace-separated, {@code #} to the end of the line ignored. */
    static List<String> parseArgfile(String text) {
        return text.lines()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }
}
