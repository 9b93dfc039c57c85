package com.replybook.plugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays Zendesk for the app: serves the host page (origin {@code http://127.0.0.1:port}) and the built app
 * (origin {@code http://localhost:port}, so the two are cross-origin as in Zendesk), and a proxy that, like
 * Zendesk's, accepts only {@code secure} requests naming the token as {@code {{setting.kbToken}}}, fills in
 * the real secure setting and calls kb-server.
 */
final class ZafHost implements AutoCloseable {
    static final String PLACEHOLDER = "Bearer {{setting.kbToken}}";
    static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8", "png", "image/png");

    final int port;
    final List<String> violations = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final Path appDir;
    private final String kbUrl;
    private final String kbToken;

    ZafHost(Path appDir, String kbUrl, String kbToken) throws IOException {
        this.appDir = appDir;
        this.kbUrl = kbUrl;
        this.kbToken = kbToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/host.html", this::hostPage);
        server.createContext("/app/", this::appFile);
        server.createContext("/zaf-proxy", this::proxy);
        server.start();
        port = server.getAddress().getPort();
    }

    String hostUrl(String locale) {
        return hostUrl(locale, "");
    }

    /**
     * The host page for an agent of {@code locale}; {@code more} adds the page's own parameters, e.g.
     * {@code "&waited=0.5"} (minutes since the customer's latest, unanswered message) or {@code "&status=solved"}.
     */
    String hostUrl(String locale, String more) {
        return "http://127.0.0.1:" + port + "/host.html?app=" + enc("http://localhost:" + port) + "&kb=" + enc(kbUrl)
                + "&locale=" + enc(locale) + more;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void hostPage(HttpExchange ex) throws IOException {
        try (InputStream in = ZafHost.class.getResourceAsStream("/zaf-host/host.html")) {
            respond(ex, 200, TYPES.get("html"), in.readAllBytes());
        }
    }

    private void appFile(HttpExchange ex) throws IOException {
        Path file = appDir.resolve(ex.getRequestURI().getPath().substring("/app/".length())).normalize();
        if (!file.startsWith(appDir) || !Files.isRegularFile(file)) {
            respond(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        respond(ex, 200, TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"),
                Files.readAllBytes(file));
    }

    private void proxy(HttpExchange ex) throws IOException {
        JsonNode options = Http.JSON.readTree(ex.getRequestBody().readAllBytes());
        String auth = options.path("headers").path("Authorization").asText();
        String url = options.path("url").asText();
        if (!PLACEHOLDER.equals(auth) || !options.path("secure").asBoolean() || !url.startsWith(kbUrl + "/")) {
            violations.add(options.toString());
            respond(ex, 403, TYPES.get("json"), "{\"error\":{\"code\":\"not_secure\"}}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String method = options.path("type").asText("GET");
        String data = options.path("data").isMissingNode() || options.path("data").isNull() ? null : options.path("data").asText();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth.replace("{{setting.kbToken}}", kbToken))
                .method(method, data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
        if (data != null) b.header("Content-Type", options.path("contentType").asText("application/json"));
        HttpResponse<String> res = Http.send(b.build());
        respond(ex, res.statusCode(), TYPES.get("json"), res.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
