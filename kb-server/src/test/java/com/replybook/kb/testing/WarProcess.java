package com.replybook.kb.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR started as users start it, {@code java -jar kb-server.war}, in its own process on a free
 * port. Used by end-to-end tests that need a real process: crash recovery, the executable WAR itself, and the
 * help-desk plugin's end-to-end tests (through kb-server's test-jar).
 */
public final class WarProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private WarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The WAR built by this Maven run (Failsafe passes its path as {@code replybook.war}). */
    public static Path war() {
        String path = System.getProperty("replybook.war", "target/kb-server.war");
        Path war = Path.of(path);
        if (!Files.exists(war)) throw new IllegalStateException("No WAR at " + war + ": run through `mvn verify`");
        return war;
    }

    /** Starts the WAR with {@code args} (plus a free {@code --port}) and waits until health answers 200. */
    public static WarProcess start(Path dataDir, Map<String, String> env, String... args) {
        return start(war(), dataDir, env, args);
    }

    /**
     * Starts {@code war} with {@code args} (plus a free {@code --port}), the environment's {@code REPLYBOOK_*}
     * variables replaced by {@code env}, and waits until health answers 200. Its output goes to a new
     * {@code war-*.log} beside {@code dataDir}.
     */
    public static WarProcess start(Path war, Path dataDir, Map<String, String> env, String... args) {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED", "-Xmx1g",
                "-jar", war.toAbsolutePath().toString(), "--port", String.valueOf(port), "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(dataDir);
            Path log = Files.createTempFile(dataDir.getParent(), "war-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("REPLYBOOK_"));
            pb.environment().putAll(env);
            WarProcess p = new WarProcess(pb.start(), port, log);
            try {
                p.awaitHealthy(Duration.ofSeconds(120));
            } catch (RuntimeException e) {
                p.process.destroyForcibly(); // one that never became healthy must not outlive the test
                throw e;
            }
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code java} of the JVM running the tests: the JDK ≥ 21 the toolchain selected. */
    public static String javaBinaryPath() {
        return javaBinary();
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("The server exited early:\n" + output());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve("/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("The server did not become healthy in " + timeout + ":\n" + output());
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public ApiClient client(String token) {
        return new ApiClient(base(), token);
    }

    /** The file the server prints to (standard output and error). */
    public Path log() {
        return log;
    }

    /** What the server printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the process with SIGKILL: no shutdown hooks, no flushing. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Stops the server as a service manager would (SIGTERM), and kills it if it is not gone after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
