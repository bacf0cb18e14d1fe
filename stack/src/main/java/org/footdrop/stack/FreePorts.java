package org.footdrop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on now, so a stack for a test or a benchmark never collides with a running one. */
public final class FreePorts {

    private FreePorts() {}

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InfraPorts infrastructure() {
        return new InfraPorts(next(), next(), next());
    }
}
