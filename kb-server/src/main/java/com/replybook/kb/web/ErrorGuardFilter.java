package com.replybook.kb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outermost filter: sets the {@link SecurityHeaders} and makes sure no error reaches the client in the
 * container's words. A servlet's {@code sendError} (an unknown plugin file, a method a servlet does not serve) and
 * anything thrown past the servlets become {@link ErrorPages}; the exception goes to the log instead. What the
 * container answers without reaching any filter goes through {@code web.xml}'s error pages to {@link ErrorServlet}.
 */
public final class ErrorGuardFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ErrorGuardFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException {
        SecurityHeaders.apply(req, resp);
        try {
            chain.doFilter(req, new GuardedResponse(req, resp));
        } catch (Throwable t) {
            answer(req, resp, t);
        }
    }

    private static void answer(HttpServletRequest req, HttpServletResponse resp, Throwable t) throws IOException {
        if (resp.isCommitted()) { // the client has part of an answer already; the log has the rest
            LOG.log(Level.WARNING, "Error after the answer began on " + req.getMethod() + " " + req.getRequestURI(), t);
            return;
        }
        ErrorPages.write(req, resp, t);
    }

    /** A response whose {@code sendError} answers with {@link ErrorPages} instead of the container's error page. */
    private static final class GuardedResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest req;

        GuardedResponse(HttpServletRequest req, HttpServletResponse resp) {
            super(resp);
            this.req = req;
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) throw new IllegalStateException("The response is already committed");
            ErrorPages.write(req, (HttpServletResponse) getResponse(), status);
            getResponse().flushBuffer();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status); // the message is the container's or a library's: never shown
        }
    }
}
