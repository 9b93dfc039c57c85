package com.replybook.kb.app;

import com.replybook.kb.web.ErrorPages;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The default servlet ({@code /}) in place of the container's, which would list directories and serve files from
 * the WAR's root: {@code /} leads to the console, any other path no servlet claims is not found.
 */
final class RootServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        boolean root = path.isEmpty() || path.equals("/");
        if (root && ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod()))) {
            resp.setStatus(HttpServletResponse.SC_FOUND);
            resp.setHeader("Location", req.getContextPath() + "/console/");
        } else {
            ErrorPages.write(req, resp, root ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
