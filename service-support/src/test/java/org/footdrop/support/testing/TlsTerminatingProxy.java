package org.footdrop.support.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * Accepts TLS on a local port and relays the decrypted bytes to a plain TCP server. mongo-java-server
 * has no TLS; behind this proxy the MongoDB driver's TLS settings (the SSL bundle, host name
 * verification) are exercised end to end. It tests the client side only, not mongod's TLS options.
 */
public final class TlsTerminatingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tls-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public TlsTerminatingProxy(SSLContext serverContext, InetSocketAddress target) {
        this.target = target;
        try {
            server = serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                threads.execute(() -> relay(client, upstream));
                threads.execute(() -> relay(upstream, client));
            } catch (IOException e) {
                // closed, or a client that failed the handshake: keep serving the others
            }
        }
    }

    private static void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        threads.shutdownNow();
    }
}
