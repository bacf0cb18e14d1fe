package org.footdrop.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The committed golden sample of each event type and version, written by hand. Producers' tests
 * compare what they emit with it and consumers' tests project it, so both sides keep to one contract.
 */
public final class GoldenSamples {

    private GoldenSamples() {}

    public static String read(EventType type, int version) {
        String path = EventSchemas.samplePath(type, version);
        try (InputStream in = GoldenSamples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no golden sample at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
