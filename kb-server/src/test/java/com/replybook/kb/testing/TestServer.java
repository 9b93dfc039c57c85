package com.replybook.kb.testing;

import com.replybook.kb.app.Replybook;
import com.replybook.kb.app.ReplybookApp;
import com.replybook.kb.boot.QuietErrorHandler;
import com.replybook.kb.config.ServerConfig;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The real application (every servlet and filter, as {@code web.xml} mounts them) in an embedded Jetty on a
 * free port, for end-to-end tests over HTTP. Close it after use.
 */
public final class TestServer implements AutoCloseable {

    /** The admin token every test server accepts. */
    public static final String ADMIN_TOKEN = "rb_test_admin_token_0123456789abcdef";

    private final Server server;
    private final ServletContextHandler context;
    private final URI base;

    private TestServer(Server server, ServletContextHandler context, URI base) {
        this.server = server;
        this.context = context;
        this.base = base;
    }

    /**
     * A test server's configuration: data in {@code dataDir} (SQLite), a free port, {@link #ADMIN_TOKEN}, lexical
     * search (no models to load), the sample library when {@code sample} is true.
     */
    public static ServerConfig config(Path dataDir, boolean sample) {
        return ServerConfig.defaults(dataDir).with(ServerConfig.PORT, 0).with(ServerConfig.NO_SAMPLE_DATA, !sample)
                .with(ServerConfig.ADMIN_TOKEN, ADMIN_TOKEN).with(ServerConfig.SEMANTIC_SEARCH, false)
                .with(ServerConfig.SEARCH_WARM_UP_SECONDS, 0); // seconds per server; SearchWarmUpTest tests it
    }

    /** Starts a server on SQLite in {@code dataDir}, with the sample library when {@code sample} is true. */
    public static TestServer start(Path dataDir, boolean sample) {
        return start(config(dataDir, sample));
    }

    /** Starts a server on {@code db} with data in {@code dataDir}. */
    public static TestServer start(Path dataDir, TestDatabases.DbTarget db, boolean sample) {
        return start(dataDir, db, sample, Clock.systemUTC());
    }

    /** Starts a server on {@code db} with data in {@code dataDir} whose "now" is {@code clock}. */
    public static TestServer start(Path dataDir, TestDatabases.DbTarget db, boolean sample, Clock clock) {
        ServerConfig config = config(dataDir, sample);
        if (db == TestDatabases.DbTarget.POSTGRESQL) {
            config = config.with(ServerConfig.JDBC_URL, db.freshUrl(dataDir)).with(ServerConfig.JDBC_USER, db.user());
        }
        return start(config, clock);
    }

    public static TestServer start(ServerConfig config) {
        return start(config, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** Starts a server whose "now" is {@code clock}, e.g. a {@link SettableClock} to record events on given days. */
    public static TestServer start(ServerConfig config, Clock clock) {
        return start(config, clock, Duration.ofSeconds(30));
    }

    /**
     * Starts a server whose connections give up on a client that sends nothing for {@code idleTimeout} (30 s, Jetty's
     * default, elsewhere), for tests of stalled requests.
     */
    public static TestServer start(ServerConfig config, Duration idleTimeout) {
        return start(config, Clock.systemUTC(), idleTimeout);
    }

    private static TestServer start(ServerConfig config, Clock clock, Duration idleTimeout) {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // as under java -jar
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(idleTimeout.toMillis());
        server.addConnector(connector);
        server.setErrorHandler(new QuietErrorHandler()); // as under java -jar: what never reaches the application
        // No session handler: the console keeps its sessions in the database, and a call to getSession would fail.
        ServletContextHandler ctx = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
        ctx.addEventListener(new ReplybookApp(config, clock));
        CompletableFuture<URI> listening = new CompletableFuture<>();
        ctx.setAttribute(ReplybookApp.LISTENING_ATTRIBUTE, listening); // as the launcher: the replay goes over HTTP
        server.setHandler(ctx);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Test server failed to start", e);
        }
        listening.complete(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        TestServer started = new TestServer(server, ctx, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        started.awaitReady();
        return started;
    }

    /** Waits until the derived parts (the search index) are ready, as clients wait for health 200. */
    private void awaitReady() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (!app().ready()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("Test server not ready after 120 s");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public URI base() {
        return base;
    }

    /** An API client authenticated with {@code token}. */
    public ApiClient client(String token) {
        return new ApiClient(base, token);
    }

    public ApiClient admin() {
        return client(ADMIN_TOKEN);
    }

    /** The running application, to reach its parts directly (e.g. to create users). */
    public Replybook app() {
        return (Replybook) context.getServletContext().getAttribute(ReplybookApp.INSTANCE_ATTRIBUTE);
    }

    /** Creates a console user with {@code role} ({@code editor}…) and language ({@code zh-CN}…) who signs in with {@code password}. */
    public void createConsoleUser(String name, String role, String locale, String password) {
        var user = app().users().createUser(name, name, com.replybook.kb.auth.Role.fromWire(role), locale);
        app().passwords().setPassword(user.id(), password);
    }

    /** Creates console users (English UI) who sign in with {@code password}; each as {@code "name:role"}. */
    public void createConsoleUsers(String password, String... nameColonRole) {
        for (String spec : nameColonRole) {
            String[] parts = spec.split(":", 2);
            createConsoleUser(parts[0], parts[1], "en", password);
        }
    }

    /** Creates a user with {@code role} and returns a client with a fresh token of theirs. */
    public ApiClient userWithRole(String username, String role) {
        var users = app().users();
        var user = users.findByUsername(username).orElseGet(() ->
                users.createUser(username, username, com.replybook.kb.auth.Role.fromWire(role), "zh-CN"));
        return client(users.issueToken(user.id(), "test"));
    }

    /** Creates a user with {@code role} who works for {@code shops} only (issue 20) and returns a client of theirs. */
    public ApiClient userInShops(String username, String role, String... shops) {
        var users = app().users();
        var user = users.createUser(username, username, com.replybook.kb.auth.Role.fromWire(role), "zh-CN",
                java.util.List.of(shops));
        return client(users.issueToken(user.id(), "test"));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
