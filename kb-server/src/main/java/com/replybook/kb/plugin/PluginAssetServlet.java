package com.replybook.kb.plugin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /plugin/<file>}: the widget's static files from {@code META-INF/resources/plugin/} in the
 * {@code plugin-widget} jar. Only flat file names with known types are served (no directories, no
 * {@code ..}); they hold no secrets, so no authentication. Example: {@code /plugin/replybook-widget.js}.
 */
final class PluginAssetServlet extends HttpServlet {

    static final String ROOT = "META-INF/resources/plugin/";
    private static final Pattern NAME = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9._-]{0,99})\\.(js|css|html|json|png|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8", "html", "text/html;charset=utf-8", "json", "application/json;charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Matcher m = NAME.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        InputStream in = m.matches() ? getClass().getClassLoader().getResourceAsStream(ROOT + m.group(1) + "." + m.group(2)) : null;
        if (in == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (in) {
            resp.setContentType(TYPES.get(m.group(2)));
            // short: a new widget reaches agents within minutes of an upgrade
            resp.setHeader("Cache-Control", "public, max-age=300");
            in.transferTo(resp.getOutputStream());
        }
    }
}
