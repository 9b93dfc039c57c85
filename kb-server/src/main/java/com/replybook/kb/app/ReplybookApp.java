package com.replybook.kb.app;

import com.replybook.kb.config.ConfigLoader;
import com.replybook.kb.config.ServerConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts {@link Replybook} with the web application and stops it with it. Declared in {@code web.xml}, so it
 * runs the same way in the embedded launcher, Tomcat and Jetty. The launcher passes its command-line flags
 * as the context attribute {@value #ARGS_ATTRIBUTE}; in a container, settings come from {@code REPLYBOOK_*}
 * environment variables or {@code -Dreplybook.*} system properties.
 */
public final class ReplybookApp implements ServletContextListener {

    public static final String ARGS_ATTRIBUTE = "replybook.args";
    public static final String INSTANCE_ATTRIBUTE = Replybook.class.getName();
    /**
     * A {@code CompletableFuture<URI>} that a launcher may set before the context starts and complete with the address
     * the server answers at ({@code http://127.0.0.1:<port>}) once it listens: see {@link Replybook#listeningAt}. A JDK
     * type, as the launcher and the application load their classes with different class loaders.
     */
    public static final String LISTENING_ATTRIBUTE = "replybook.listening";

    private final ServerConfig fixedConfig;
    private final Clock clock;
    private Replybook app;

    /** Used by containers: configuration from the context attribute, environment and system properties. */
    public ReplybookApp() {
        this(null);
    }

    /** Used by tests: a given configuration. */
    public ReplybookApp(ServerConfig config) {
        this(config, Clock.systemUTC());
    }

    /** Used by tests that fix the time: a given configuration and clock. */
    public ReplybookApp(ServerConfig config, Clock clock) {
        this.fixedConfig = config;
        this.clock = clock;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletContext ctx = sce.getServletContext();
        ServerConfig config = fixedConfig != null ? fixedConfig : ConfigLoader.load(args(ctx), System.getenv(), System::getProperty);
        app = Replybook.start(config, clock);
        ctx.setAttribute(INSTANCE_ATTRIBUTE, app);
        app.mount(ctx);
        if (ctx.getAttribute(LISTENING_ATTRIBUTE) instanceof CompletableFuture<?> listening) {
            Replybook started = app;
            listening.thenAccept(base -> started.listeningAt((URI) base));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> args(ServletContext ctx) {
        Object args = ctx.getAttribute(ARGS_ATTRIBUTE);
        return args instanceof List<?> list ? (List<String>) list : List.of();
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        if (app != null) app.close();
    }
}
