package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.vocabulary.SupportedLocale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/wording} over HTTP: defaults, who may change them, validation, and checking a text. */
class WordingApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient agent;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        agent = server.userWithRole("agent.w", "agent");
        lead = server.userWithRole("lead.w", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> rule(String phrase, String severity) {
        return Map.of("phrase", phrase, "severity", severity, "suggestion", "换个说法", "reason", "测试");
    }

    @Test
    void everyLocaleHasDefaultRulesThatAnyRoleReads() {
        for (String locale : List.of("zh-CN", "zh-TW", "en")) {
            JsonNode r = agent.get("/api/v1/wording/" + locale).json();
            assertEquals(locale, r.get("locale").asText());
            assertTrue(r.get("rules").size() > 25, locale + " has rules for each kind of mistake");
            JsonNode first = r.get("rules").get(0);
            assertTrue(first.has("phrase") && first.has("severity") && first.has("suggestion") && first.has("reason"));
        }
        assertEquals(404, agent.get("/api/v1/wording/de").status());
    }

    @Test
    void aCheckFindsPhrasesAcrossScriptsWidthCaseAndSpacesWithOffsetsIntoTheText() {
        String text = "好的。您 別 生 氣！大概明天發貨";
        Response r = agent.post("/api/v1/wording/check", Map.of("locale", "zh-CN", "text", text));
        assertEquals(200, r.status(), r.text());
        JsonNode f = r.json().get("findings");
        assertEquals("block", f.get(0).get("severity").asText());
        assertEquals("您 別 生 氣", text.substring(f.get(0).get("start").asInt(), f.get(0).get("end").asInt()));
        assertEquals("warn", f.get(1).get("severity").asText());
        assertEquals("大概", text.substring(f.get(1).get("start").asInt(), f.get(1).get("end").asInt()));
        assertTrue(r.json().get("blocked").asBoolean());

        JsonNode en = agent.post("/api/v1/wording/check", Map.of("locale", "en", "text", "Ｐｌｅａｓｅ ＣＡＬＭ   down!")).json();
        assertEquals("ＣＡＬＭ   down", en.at("/findings/0/text").asText(), en.toString());
        assertEquals("[]", agent.post("/api/v1/wording/check", Map.of("locale", "en", "text", "Press the button")).json()
                .get("findings").toString());
        assertEquals("locale", agent.post("/api/v1/wording/check", Map.of("text", "x")).errorField());
        assertEquals("text", agent.post("/api/v1/wording/check", Map.of("locale", "en")).errorField());
    }

    @Test
    void aRuleWrittenInSimplifiedCatchesTraditionalAndGapsAllowAFewCharacters() {
        try {
            Response saved = lead.put("/api/v1/wording/zh-TW", Map.of("rules", List.of(rule("快递…管不了", "block"),
                    rule("大概", "warn"))), null);
            assertEquals(200, saved.status(), saved.text());
            JsonNode f = agent.post("/api/v1/wording/check", Map.of("locale", "zh-TW",
                    "text", "宅配和快遞的事情我們真的管不了，大概就這樣")).json().get("findings");
            assertEquals(2, f.size(), f.toString());
            assertEquals("快遞的事情我們真的管不了", f.get(0).get("text").asText());
            assertEquals("快递…管不了", f.get(0).get("phrase").asText());
            JsonNode far = agent.post("/api/v1/wording/check", Map.of("locale", "zh-TW",
                    "text", "快遞已經在今天下午三點送到了您家樓下的管理室，其他的事情我們管不了")).json().get("findings");
            assertEquals(0, far.size(), "a gap spans a few characters, not a paragraph: " + far);
        } finally {
            assertEquals(200, lead.put("/api/v1/wording/zh-TW", Defaults.read("wording", SupportedLocale.ZH_TW), null).status());
        }
    }

    @Test
    void onlyLeadsReplaceRulesAndRulesThatWouldMatchEverythingAreRefused() {
        String before = agent.get("/api/v1/wording/en").json().get("rules").toString();
        assertEquals(403, agent.put("/api/v1/wording/en", Map.of("rules", List.of(rule("calm down", "block"))), null).status());
        assertEquals(403, server.userWithRole("editor.w", "editor")
                .put("/api/v1/wording/en", Map.of("rules", List.of(rule("calm down", "block"))), null).status());

        Response bad = lead.put("/api/v1/wording/en", Map.of("rules", List.of(rule("calm down", "block"),
                rule("", "warn"), rule("a", "warn"), rule("的", "block"), rule("(maybe|)", "warn"), rule("sorry", "shout"),
                rule("Calm  Down!", "warn"), rule("(unclosed", "warn"))), null);
        assertEquals(422, bad.status(), bad.text());
        List<String> fields = new ArrayList<>();
        bad.json().at("/error/errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("rules[1].phrase", "rules[2].phrase", "rules[3].phrase", "rules[4].phrase",
                "rules[5].severity", "rules[6].phrase", "rules[7].phrase"), fields, bad.text());
        assertTrue(bad.text().contains("single common character"), bad.text());
        assertTrue(bad.text().contains("matches exactly what row 1 matches"), bad.text());
        assertEquals(before, agent.get("/api/v1/wording/en").json().get("rules").toString(), "nothing half-saved");
        assertEquals(422, lead.put("/api/v1/wording/xx", Map.of("rules", List.of()), null).status());
    }
}
