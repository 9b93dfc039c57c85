package com.replybook.plugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real kb-server WAR ({@code java -jar kb-server.war}) on a loopback port with a fresh data directory,
 * so the sample library loads. Started with the JDK running the tests (≥ 21, chosen by the toolchain).
 */
final class KbServer implements AutoCloseable {
    static final String ADMIN_TOKEN = "rb-e2e-admin-token-0123456789";

    final String url;
    final Path log;
    private final Process process;

    private KbServer(String url, Path log, Process process) {
        this.url = url;
        this.log = log;
        this.process = process;
    }

    static KbServer start(Path work) throws IOException {
        String external = System.getProperty("replybook.kb.url"); // a server already running, for development
        if (external != null) return new KbServer(external, work.resolve("none.log"), null);
        Path war = Path.of(System.getProperty("replybook.war", "../../kb-server/target/kb-server.war"));
        if (!Files.isRegularFile(war)) throw new IllegalStateException("build kb-server first: no " + war.toAbsolutePath());
        int port = Http.freePort();
        Path data = Files.createDirectories(work.resolve("kb-data"));
        Path log = work.resolve("kb-server.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-jar", war.toAbsolutePath().toString(), "--port", String.valueOf(port), "--data-dir", data.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("REPLYBOOK_ADMIN_TOKEN", ADMIN_TOKEN);
        KbServer kb = new KbServer("http://127.0.0.1:" + port, log, pb.start());
        try {
            Http.await(Duration.ofSeconds(90), "kb-server health", () -> {
                if (!kb.process.isAlive()) throw new IllegalStateException("kb-server exited:\n" + kb.logText());
                return Http.answers(kb.url + "/api/v1/health")
                        && Http.send(HttpRequest.newBuilder(URI.create(kb.url + "/api/v1/health")).build()).statusCode() == 200;
            });
        } catch (RuntimeException e) {
            kb.close();
            throw e;
        }
        return kb;
    }

    JsonNode get(String path) {
        return Http.json(Http.send(request(path).GET().build()));
    }

    JsonNode post(String path, String json) {
        return Http.json(Http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
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
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
