package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.User;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Team leads read the library's usage in the console: what is asked, what found nothing, what is (not) used. */
class ConsoleInsightsTest {

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ApiClient admin = server.admin();
        Map<String, Object> used = Fixtures.entry("used.zh-cn");
        used.put("problem", "包裹三天没有更新物流");
        used.put("status", "published");
        Map<String, Object> unused = Fixtures.entry("unused.zh-cn");
        unused.put("problem", "发票抬头想改成公司");
        unused.put("status", "published");
        String usedId = admin.post("/api/v1/entries", used).json().get("id").asText();
        admin.post("/api/v1/entries", unused);

        ApiClient agent = server.userWithRole("agent.i", "agent");
        for (int i = 0; i < 3; i++) agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "快递没动", "hits", 4)));
        agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "<b>礼品卡</b>余额怎么查", "hits", 0)));
        agent.post("/api/v1/events", Fixtures.event("insert", Map.of("entryId", usedId, "entryVersion", 1,
                "tone", "warm", "channel", "sms", "emotion", "angry")));
        Map<String, Object> markup = Fixtures.entry("markup.zh-cn");
        markup.put("category", "<script>alert(1)</script>/x");
        markup.put("status", "published");
        String markupId = admin.post("/api/v1/entries", markup).json().get("id").asText();
        agent.post("/api/v1/events", Map.of("type", "insert", "helpdesk", "rt", "ticketId", "43", "entryId", markupId,
                "entryVersion", 1, "product", "<img src=x onerror=alert(2)>"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String name, Role role, String locale) {
        User user = server.app().users().createUser(name, name, role, locale);
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(name, ConsoleSecurityTest.PASSWORD).statusCode());
        return c;
    }

    @Test
    void aLeadSeesQuestionsGapsUsageAndMoodsInTheirLanguage() {
        String page = signedIn("lead.en", Role.LEAD, "en").get("/console/insights?days=7").body();

        assertTrue(page.contains("4 searches, 0 scripts previewed, 2 inserted into replies."), page);
        assertTrue(page.contains("<td>快递没动</td><td>3</td>"), page);
        assertTrue(page.contains("&lt;b&gt;礼品卡&lt;/b&gt;余额怎么查"), "a search text is escaped: " + page);
        assertFalse(page.contains("<b>礼品卡</b>"));
        String gapLink = "/console/entries/new?question=" + URLEncoder.encode("<b>礼品卡</b>余额怎么查", StandardCharsets.UTF_8);
        assertTrue(page.contains(gapLink), "the gap starts a new entry: " + page);
        assertTrue(page.contains("包裹三天没有更新物流"), "the most inserted entry");
        assertTrue(page.contains("unused.zh-cn"), "the entry nobody used");
        assertTrue(page.contains("<th>Warm</th><td>1</td>") && page.contains("<th>SMS</th><td>1</td>")
                && page.contains("<th>Angry</th><td>1</td>"), page);
    }

    @Test
    void theChineseConsoleLabelsTheSameFiguresInChinese() {
        String page = signedIn("lead.zh", Role.LEAD, "zh-CN").get("/console/insights").body();
        assertTrue(page.contains("没有找到合适话术的搜索") && page.contains("<th>生气</th><td>1</td>"), page);
    }

    @Test
    void aGapStartsANewEntryWithTheCustomersWordsAsItsProblemAndFirstQuestion() {
        ConsoleClient lead = signedIn("lead.gap", Role.LEAD, "en");
        String form = lead.get("/console/entries/new?question=" + URLEncoder.encode("礼品卡余额怎么查", StandardCharsets.UTF_8)).body();
        assertTrue(form.contains(">礼品卡余额怎么查</textarea>"), "problem prefilled: " + form);
        assertTrue(form.contains("value=\"礼品卡余额怎么查\""), "first similar question prefilled");
    }

    @Test
    void insightsAreForLeads() {
        assertEquals(403, signedIn("editor.i", Role.EDITOR, "en").get("/console/insights").statusCode());
        assertFalse(signedIn("editor.j", Role.EDITOR, "en").get("/console/entries").body().contains("/console/insights"),
                "no link an editor cannot follow");
    }

    @Test
    void categoriesAndProductsFromTheRecordAreEscapedInTheChartsTablesAndDrillDown() {
        ConsoleClient lead = signedIn("lead.esc", Role.LEAD, "en");
        String page = lead.get("/console/insights?days=7").body();
        assertTrue(page.contains("id=\"category-trend\"") && page.contains("id=\"product-bars\""), "the charts are drawn");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;/x"), page);
        assertFalse(page.contains("<script>alert(1)") || page.contains("<img src=x"), "no markup from the record");
        String drill = lead.get("/console/insights/category?days=7&name="
                + URLEncoder.encode("<script>alert(1)</script>/x", StandardCharsets.UTF_8)).body();
        assertTrue(drill.contains("markup.zh-cn") && drill.contains("&lt;img src=x onerror=alert(2)&gt;"), drill);
        assertFalse(drill.contains("<script>alert(1)"), drill);
    }

    @Test
    void badPeriodsLocalesAndCategoriesAreRefusedNamingTheParameter() {
        ConsoleClient lead = signedIn("lead.bad", Role.LEAD, "en");
        for (String bad : List.of("/console/insights?days=0", "/console/insights?days=400", "/console/insights?locale=fr",
                "/console/insights/category?days=7", "/console/insights/category?name=x&days=x")) {
            var r = lead.get(bad);
            assertEquals(400, r.statusCode(), bad);
        }
        assertTrue(lead.get("/console/insights?locale=fr").body().contains("locale"), "the page names the parameter");
        assertEquals(200, lead.get("/console/insights?days=14&locale=zh-TW").statusCode(), "any period the API accepts");
    }
}
