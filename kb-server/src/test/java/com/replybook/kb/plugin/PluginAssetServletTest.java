package com.replybook.kb.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget is served from the plugin jar under /plugin/, without a token, and nothing else is. */
class PluginAssetServletTest {

    @TempDir
    Path dir;

    @Test
    void widgetFilesAreServedWithTheirTypesAndOtherPathsAreNot() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient anonymous = server.client(null);
            ApiClient.Response js = anonymous.get("/plugin/replybook-widget.js");
            assertEquals(200, js.status());
            assertTrue(js.text().contains("Replybook"));
            assertEquals(200, anonymous.get("/plugin/replybook-widget.css").status());
            assertEquals(200, anonymous.get("/plugin/replybook-messages.js").status());
            assertEquals(404, anonymous.get("/plugin/nope.js").status());
            int escaped = anonymous.get("/plugin/..%2Fsample/entries.en.json").status();
            assertTrue(escaped == 400 || escaped == 404, "no way out of the widget folder: " + escaped);
            assertEquals(404, anonymous.get("/plugin/").status());
        }
    }
}
