package com.replybook.kb.boot;

import com.replybook.kb.config.ServerConfig;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JettyLauncherTest {

    private final ServerConfig defaults = ServerConfig.defaults(Path.of("data"));

    @Test
    void theConnectorHoldsAThousandWaitingConnectionsNotJavasFifty() {
        ServerConnector connector = JettyLauncher.connector(new Server(), defaults);
        assertEquals(1024, connector.getAcceptQueueSize());
        assertEquals(8080, connector.getPort());
    }

    @Test
    void theAcceptQueueAndPortAreSettings() {
        ServerConfig config = defaults.with(ServerConfig.ACCEPT_QUEUE, 4096).with(ServerConfig.PORT, 18999);
        ServerConnector connector = JettyLauncher.connector(new Server(), config);
        assertEquals(4096, connector.getAcceptQueueSize());
        assertEquals(18999, connector.getPort());
    }
}
