package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error reaches the user in their language: the API names its code and arguments beside the English
 * message, and the console words them in zh-CN, zh-TW and en, a script's problem in plain words with its place.
 */
class ConsoleErrorsTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    /** FreeMarker says: Encountered "先生", but was expecting one of these patterns: "." ".." <DOT_DOT_LESS> … */
    static final String BROKEN = "您好，${customer.name 先生}，订单已发出。";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUser("ming", "editor", "zh-CN", PASSWORD);
        server.createConsoleUser("mei", "editor", "zh-TW", PASSWORD);
        server.createConsoleUser("ed", "editor", "en", PASSWORD);
        server.createConsoleUser("ann", "agent", "zh-CN", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String name) {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(name, PASSWORD).statusCode());
        return c;
    }

    static HttpResponse<String> saveNew(ConsoleClient c, String key, String script) {
        Map<String, String> form = new HashMap<>(Map.of("_csrf", c.csrf("/console/entries/new"), "key", key,
                "locale", "zh-CN", "category", "物流/延误", "problem", "包裹三天没有更新", "script", script));
        form.put("action", "save");
        return c.post("/console/entries/new", form);
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aBrokenScriptIsExplainedInPlainWordsInTheEditorsLanguageOnceWithItsPlace() {
        Map<String, String> expected = Map.of(
                "ming", "第 1 行第 20 列：这里不应出现“先生”，请检查附近的 ${…} 或 &lt;#…&gt; 写法。",
                "mei", "第 1 行第 20 欄：這裡不應出現「先生」，請檢查附近的 ${…} 或 &lt;#…&gt; 寫法。",
                "ed", "Line 1, column 20: “先生” does not belong here. Check the ${…} or &lt;#…&gt; around it.");
        expected.forEach((name, words) -> {
            HttpResponse<String> page = saveNew(signedIn(name), "broken-" + name, BROKEN);
            assertEquals(422, page.statusCode());
            assertEquals(1, count(page.body(), words), name + " sees the problem once, in their words:\n" + page.body());
            for (String raw : List.of("Encountered", "DOT_DOT_LESS", "was expecting", "FreeMarker")) {
                assertFalse(page.body().contains(raw), name + " never sees FreeMarker's own text: " + raw);
            }
            assertTrue(page.body().contains("data-line=\"1\" data-column=\"20\""), "the editor can mark the spot");
        });
    }

    @Test
    void theApiNamesEachErrorsCodeAndArgumentsBesideItsEnglishMessage() {
        ApiClient editor = server.userWithRole("api-editor", "editor");
        Map<String, Object> bad = Fixtures.entry("Bad Key");
        bad.remove("problem");
        bad.put("script", BROKEN);
        ApiClient.Response refused = editor.post("/api/v1/entries", bad);
        assertEquals(422, refused.status(), refused.text());
        JsonNode error = refused.json().path("error");
        assertEquals("invalid", error.path("code").asText(), "the kind of error stays as it was");
        assertEquals("entry.keyPattern", error.path("reason").asText());
        Map<String, JsonNode> byReason = new HashMap<>();
        error.path("errors").forEach(e -> byReason.put(e.path("reason").asText(), e));
        assertEquals("problem", byReason.get("input.required").path("args").path("field").asText());
        assertEquals("problem is required", byReason.get("input.required").path("message").asText());
        JsonNode script = byReason.get("script.unexpected");
        assertEquals("先生", script.path("args").path("token").asText());
        assertEquals(1, script.path("line").asInt());
        assertEquals(20, script.path("column").asInt());

        ApiClient.Response missing = editor.get("/api/v1/entries/no-such-entry");
        assertEquals("entry.notFound", missing.json().path("error").path("reason").asText());
        assertEquals("no-such-entry", missing.json().path("error").path("args").path("ref").asText());

        Map<String, Object> published = Fixtures.entry("editor-publishes");
        published.put("status", "published");
        ApiClient.Response forbidden = editor.post("/api/v1/entries", published);
        assertEquals(403, forbidden.status(), forbidden.text());
        assertEquals("entry.leadOnlyStatus", forbidden.json().path("error").path("reason").asText());
        assertEquals("published", forbidden.json().path("error").path("args").path("status").asText());
    }

    @Test
    void refusalsAndMissingPagesSpeakTheUsersLanguage() {
        HttpResponse<String> agent = signedIn("ann").get("/console/entries");
        assertEquals(403, agent.statusCode());
        assertTrue(agent.body().contains("此操作需要编辑权限，您的角色是客服。"), agent.body());
        assertTrue(agent.body().contains("id=\"error-home\""), "a way back that the agent may open");

        HttpResponse<String> missing = signedIn("mei").get("/console/entries/no-such-entry");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("找不到條目 no-such-entry。"), missing.body());
        assertFalse(missing.body().contains("No entry"), "no English in the zh-TW console");

        HttpResponse<String> english = signedIn("ed").get("/console/entries/no-such-entry");
        assertTrue(english.body().contains("There is no entry no-such-entry."), english.body());
    }

    @Test
    void aSynonymRuleErrorFromTheApiIsWordedByTheConsole() {
        ApiClient.Response refused = server.admin().put("/api/v1/synonyms/zh-CN", Map.of("rules", List.of("快递")), null);
        assertEquals(400, refused.status(), refused.text());
        JsonNode error = refused.json().path("error");
        assertEquals("synonyms.oneTerm", error.path("reason").asText());

        ConsoleClient ming = signedIn("ming");
        String body = "{\"status\":400,\"reason\":\"synonyms.oneTerm\",\"args\":" + error.path("args") + "}";
        HttpResponse<String> words = ming.postJson("/console/errors/text", body, "/console/synonyms");
        assertEquals(200, words.statusCode(), words.body());
        assertEquals("第 1 行至少需要两个用逗号分隔的词语。", json(words).path("text").asText());

        HttpResponse<String> unknown = ming.postJson("/console/errors/text", "{\"status\":404}", "/console/synonyms");
        assertEquals("未找到。", json(unknown).path("text").asText(), "an error without a code gets its kind's words");
    }

    @Test
    void thePreviewSaysWhatIsWrongInsteadOfGoingBlank() {
        ConsoleClient ming = signedIn("ming");
        String request = "{\"script\":" + Json.MAPPER.valueToTree(BROKEN) + ",\"locale\":\"zh-CN\",\"context\":{}}";
        HttpResponse<String> answer = ming.postJson("/console/preview", request, "/console/entries/new");
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode problem = json(answer).path("problems").path(0);
        assertEquals("script", problem.path("field").asText());
        assertEquals(20, problem.path("column").asInt());
        assertEquals("第 1 行第 20 列：这里不应出现“先生”，请检查附近的 ${…} 或 <#…> 写法。", problem.path("text").asText());
    }

    @Test
    void aRowOfAnImportIsRefusedInTheEditorsWords() throws Exception {
        String page = importedBy("ming", "key,locale,category,problem,script\n"
                + "Bad Key,zh-CN,物流/延误,包裹没动,订单 ${order.id} 已加急\n"
                + "twice.zh-cn,zh-CN,物流/延误,包裹没动,订单 ${order.id} 已加急\n"
                + "twice.zh-cn,zh-CN,物流/延误,包裹没动了,订单 ${order.id} 已加急\n");
        assertTrue(page.contains("键: 键只能使用小写字母、数字、点、连字符和下划线，例如 logistics-delay.zh-cn。"), page);
        assertTrue(page.contains("键: 这个键在第 3 行也出现了。"), page);
        assertFalse(page.contains("key must match") || page.contains("also appears"), "not the API's English");
    }

    @Test
    void aFileThatCannotBeImportedIsRefusedInTheEditorsWords() throws Exception {
        String page = importedBy("ming", "key,locale,category,problem,script,colour\n");
        assertTrue(page.contains("第 1 行：未知的列 colour。"), page);
        assertFalse(page.contains("unknown column"), "not the API's English");
    }

    /** The page of the dry run of {@code csv} uploaded by {@code user}, once it is finished. */
    private static String importedBy(String user, String csv) throws Exception {
        ConsoleClient c = signedIn(user);
        HttpResponse<String> upload = c.upload("/console/exchange/import",
                Map.of("_csrf", c.csrf("/console/exchange")), "bad.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(303, upload.statusCode(), upload.body());
        String job = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/console/", "/console/");
        String page = c.get(job).body();
        for (int i = 0; i < 100 && page.contains("data-finished=\"false\""); i++) {
            Thread.sleep(50);
            page = c.get(job).body();
        }
        return page;
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(m.find(), p + " in " + body);
        return m.group(1);
    }
}
