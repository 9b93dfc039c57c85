package com.replybook.kb.render;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A deployment overrides one layout through {@code --templates-dir}; every other layout stays built in. */
class TemplatesDirTest {

    @TempDir
    Path dir;

    @Test
    void aDeploymentOverridesOneLayoutAndKeepsTheOthers() throws IOException {
        Path overrides = dir.resolve("templates");
        Path standard = Path.of("../templates/tone/standard.en.ftl");
        Files.createDirectories(overrides.resolve("tone"));
        Files.writeString(overrides.resolve("tone/standard.en.ftl"), Files.readString(standard)
                .replace("Thanks for getting in touch.", "Thank you for writing to Acme Outdoor."));
        ServerConfig config = TestServer.config(dir.resolve("data"), false).with(ServerConfig.TEMPLATES_DIR, overrides);
        try (TestServer server = TestServer.start(config)) {
            String overridden = render(server, "standard");
            assertTrue(overridden.contains("Thank you for writing to Acme Outdoor."), overridden);
            assertFalse(overridden.contains("Thanks for getting in touch."), overridden);
            String builtIn = render(server, "warm");
            assertFalse(builtIn.contains("Acme Outdoor"), builtIn);
        }
    }

    @Test
    void aBrokenOverrideStopsTheStartNamingTheFile() throws IOException {
        Path overrides = dir.resolve("templates");
        Files.createDirectories(overrides.resolve("channel"));
        Files.writeString(overrides.resolve("channel/chat.en.ftl"), "${tone.greeting ${body}");
        ServerConfig config = TestServer.config(dir.resolve("data"), false).with(ServerConfig.TEMPLATES_DIR, overrides);
        RuntimeException e = assertThrows(RuntimeException.class, () -> TestServer.start(config).close());
        String messages = e + " " + e.getCause();
        for (Throwable t = e; t != null; t = t.getCause()) messages += " " + t.getMessage();
        assertTrue(messages.contains("chat.en.ftl"), messages);
    }

    private static String render(TestServer server, String tone) {
        Response r = server.admin().post("/api/v1/render", Map.of("script", "Your refund is on its way.",
                "locale", "en", "tone", tone, "channel", "chat"));
        assertEquals(200, r.status(), r.text());
        return r.json().get("text").asText();
    }
}
