package com.replybook.kb.boot;

import com.replybook.kb.config.ConfigLoader;
import com.replybook.kb.config.ServerConfig;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Second stage of {@code java -jar kb-server.war}: runs the same WAR in an embedded Jetty 12 (ee11), exactly
 * as a container would, passing the command-line flags to the web application.
 */
public final class JettyLauncher {

    private JettyLauncher() {
    }

    public static void run(Path war, String[] args) throws Exception {
        List<String> argList = Arrays.asList(args);
        if (argList.contains("--help") || argList.contains("-h")) {
            System.out.println("Usage: java -jar kb-server.war [options]" + ConfigLoader.usage());
            return;
        }
        ServerConfig config;
        try {
            config = ConfigLoader.load(argList, System.getenv(), System::getProperty);
        } catch (IllegalArgumentException e) {
            System.err.println("replybook: " + e.getMessage());
            System.exit(2);
            return;
        }
        Server server = new Server(new QueuedThreadPool(config.maxThreads(Runtime.getRuntime().availableProcessors()),
                8, 60_000));
        ServerConnector connector = connector(server, config);
        server.addConnector(connector);
        server.setErrorHandler(new QuietErrorHandler());
        CompletableFuture<URI> listening = new CompletableFuture<>();
        server.setHandler(webApp(war, config, argList, listening));
        server.setStopAtShutdown(true);
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("replybook: failed to start: " + e);
            server.stop();
            System.exit(1);
        }
        // The start-up replay searches through this port, so that the HTTP layer is compiled before health says ready.
        listening.complete(URI.create("http://127.0.0.1:" + connector.getLocalPort()));
        System.out.println("Replybook is running at http://localhost:" + connector.getLocalPort() + "/ (data in "
                + config.dataDir() + ")");
        server.join();
    }

    /** The HTTP connector: the configured port and accept queue, no server version in the answers. */
    static ServerConnector connector(Server server, ServerConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(config.port());
        connector.setAcceptQueueSize(config.get(ServerConfig.ACCEPT_QUEUE));
        return connector;
    }

    private static WebAppContext webApp(Path war, ServerConfig config, List<String> args,
                                        CompletableFuture<URI> listening) throws Exception {
        WebAppContext ctx = new WebAppContext();
        ctx.setWar(war.toString());
        ctx.setContextPath("/");
        ctx.setAttribute("replybook.args", List.copyOf(args));
        ctx.setAttribute("replybook.listening", listening); // ReplybookApp.LISTENING_ATTRIBUTE
        Path work = config.dataDir().resolve("work");
        Files.createDirectories(work);
        ctx.setTempDirectory(work.toFile());
        ctx.setThrowUnavailableOnStartupException(true);
        // web.xml sends every error to the application's error servlet; should that fail, Jetty's own page must not
        // show the stack trace either.
        if (ctx.getErrorHandler() instanceof org.eclipse.jetty.server.handler.ErrorHandler pages) {
            pages.setShowStacks(false);
            pages.setShowCauses(false);
            pages.setShowMessageInTitle(false);
        }
        return ctx;
    }
}
