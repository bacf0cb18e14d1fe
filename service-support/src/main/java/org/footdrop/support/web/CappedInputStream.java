package org.footdrop.support.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request body counted as it is read, so a body sent without a length (chunked) is cut off as soon
 * as it passes the cap instead of reaching the parser whole. What a read past the cap throws is the
 * caller's: the services' {@link RequestSizeLimitFilter} raises an IOException their problem handler
 * answers as problem+json, the FHIR facade HAPI's own 413 with an OperationOutcome.
 */
public final class CappedInputStream extends ServletInputStream {

    /** Throws what the caller answers as 413; called on every read that passes the cap. */
    @FunctionalInterface
    public interface OverCap {
        void raise(long maxBytes) throws IOException;
    }

    private final ServletInputStream delegate;
    private final long maxBytes;
    private final OverCap overCap;
    private long read;

    public CappedInputStream(ServletInputStream delegate, long maxBytes, OverCap overCap) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.overCap = overCap;
    }

    /** The request as the next filter sees it: the same, but its body read through this cap. */
    public static HttpServletRequest wrap(HttpServletRequest request, long maxBytes, OverCap overCap) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                return new CappedInputStream(super.getInputStream(), maxBytes, overCap);
            }
        };
    }

    @Override
    public int read() throws IOException {
        int b = delegate.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = delegate.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > maxBytes) {
            overCap.raise(maxBytes);
            // A body past the cap must never read on, whatever the caller's action did.
            throw new IllegalStateException("the over-cap action returned instead of throwing");
        }
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
