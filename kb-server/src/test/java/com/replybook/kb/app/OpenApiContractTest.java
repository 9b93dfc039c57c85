package com.replybook.kb.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps {@code openapi.json} in step with the routes the server actually mounts. */
class OpenApiContractTest {

    @TempDir
    Path dir;

    @Test
    void openApiDescribesExactlyTheMountedOperations() {
        try (TestServer server = TestServer.start(dir, false)) {
            Response doc = server.admin().get("/api/v1/openapi.json");
            assertEquals(200, doc.status());
            assertTrue(doc.json().get("openapi").asText().startsWith("3."));

            Set<String> documented = new TreeSet<>();
            doc.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
            Set<String> mounted = new TreeSet<>();
            server.app().routes().forEach(r -> mounted.addAll(r.operations()));

            Set<String> undocumented = new TreeSet<>(mounted);
            undocumented.removeAll(documented);
            Set<String> phantom = new TreeSet<>(documented);
            phantom.removeAll(mounted);
            assertTrue(undocumented.isEmpty(), "Mounted but missing from api/openapi.json: " + undocumented);
            assertTrue(phantom.isEmpty(), "In api/openapi.json but not declared by any Route: " + phantom);
        }
    }

    @Test
    void everyDocumentedOperationAnswersWithJsonNotARoutingError() {
        try (TestServer server = TestServer.start(dir, false)) {
            JsonNode paths = server.admin().get("/api/v1/openapi.json").json().get("paths");
            paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
                String url = path.getKey().replaceAll("\\{[^}]+}", "no-such-thing");
                Response r = server.admin().send(server.admin().builder(url)
                        .method(op.getKey().toUpperCase(Locale.ROOT), java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json"));
                assertTrue(r.status() != 405, op.getKey() + " " + path.getKey() + " is not routed: " + r);
                assertTrue(r.json() != null || r.status() == 204, op.getKey() + " " + path.getKey() + " gave no JSON: " + r);
            }));
        }
    }
}
