package com.replybook.kb.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@value #PATH}: the error page {@code web.xml} names for every status and for {@code java.lang.Throwable}, so that
 * what the container itself refuses (a protected path, a request it could not parse before any filter ran) is
 * answered like every other error ({@link ErrorPages}). Asked for directly, it is not found.
 */
public final class ErrorServlet extends HttpServlet {

    public static final String PATH = "/error";

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            // e.g. Tomcat's own read timeout, which it reports here even after the application answered 408
            ErrorPages.write(req, resp, t);
        } else {
            ErrorPages.write(req, resp, status instanceof Integer code && code >= 400 ? code : 404);
        }
    }
}
