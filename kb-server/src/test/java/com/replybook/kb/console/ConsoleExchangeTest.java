package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.User;
import com.replybook.kb.cases.CaseDraft;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import and export through the console: dry runs name bad rows, and export → import loses nothing. */
class ConsoleExchangeTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        User user = server.app().users().createUser("lead", "lead", Role.LEAD, "en");
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        lead = new ConsoleClient(server.base());
        assertEquals(303, lead.signIn("lead", ConsoleSecurityTest.PASSWORD).statusCode());

        Map<String, Object> tricky = Fixtures.entry("tricky-cells.zh-cn");
        tricky.put("status", "published");
        tricky.put("tags", List.of("物流", "a, b", "\"quoted\""));
        tricky.put("questions", List.of("第一行\n第二行", "[不是 JSON", "逗号, 和 \"引号\""));
        tricky.put("cause", "=1+1 看起来像公式");
        tricky.put("script", "${customer.name}，您好：\n订单 ${order.id} 已加急。\n\n  缩进的一行");
        tricky.put("smsScript", "${customer.name}，订单 ${order.id} 已加急，预计明天送达。");
        tricky.put("reviewScript", "包裹已加急派送，\n我们会跟进到签收。");
        // issue 20: shops and tone versions travel through every format too
        assertEquals(201, server.admin().post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        tricky.put("shops", List.of("tmall"));
        tricky.put("toneScripts", Map.of("formal", "尊敬的${customer.name}：\n订单 ${order.id} 已安排加急。",
                "lively", "亲～订单 ${order.id} 冲鸭，=马上到！"));
        tricky.put("diagnostics", List.of());
        tricky.put("owner", "content-team");
        tricky.put("verifyEveryDays", 45);
        tricky.put("acceptedFallbacks", List.of("customer.name", "product.name"));
        create(tricky);
        Map<String, Object> en = Fixtures.entry("plain.en");
        en.put("locale", "en");
        en.put("problem", "Parcel is late");
        en.put("questions", List.of());
        en.put("actions", List.of());
        create(en);
    }

    static void create(Map<String, Object> entry) {
        var r = server.admin().post("/api/v1/entries", entry);
        assertEquals(201, r.status(), r.text());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Uploads {@code file} for a dry run and returns the finished job's view (phase, creates, updates…). */
    static JsonNode dryRun(String fileName, byte[] file) throws Exception {
        return dryRun(lead, fileName, file);
    }

    static JsonNode dryRun(ConsoleClient who, String fileName, byte[] file) throws Exception {
        HttpResponse<String> r = who.upload("/console/exchange/import", Map.of("_csrf", who.csrf("/console/exchange")),
                fileName, file);
        assertEquals(303, r.statusCode(), r.body());
        String job = r.headers().firstValue("Location").orElseThrow().replaceAll("^.*?/console", "/console");
        return awaitFinished(who, job);
    }

    /** Polls the job's progress until it is finished; the view gets the job's path and page. */
    static JsonNode awaitFinished(ConsoleClient who, String job) throws Exception {
        for (int i = 0; i < 800; i++) {
            JsonNode view = Json.MAPPER.readTree(who.get(job + "/progress").body());
            if (view.path("finished").asBoolean()) {
                ObjectNode v = (ObjectNode) view;
                v.put("job", job);
                v.put("page", who.get(job).body());
                return v;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("import job did not finish");
    }

    /** Imports the rows kept in a checked job and returns its finished view. */
    static JsonNode apply(JsonNode view) throws Exception {
        String job = view.path("job").asText();
        HttpResponse<String> r = lead.post(job + "/apply", Map.of("_csrf", lead.csrf(job)));
        assertEquals(303, r.statusCode(), r.body());
        return awaitFinished(lead, job);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx", "json", "ndjson"})
    void exportedFileImportsBackWithNothingToChange(String format) throws Exception {
        byte[] exported = lead.download("/console/exchange/export?format=" + format);
        JsonNode view = dryRun("replybook-entries." + format, exported);
        assertEquals("ready", view.path("phase").asText(), view.path("page").asText());
        assertEquals(0, view.path("creates").asInt());
        assertEquals(0, view.path("updates").asInt(), "an export → import round trip changes nothing");
        assertEquals(libraryCount(), view.path("unchanged").asInt());
        assertEquals(0, view.path("selected").asInt());
    }

    @Test
    void anEditorsOwnExportOfPublishedEntriesImportsBackWithNoRowRefused() throws Exception {
        ConsoleClient editor = signedIn("editor.exchange", Role.EDITOR);
        byte[] exported = editor.download("/console/exchange/export?format=csv");
        JsonNode view = dryRun(editor, "mine.csv", exported);
        assertEquals("ready", view.path("phase").asText(), view.path("page").asText());
        assertEquals(0, view.path("errorCount").asInt(), view.path("page").asText());
        assertEquals(libraryCount(), view.path("unchanged").asInt());
        assertEquals(404, lead.get(view.path("job").asText()).statusCode(), "a job is its owner's only");
    }

    @Test
    void theDryRunShowsEachChangedFieldWithItsOldAndNewValueAndWritesNothing() throws Exception {
        JsonNode exported = Json.MAPPER.readTree(lead.download("/console/exchange/export?format=json"));
        for (JsonNode e : exported) {
            if (e.get("key").asText().equals("plain.en")) ((ObjectNode) e).put("cause", "The carrier lost the scan");
        }
        JsonNode view = dryRun("changed.json", Json.MAPPER.writeValueAsBytes(exported));
        assertEquals(1, view.path("updates").asInt(), view.path("page").asText());
        String page = view.path("page").asText();
        assertTrue(page.contains("<dt>Cause</dt>"), page);
        assertTrue(page.contains(">中转站爆仓</del>") && page.contains(">The carrier lost the scan</ins>"), page);
        assertTrue(!page.contains("tricky-cells.zh-cn"), "unchanged rows are not listed among the changes");
        assertEquals("中转站爆仓", server.admin().get("/api/v1/entries/plain.en").json().get("cause").asText());
    }

    @Test
    void aRowWithErrorsIsListedNamingItsRowAndLeftOutWhileTheOthersImport() throws Exception {
        String json = """
                [{"key":"good-one.en","locale":"en","category":"a","problem":"p","script":"Hi ${customer.name}"},
                 {"key":"bad-one.en","locale":"en","category":"a","problem":"p","script":"Hi ${customer.name"}]""";
        JsonNode view = dryRun("entries.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals("ready", view.path("phase").asText());
        assertEquals(1, view.path("errorCount").asInt());
        assertEquals(1, view.path("selected").asInt());
        String page = view.path("page").asText();
        assertTrue(page.contains("data-row=\"2\"") && page.contains("bad-one.en"), page);
        assertEquals(404, server.admin().get("/api/v1/entries/good-one.en").status(), "nothing before the import");

        JsonNode done = apply(view);
        assertEquals("done", done.path("phase").asText(), done.path("page").asText());
        assertEquals(1, done.path("outcomes").path("created").asInt());
        assertEquals(200, server.admin().get("/api/v1/entries/good-one.en").status());
        assertEquals(404, server.admin().get("/api/v1/entries/bad-one.en").status());
    }

    @Test
    void rowsTheUserLeavesOutAreNotImported() throws Exception {
        String json = """
                [{"key":"kept-out.en","locale":"en","category":"a","problem":"p","script":"Hi"},
                 {"key":"kept-in.en","locale":"en","category":"a","problem":"p","script":"Hi"}]""";
        JsonNode view = dryRun("two.json", json.getBytes(StandardCharsets.UTF_8));
        String job = view.path("job").asText();
        HttpResponse<String> r = lead.send(HttpRequest.newBuilder(server.base().resolve(job + "/selection"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + lead.csrf(job) + "&shown=0&shown=1&keep=1")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, Json.MAPPER.readTree(r.body()).path("selected").asInt());
        assertEquals(1, Json.MAPPER.readTree(r.body()).path("leftOut").asInt());

        JsonNode done = apply(view);
        assertEquals(404, server.admin().get("/api/v1/entries/kept-out.en").status());
        assertEquals(200, server.admin().get("/api/v1/entries/kept-in.en").status());
        assertTrue(done.path("page").asText().contains("two.json"));
        assertTrue(lead.get("/console/exchange").body().contains(job.substring(job.lastIndexOf('/') + 1)),
                "the import page lists the job");
        HttpResponse<String> again = lead.post(job + "/apply", Map.of("_csrf", lead.csrf(job)));
        assertEquals(409, again.statusCode(), "a finished import is not imported twice");
    }

    /** Entries in the library now (tests add some). */
    static int libraryCount() {
        return server.admin().get("/api/v1/entries").json().get("total").asInt();
    }

    static ConsoleClient signedIn(String username, Role role) {
        User user = server.app().users().findByUsername(username)
                .orElseGet(() -> server.app().users().createUser(username, username, role, "en"));
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(username, ConsoleSecurityTest.PASSWORD).statusCode());
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv", "json"})
    void aFileThatIsNotWhatItsNameSaysIsRejectedInPlainWordsWithoutTheParsersInternals(String format) throws Exception {
        byte[] garbage = switch (format) {
            case "xlsx" -> "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.UTF_8);
            case "csv" -> "key,locale,category,problem,script\n\"open,en,a,p,s\n".getBytes(StandardCharsets.UTF_8);
            default -> "[{\"key\":\"a\"".getBytes(StandardCharsets.UTF_8);
        };
        JsonNode view = dryRun("entries." + format, garbage);
        assertEquals("rejected", view.path("phase").asText());
        String page = view.path("page").asText();
        assertTrue(page.contains(switch (format) {
            case "xlsx" -> "not an Excel workbook (.xlsx)";
            case "csv" -> "could not be read as CSV";
            default -> "ended before the JSON was complete";
        }), page);
        for (String internal : List.of("Exception", "org.apache", "poi", "POI", "Jackson", "$")) {
            assertFalse(page.replace("${", "").contains(internal), internal + " in " + page);
        }
    }

    @Test
    void casesAndCollectionsSurviveAJsonExportAndImport() throws Exception {
        var cases = server.app().cases();
        var c = cases.create(new CaseDraft("双11 安抚", "<p>客户：<b>急</b> 电话 [phone]</p>", "先共情", "被重视", "好评",
                List.of("物流"), List.of("tricky-cells.zh-cn"), 5, "rt:7"), "lead");
        var col = cases.createCollection("new-hire week 1", "第一周", "lead");
        cases.setItems(col.id(), List.of(new CollectionItem("case", c.id(), null),
                new CollectionItem("entry", "tricky-cells.zh-cn", null)), "lead", col.updatedAt());
        byte[] before = lead.download("/console/exchange/cases.json");

        HttpResponse<String> r = lead.upload("/console/exchange/cases", Map.of("_csrf", lead.csrf("/console/exchange")),
                "replybook-cases.json", before);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("id=\"cases-report\"") && r.body().contains("</html>"), "the whole page, with its report");
        assertEquals(Json.MAPPER.readTree(before), Json.MAPPER.readTree(lead.download("/console/exchange/cases.json")));
    }

    @Test
    void theCaseExportHoldsEveryCaseAndAPublishedCollectionStaysPublishedThroughAnImport() throws Exception {
        var cases = server.app().cases();
        for (int i = 0; i < 505; i++) {
            cases.create(new CaseDraft("批量案例 " + i, "<p>客户：第 " + i + " 单</p>", "先共情", "被重视", "好评",
                    List.of("批量"), List.of(), 3, "rt:" + i), "lead");
        }
        var col = cases.createCollection("published week", "已发布", "lead");
        cases.setPublished(col.id(), true, "lead", col.updatedAt());
        JsonNode exported = Json.MAPPER.readTree(lead.download("/console/exchange/cases.json"));
        long batch = java.util.stream.StreamSupport.stream(exported.get("cases").spliterator(), false)
                .filter(c -> c.path("title").asText().startsWith("批量案例 ")).count();
        assertEquals(505, batch, "no case is left out of an export");

        cases.setPublished(col.id(), false, "lead", cases.collection(col.id()).orElseThrow().updatedAt());
        HttpResponse<String> r = lead.upload("/console/exchange/cases", Map.of("_csrf", lead.csrf("/console/exchange")),
                "replybook-cases.json", Json.MAPPER.writeValueAsBytes(exported));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(cases.collection(col.id()).orElseThrow().published(), "the export said published; the import keeps it");
    }
}
