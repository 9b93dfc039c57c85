package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training through the API: agents read published collections with their cases and entries and mark them studied;
 * each sees their own marks only, leads everyone's, by agent. On SQLite and PostgreSQL.
 */
class TrainingApiTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void agentsStudyPublishedCollectionsAndLeadsSeeWhoStudiedWhat(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            var cases = server.app().cases();
            Case handled = cases.create(new CaseDraft("双11 延误：先安抚再补偿", "<p>客户：三天没动</p><p>客服：已加急</p>",
                    "先共情", "给了确定的时间", "五星", List.of("物流"), List.of(), 5, "rt:1"), "lead");
            Map<String, Object> entry = Fixtures.entry("training-delay");
            entry.put("status", "published");
            assertEquals(201, server.admin().post("/api/v1/entries", entry).status());
            Map<String, Object> draft = Fixtures.entry("training-draft");
            assertEquals(201, server.admin().post("/api/v1/entries", draft).status());
            CaseCollection week1 = cases.createCollection("新人第一周", "物流延误", "lead");
            week1 = cases.setItems(week1.id(), List.of(new CollectionItem("case", handled.id(), null),
                    new CollectionItem("entry", "training-delay", null), new CollectionItem("entry", "training-draft", null)),
                    "lead", week1.updatedAt());
            CaseCollection hidden = cases.createCollection("还在准备", "", "lead");

            ApiClient alice = server.userWithRole("alice", "agent");
            ApiClient bob = server.userWithRole("bob", "agent");
            ApiClient lead = server.userWithRole("lena", "lead");

            assertEquals(List.of(), ids(alice.get("/api/v1/collections")), "nothing is published yet");
            assertEquals(404, alice.get("/api/v1/collections/" + week1.id()).status(), "an unpublished one does not exist for agents");
            assertEquals(2, ids(lead.get("/api/v1/collections")).size(), "leads see every collection");

            cases.setPublished(week1.id(), true, "lead", week1.updatedAt());
            assertEquals(List.of(week1.id()), ids(alice.get("/api/v1/collections")));
            assertEquals(404, alice.get("/api/v1/collections/" + hidden.id()).status());
            assertEquals(404, alice.post("/api/v1/collections/" + hidden.id() + "/studied", "").status());

            JsonNode read = alice.get("/api/v1/collections/" + week1.id()).json();
            assertEquals("新人第一周", read.get("name").asText());
            assertEquals(2, read.get("items").size(), "the draft entry is not for agents");
            assertEquals("给了确定的时间", read.at("/items/0/case/whyItWorked").asText());
            assertTrue(read.at("/items/0/case/excerptHtml").asText().contains("三天没动"));
            assertEquals("客户：三天没动\n客服：已加急", read.at("/items/0/excerptText").asText(), "as text, a line each");
            assertEquals("training-delay", read.at("/items/1/entry/key").asText());
            assertTrue(read.at("/items/1/entry/script").asText().contains("${order.id}"));
            assertTrue(read.get("studiedAt").isNull());

            Response marked = alice.post("/api/v1/collections/" + week1.id() + "/studied", "");
            assertEquals(200, marked.status(), marked.text());
            Instant at = Instant.parse(marked.json().get("studiedAt").asText());
            assertEquals(at, Instant.parse(alice.get("/api/v1/collections").json().at("/collections/0/studiedAt").asText()));
            assertEquals(at, Instant.parse(alice.post("/api/v1/collections/" + week1.id() + "/studied", "").json()
                    .get("studiedAt").asText()), "a second mark keeps the first time");
            assertTrue(bob.get("/api/v1/collections").json().at("/collections/0/studiedAt").isNull(), "alice's mark is hers");
            assertEquals(List.of(), agents(bob.get("/api/v1/studies")), "bob sees no one else's marks");
            assertEquals(List.of(), agents(bob.get("/api/v1/collections/" + week1.id() + "/studied")));
            assertEquals(List.of("alice"), agents(alice.get("/api/v1/studies")));

            assertEquals(200, bob.post("/api/v1/collections/" + week1.id() + "/studied", "").status());
            assertEquals(List.of("alice", "bob"), agents(lead.get("/api/v1/collections/" + week1.id() + "/studied")).stream().sorted().toList());
            assertEquals(List.of("bob"), agents(lead.get("/api/v1/studies?agent=bob")), "leads filter by agent");
            JsonNode study = lead.get("/api/v1/studies?agent=alice").json().at("/studies/0");
            assertEquals("新人第一周", study.get("collectionName").asText());
            assertNotNull(study.get("studiedAt").asText());

            assertEquals(204, alice.delete("/api/v1/collections/" + week1.id() + "/studied", null).status());
            assertEquals(List.of("bob"), agents(lead.get("/api/v1/collections/" + week1.id() + "/studied")));
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void agentsSharingAHelpDeskTokenStudyForThemselves(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            var cases = server.app().cases();
            CaseCollection c = cases.createCollection("退款时效", "", "lead");
            cases.setPublished(c.id(), true, "lead", c.updatedAt());
            ApiClient bridge = server.userWithRole("rt-bridge", "agent");
            assertEquals(200, bridge.post("/api/v1/collections/" + c.id() + "/studied", Map.of("agent", "dan")).status());
            assertTrue(bridge.get("/api/v1/collections?agent=eve").json().at("/collections/0/studiedAt").isNull(), "eve has not");
            assertNotNull(bridge.get("/api/v1/collections?agent=dan").json().at("/collections/0/studiedAt").asText(null));
            assertEquals(List.of(), agents(bridge.get("/api/v1/studies?agent=eve")));
            assertEquals(List.of("dan"), agents(server.userWithRole("lena", "lead").get("/api/v1/studies")));
        }
    }

    private static List<String> agents(Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("studies").forEach(s -> out.add(s.get("agent").asText()));
        return out;
    }

    private static List<String> ids(Response r) {
        List<String> out = new ArrayList<>();
        r.json().get("collections").forEach(c -> out.add(c.get("id").asText()));
        return out;
    }
}
