package com.replybook.kb.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps {@code openapi.json} in step with the router's table: every route documented, every operation routed. */
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
            server.app().apiRoutes().forEach(r -> mounted.add(r.operation()));

            Set<String> undocumented = new TreeSet<>(mounted);
            undocumented.removeAll(documented);
            Set<String> phantom = new TreeSet<>(documented);
            phantom.removeAll(mounted);
            assertTrue(undocumented.isEmpty(), "Mounted but missing from api/openapi.json: " + undocumented);
            assertTrue(phantom.isEmpty(), "In api/openapi.json but not routed: " + phantom);
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
                assertTrue(r.json() != null || r.status() == 204 || documentedFile(op.getValue(), r),
                        op.getKey() + " " + path.getKey() + " gave no JSON: " + r);
            }));
        }
    }

    /** A 200 in a media type other than JSON that the operation documents, e.g. the insights' CSV export. */
    private static boolean documentedFile(JsonNode operation, Response r) {
        String type = r.header("Content-Type");
        JsonNode content = operation.path("responses").path("200").path("content");
        return r.status() == 200 && type != null && content.has(type.replaceAll(";.*", "").strip());
    }

    @Test
    void everyApiPathAnswersAMethodItDoesNotServeWith405AndTheMethodsItDoes() {
        try (TestServer server = TestServer.start(dir, false)) {
            JsonNode paths = server.admin().get("/api/v1/openapi.json").json().get("paths");
            paths.properties().forEach(path -> {
                Set<String> served = new TreeSet<>();
                path.getValue().properties().forEach(op -> served.add(op.getKey().toUpperCase(Locale.ROOT)));
                String url = path.getKey().replaceAll("\\{[^}]+}", "no-such-thing");
                Response r = server.admin().send(server.admin().builder(url)
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
                assertEquals(405, r.status(), "PATCH " + path.getKey() + ": " + r);
                assertEquals("method_not_allowed", r.errorCode(), r.toString());
                Set<String> allowed = new TreeSet<>(List.of(r.header("Allow").split(",\\s*")));
                assertTrue(allowed.containsAll(served), path.getKey() + " serves " + served + " but Allow says " + allowed);
                assertTrue(allowed.contains("OPTIONS") && !allowed.contains("PATCH"), allowed.toString());
            });
        }
    }

    @Test
    void anUnknownApiPathIsAJson404AndOptionsListsTheMethods() {
        try (TestServer server = TestServer.start(dir, false)) {
            Response unknown = server.admin().get("/api/v1/no-such-collection/1");
            assertEquals(404, unknown.status());
            assertEquals("not_found", unknown.errorCode(), unknown.toString());
            assertEquals(404, server.admin().get("/api/v2/entries").status());

            Response options = server.admin().send(server.admin().builder("/api/v1/entries/E1")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, options.status());
            assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", options.header("Allow"));
        }
    }
}
