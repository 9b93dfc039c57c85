package com.replybook.plugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.WarProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real kb-server WAR ({@code java -jar kb-server.war}, run by kb-server's own {@link WarProcess}) on a
 * loopback port with a fresh data directory, so the sample library loads. Started with the JDK running the tests
 * (≥ 21, chosen by the toolchain).
 */
final class KbServer implements AutoCloseable {
    static final String ADMIN_TOKEN = "rb-e2e-admin-token-0123456789";
    /** The console password of the users {@link #userToken} creates. */
    static final String PASSWORD = "e2e console password";

    final String url;
    /** What the server prints (standard output and error). */
    final Path log;
    private final WarProcess process;

    private KbServer(String url, Path log, WarProcess process) {
        this.url = url;
        this.log = log;
        this.process = process;
    }

    static KbServer start(Path work) throws IOException {
        String external = System.getProperty("replybook.kb.url"); // a server already running, for development
        if (external != null) return new KbServer(external, work.resolve("none.log"), null);
        Path war = Path.of(System.getProperty("replybook.war", "../../kb-server/target/kb-server.war"));
        if (!Files.isRegularFile(war)) throw new IllegalStateException("build kb-server first: no " + war.toAbsolutePath());
        WarProcess process = WarProcess.start(war, work.resolve("kb-data"), Map.of("REPLYBOOK_ADMIN_TOKEN", ADMIN_TOKEN));
        return new KbServer(process.base().toString(), process.log(), process);
    }

    JsonNode get(String path) {
        return Http.json(Http.send(request(path).GET().build()));
    }

    JsonNode post(String path, String json) {
        return Http.json(Http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    JsonNode put(String path, String json) {
        return Http.json(Http.send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    /**
     * A kb-server user of {@code role} (created the first time) with console password {@link #PASSWORD}; returns a
     * fresh API token of theirs.
     */
    String userToken(String username, String role) {
        JsonNode users = get("/api/v1/users").path("users");
        String id = null;
        for (JsonNode u : users) if (username.equals(u.path("username").asText())) id = u.path("id").asText();
        if (id == null) {
            id = post("/api/v1/users", "{\"username\":\"" + username + "\",\"role\":\"" + role + "\",\"locale\":\"zh-CN\"}")
                    .path("id").asText();
            put("/api/v1/users/" + id + "/password", "{\"password\":\"" + PASSWORD + "\"}");
        }
        return post("/api/v1/users/" + id + "/tokens", "{\"label\":\"e2e\"}").path("token").asText();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .timeout(Duration.ofSeconds(20));
    }

    /**
     * Sends a few ticket searches, as a server that has been answering agents all day would have had:
     * the timing the tests report is then the widget's and the help-desk's, not the JVM's warm-up.
     */
    void warmUp() {
        String ticket = "{\"subject\":\"物流一直没更新\",\"messages\":[{\"author\":\"customer\",\"text\":\"我的快递好几天没有动了\"}],\"limit\":5}";
        for (int i = 0; i < 5; i++) post("/api/v1/search/ticket", ticket);
        // A first render on a cold JVM of a busy machine can exceed the renderer's time limit (2 s) and be refused.
        String render = "{\"tone\":\"warm\",\"channel\":\"email\",\"context\":{\"customer\":{\"name\":\"王女士\"}}}";
        for (int i = 0; i < 5; i++) {
            Http.send(request("/api/v1/entries/logistics-delay.zh-cn/render").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(render)).build()); // a refusal while cold is the point
        }
    }

    @Override
    public void close() {
        if (process != null) process.close();
    }
}
