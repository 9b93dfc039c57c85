package com.replybook.kb.console;

import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** {@code /console/static/<name>}: the console's own CSS, JS and icon from the classpath; a fixed list, no paths. */
final class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "console.css", "text/css;charset=UTF-8",
            "console.js", "text/javascript;charset=UTF-8",
            "guardrails.js", "text/javascript;charset=UTF-8",
            "editor.js", "text/javascript;charset=UTF-8",
            "favicon.svg", "image/svg+xml");

    void routes(Router<Page> r) {
        r.get("/static/{name}", this::serve);
    }

    private void serve(Page p) throws IOException {
        String name = p.path("name");
        String type = FILES.get(name);
        if (type == null) throw ApiException.notFound(InputError.NO_SUCH_RESOURCE, name);
        try (InputStream in = StaticFiles.class.getResourceAsStream("/console/static/" + name)) {
            if (in == null) throw ApiException.notFound(InputError.NO_SUCH_RESOURCE, name);
            p.response().setContentType(type);
            p.response().setHeader("Cache-Control", "no-cache");
            in.transferTo(p.response().getOutputStream());
        }
    }
}
