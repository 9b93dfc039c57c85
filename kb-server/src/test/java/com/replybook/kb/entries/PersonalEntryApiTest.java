package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.FoundKeys;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static com.replybook.kb.testing.FoundKeys.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal entries (issue 20): any user, agents included, keeps their own snippets, without review, found only in their
 * own searches and changed only by them; a lead promotes one into the team library, where it is reviewed.
 */
class PersonalEntryApiTest {

    static final String Q = "快递三天没动了";

    @TempDir
    Path dir;

    static Map<String, Object> snippet(String key) {
        Map<String, Object> e = Fixtures.entry(key);
        e.remove("status");
        e.put("visibility", "personal");
        e.put("script", "亲，我这边帮您盯着订单 ${order.id}，有消息第一时间告诉您～");
        return e;
    }

    @Test
    void anAgentKeepsAPersonalSnippetWithoutReviewThatOnlyTheyFind() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient wang = server.userWithRole("agent.wang", "agent");
            ApiClient li = server.userWithRole("agent.li", "agent");
            ApiClient editor = server.userWithRole("editor.zhao", "editor");

            Response created = wang.post("/api/v1/entries", snippet("wang-own.zh-cn"));

            assertEquals(201, created.status(), created.text());
            assertEquals("personal", created.json().path("visibility").asText());
            assertEquals("published", created.json().path("status").asText(), "a snippet needs no review");
            FoundKeys.await(wang, "/api/v1/search?q=" + Q, Set.of("wang-own.zh-cn"));
            assertFalse(keys(li.get("/api/v1/search?q=" + Q)).contains("wang-own.zh-cn"), "another agent never finds it");
            assertFalse(keys(editor.get("/api/v1/search?status=any&q=" + Q)).contains("wang-own.zh-cn"));
            assertEquals(404, li.get("/api/v1/entries/wang-own.zh-cn").status());
            assertEquals(404, editor.get("/api/v1/entries/wang-own.zh-cn").status());
            assertEquals(Set.of("wang-own.zh-cn"), keys(wang.get("/api/v1/entries?visibility=personal")));
            assertEquals(Set.of(), keys(li.get("/api/v1/entries?visibility=personal")));
        }
    }

    @Test
    void onlyTheOwnerChangesTheirSnippetAndNobodySubmitsItForReview() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient wang = server.userWithRole("agent.wang", "agent");
            ApiClient lead = server.userWithRole("lead.sun", "lead");
            String etag = wang.post("/api/v1/entries", snippet("wang-edit.zh-cn")).etag();

            Map<String, Object> changed = snippet("wang-edit.zh-cn");
            changed.put("script", "亲，订单 ${order.id} 我已经催过仓库啦～");
            Response own = wang.put("/api/v1/entries/wang-edit.zh-cn", changed, etag);
            assertEquals(200, own.status(), own.text());
            assertEquals("亲，订单 ${order.id} 我已经催过仓库啦～", own.json().path("script").asText());

            Response byLead = lead.put("/api/v1/entries/wang-edit.zh-cn", changed, own.etag());
            assertEquals(403, byLead.status(), byLead.text());
            assertEquals("visibility", byLead.errorField());

            Response submit = lead.post("/api/v1/entries/wang-edit.zh-cn/submit", Map.of());
            assertEquals(422, submit.status(), submit.text());
            assertEquals("visibility", submit.errorField());

            Map<String, Object> inReview = snippet("wang-review.zh-cn");
            inReview.put("status", "in_review");
            Response refused = wang.post("/api/v1/entries", inReview);
            assertEquals(422, refused.status(), refused.text());
            assertTrue(refused.text().contains("\"status\""), refused.text());
        }
    }

    @Test
    void aLeadPromotesASnippetIntoTheTeamLibraryWhereItIsReviewedThenFoundByEveryone() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient wang = server.userWithRole("agent.wang", "agent");
            ApiClient li = server.userWithRole("agent.li", "agent");
            ApiClient lead = server.userWithRole("lead.sun", "lead");
            wang.post("/api/v1/entries", snippet("wang-promote.zh-cn"));
            assertEquals(Set.of("wang-promote.zh-cn"), keys(lead.get("/api/v1/entries?visibility=personal")),
                    "a lead lists the team's snippets, to promote the good ones");

            assertEquals(403, wang.post("/api/v1/entries/wang-promote.zh-cn/promote", Map.of()).status());
            Response promoted = lead.post("/api/v1/entries/wang-promote.zh-cn/promote", Map.of());

            assertEquals(200, promoted.status(), promoted.text());
            assertEquals("team", promoted.json().path("visibility").asText());
            assertEquals("in_review", promoted.json().path("status").asText());
            assertEquals(409, lead.post("/api/v1/entries/wang-promote.zh-cn/promote", Map.of()).status());
            Response published = lead.post("/api/v1/entries/wang-promote.zh-cn/publish", Map.of());
            assertEquals(200, published.status(), published.text());
            FoundKeys.await(li, "/api/v1/search?q=" + Q, Set.of("wang-promote.zh-cn"));
            JsonNode forLi = li.get("/api/v1/entries/wang-promote.zh-cn").json();
            assertEquals("team", forLi.path("visibility").asText());
        }
    }


}
