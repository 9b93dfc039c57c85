package com.replybook.kb.web;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Reading request bodies with a size limit: the one way the API and the console read what a client sent. */
public final class RequestBodies {

    /** Default cap for bodies of ordinary calls; imports raise it to the configured maximum. */
    public static final long DEFAULT_LIMIT = 1024 * 1024;

    /**
     * Bytes of an oversized body read and thrown away before the 413 is sent. Many HTTP clients (Python's
     * http.client and requests among them) write the whole body before they read the response: closing on them
     * mid-body shows up as a broken pipe instead of the 413 and its JSON. A larger body is cut off all the same.
     */
    static final long DRAIN_LIMIT = 16L << 20;

    private RequestBodies() {
    }

    /**
     * Reads at most {@code limit} bytes of body; 413 beyond that, 408 when the client stops sending before the body
     * is complete (the container's idle timeout), 400 when the connection ends early.
     */
    public static byte[] read(HttpServletRequest req, long limit) throws IOException {
        try {
            return readLimited(req, limit);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A failure to read a body in our words: the container's text names its classes and timeouts. */
    public static ApiException unreadable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return new ApiException(408, "timeout", "The request body stopped arriving before it was complete; "
                        + "send the whole body at once", null);
            }
        }
        return ApiException.badRequest(null, "The request body ended before it was complete");
    }

    private static byte[] readLimited(HttpServletRequest req, long limit) throws IOException {
        long declared = req.getContentLengthLong();
        try (InputStream in = req.getInputStream()) {
            if (declared > limit) {
                if (declared <= DRAIN_LIMIT) discard(in, declared);
                throw ApiException.tooLarge(limit);
            }
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                discard(in, DRAIN_LIMIT);
                throw ApiException.tooLarge(limit);
            }
            return body;
        }
    }

    /** Reads and drops up to {@code max} bytes, or until the body ends. */
    private static void discard(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (long left = max; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) return;
            left -= n;
        }
    }
}
