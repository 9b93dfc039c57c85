package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.exchange.EntryTable;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's "done when" journeys in a real Chromium against the real server: writing, reviewing and
 * publishing an entry until agents find it, edit conflicts, restoring revisions, spreadsheet import with a
 * per-row dry run (field changes, rows left out), and a case captured by the plugin's API curated into a collection. Also saves the screenshots
 * shown in the README (to {@code target/screenshots/}; copy them to {@code docs/} when the pages change).
 */
class ConsoleWorkflowIT {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = Path.of(System.getProperty("replybook.screenshots", "target/screenshots"));
    /** A failing test saves the browser's screenshot, page and console (the server logs to this test's output). */
    @RegisterExtension
    static final FailureReport report = new FailureReport(Path.of("target/browser-failures"));
    @TempDir
    static Path dir;
    static TestServer server;
    static Browser browser;
    static ApiClient editorApi;
    static ApiClient agentApi;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "ed:editor", "lead:lead", "agent:agent");
        editorApi = server.userWithRole("ed", "editor");
        agentApi = server.userWithRole("agent", "agent");
        browser = Browser.start(server.base());
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    void signInAs(String username) {
        browser.forgetCookies().open("/console/signin");
        browser.type("#username", username).type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/entries"));
    }

    @Test
    void editorWritesAndSubmitsAnEntryLeadPublishesItAndAgentsThenFindIt() {
        signInAs("ed");
        browser.open("/console/entries/new");
        browser.type("#key", "gift-wrap-missing").type("#category", "售后/包装")
                .type("#problem", "礼品包装漏发了").type("#cause", "打包环节漏放包装盒");
        browser.find("#list-questions input").sendKeys("我买的礼品包装没有收到");
        // A script is the reply's body: the tone layouts add the greeting, so it starts with the facts.
        browser.type("#script", "订单 ");
        browser.click(".variables .var[data-var='order.id']");
        browser.find("#script").sendKeys(" 的礼品包装已为您补寄，单号 ");
        browser.click(".variables .var[data-var='tracking.no']");
        browser.find("#script").sendKeys("。");
        assertEquals("订单 ${order.id} 的礼品包装已为您补寄，单号 ${tracking.no}。", browser.find("#script").getAttribute("value"));

        // The live preview fills the script with the sample ticket in the tone and channel of its tabs.
        for (String[] cell : List.of(new String[]{"standard", "chat"}, new String[]{"formal", "email"})) {
            browser.until(d -> cellText(cell[0], cell[1]).contains("的礼品包装已为您补寄") ? true : null);
            String text = cellText(cell[0], cell[1]);
            assertTrue(text.contains("订单 E1024 的礼品包装") && text.contains("SF1234567890"), cell[0] + "/" + cell[1] + ": " + text);
            assertTrue(text.contains("王女士"), "the layout greets the customer by name: " + text);
        }
        String standardChat = cellText("standard", "chat");
        String formalEmail = cellText("formal", "email");
        assertFalse(standardChat.equals(formalEmail), "tone and channel change the text");

        // A short SMS version replaces the script in the SMS column only.
        browser.type("#smsScript", "订单 ${order.id} 礼品包装已补寄。");
        browser.until(d -> cellText("standard", "sms").contains("订单 E1024 礼品包装已补寄") ? true : null);
        assertTrue(cellText("standard", "chat").contains("的礼品包装已为您补寄"), cellText("standard", "chat"));
        String reviewCell = "#preview-grid .cell[data-tone='standard'][data-channel='review']";
        assertTrue(browser.exists(reviewCell + " li[data-warning='no-review-version:']"),
                "the editor is told the review reply has no version of its own yet");
        browser.type("#reviewScript", "漏发的礼品包装已为您补寄。");
        browser.until(d -> cellText("standard", "review").contains("漏发的礼品包装已为您补寄") ? true : null);
        assertFalse(browser.exists(reviewCell + " li[data-warning='no-review-version:']"));

        // Without a tracking number in the sample ticket every cell says so, in the editor's language.
        browser.click("#sample-ticket summary");
        browser.find("#sample-tracking-no").clear();
        browser.find("#sample-tracking-no").sendKeys(" ");
        cellText("standard", "chat");
        // Read inside the wait: each keystroke redraws the grid, and any of them may come last.
        String missing = browser.until(d -> d.findElements(By.cssSelector(
                "#preview-grid .cell[data-tone='standard'][data-channel='chat'] li[data-warning='missing:tracking.no']"))
                .stream().findFirst().map(WebElement::getText).orElse(null));
        assertEquals("No value for tracking.no in the sample ticket: agents will be asked to fill it in.", missing);

        browser.click("#action-submit");
        // The draft's page shows a status too: wait for the page the submit leads to.
        browser.until(d -> "in_review".equals(browser.find("#entry-status").getAttribute("data-status")));
        String entryPath = browser.path();
        assertEquals("订单 ${order.id} 礼品包装已补寄。", editorApi.get("/api/v1/entries/gift-wrap-missing").json()
                .path("smsScript").asText(), "the SMS version is saved with the entry");
        assertEquals(0, agentSearch("礼品包装").size(), "agents do not see entries in review");

        signInAs("lead");
        browser.open(entryPath).click("#action-publish");
        browser.until(d -> "published".equals(browser.find("#entry-status").getAttribute("data-status")));

        browser.until(d -> agentSearch("礼品包装漏发").contains("gift-wrap-missing") ? true : null);
    }

    @Test
    void aLeadTurnsASearchThatFoundNothingIntoANewEntry() {
        // A draft: a published one would show up in the other tests' agent searches.
        String id = server.admin().post("/api/v1/entries", Fixtures.entry("insights-demo.zh-cn")).json().path("id").asText();
        for (String query : List.of("快递三天没动", "快递三天没动", "物流不更新", "礼品卡余额怎么查")) {
            agentApi.post("/api/v1/events", Map.of("type", "search", "helpdesk", "rt", "ticketId", "7", "query", query,
                    "hits", query.startsWith("礼品卡") ? 0 : 3));
        }
        agentApi.post("/api/v1/events", Map.of("type", "insert", "helpdesk", "rt", "ticketId", "7", "entryId", id,
                "entryVersion", 1, "tone", "warm", "channel", "chat", "emotion", "anxious"));

        signInAs("lead");
        browser.open("/console/insights?days=7");
        WebElement gap = browser.waitFor("#gaps a.write-entry");
        assertTrue(browser.find("#top-queries").getText().contains("快递三天没动"), browser.find("#top-queries").getText());
        gap.click(); // analytics.InsightsPageIT takes the page's screenshot, with charts
        browser.until(d -> browser.path().startsWith("/console/entries/new"));
        assertEquals("礼品卡余额怎么查", browser.find("#problem").getAttribute("value"));
    }

    @Test
    void aConcurrentEditIsRefusedWithAClearMessageAndTheUsersTextIsKept() {
        JsonNode created = editorApi.post("/api/v1/entries", Fixtures.entry("conflict-demo")).json();
        String id = created.path("id").asText();
        signInAs("ed");
        browser.open("/console/entries/" + id);

        Map<String, Object> theirs = Fixtures.entry("conflict-demo");
        theirs.put("script", "同事改过的话术：订单 ${order.id} 已加急。");
        assertEquals(200, server.admin().put("/api/v1/entries/" + id, theirs, "\"1\"").status());

        String mine = "我改的话术：${customer.name}，订单 ${order.id} 明天送达。";
        browser.type("#script", mine).click("#action-save");
        WebElement conflict = browser.waitFor("#conflict");
        assertTrue(conflict.getText().contains("This entry was changed while you were editing"), conflict.getText());
        assertTrue(conflict.getText().contains("Your text is kept below and has not been saved"), conflict.getText());
        assertTrue(conflict.getText().contains("同事改过的话术"), "their text is shown beside mine");
        assertEquals(mine, browser.find("#script").getAttribute("value"));
        assertEquals("同事改过的话术：订单 ${order.id} 已加急。", script(id), "nothing was overwritten");

        browser.click("#confirmOverwrite").click("#action-save");
        browser.waitFor("#flash");
        assertEquals(mine, script(id));
    }

    @Test
    void restoringAnOldRevisionBringsItsTextBackAsANewVersion() {
        Map<String, Object> entry = Fixtures.entry("restore-demo");
        entry.put("script", "第一版：订单 ${order.id} 已加急。");
        String id = editorApi.post("/api/v1/entries", entry).json().path("id").asText();
        entry.put("script", "第二版：写坏了。");
        assertEquals(200, editorApi.put("/api/v1/entries/" + id, entry, "\"1\"").status());

        signInAs("ed");
        browser.open("/console/entries/" + id + "/revisions");
        browser.click("#revisions tr[data-version='1'] a.restore");
        assertTrue(browser.waitFor("#restore-explain").getText().contains("replaces the entry’s current text"),
                "restoring asks first, saying what comes back where");
        browser.click("#confirm-restore");
        browser.waitFor("#flash");
        assertTrue(browser.find("#flash").getText().contains("Version 1 restored"), browser.find("#flash").getText());
        assertEquals("第一版：订单 ${order.id} 已加急。", browser.find("#script").getAttribute("value"));
        JsonNode now = editorApi.get("/api/v1/entries/" + id).json();
        assertEquals(3, now.path("version").asLong());
        assertEquals("第一版：订单 ${order.id} 已加急。", now.path("script").asText());
    }

    @Test
    void anImportDryRunShowsWhatEachRowChangesFieldByFieldAndImportsOnlyTheRowsKept() throws IOException {
        List<String> changedBefore = row("xlsx-changed", "订单 ${order.id} 旧版说明");
        List<String> same = row("xlsx-same", "订单 ${order.id} 不变");
        assertEquals(2, editorApi.post("/api/v1/entries/import", List.of(json(changedBefore), json(same)))
                .json().path("created").asInt());
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("xlsx-new-1", "订单 ${order.id} 第 1 条"));                   // row 2: new
        rows.add(row("xlsx-new-2", "订单 ${order.id 少了括号"));                    // row 3: an error
        rows.add(row("xlsx-changed", "订单 ${order.id} 新版说明"));                 // row 4: an update
        rows.add(same);                                                            // row 5: unchanged
        rows.add(row("xlsx-new-3", "订单 ${order.id} 第 3 条"));                   // row 6: new, left out below
        Path file = xlsx(dir.resolve("faq.xlsx"), rows);

        signInAs("ed");
        browser.open("/console/exchange");
        browser.find("#import-file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#dry-run");
        assertTrue(browser.waitFor("#job-plan").getText().contains("Would create 2, update 1"), browser.find("#job-plan").getText());
        assertTrue(browser.find("#job-error-count").getText().contains("1 row has errors"), browser.find("#job-error-count").getText());
        WebElement error = browser.find("article[data-row='3']");
        assertEquals("error", error.getAttribute("data-action"), "the header is row 1, the bad entry row 3");
        assertTrue(error.getText().contains("xlsx-new-2") && error.getText().contains("Script"), error.getText());
        WebElement update = browser.find("article[data-row='4']");
        assertEquals("Script", update.findElement(By.cssSelector("dt")).getText());
        assertEquals("订单 ${order.id} 旧版说明", update.findElement(By.cssSelector("del")).getText());
        assertEquals("订单 ${order.id} 新版说明", update.findElement(By.cssSelector("ins")).getText());
        assertFalse(browser.exists("article[data-row='5']"), "unchanged rows are not among the changes");
        assertEquals("Import 3 rows", browser.find("#apply-import").getText());
        assertEquals(404, editorApi.get("/api/v1/entries/xlsx-new-1").status(), "a dry run writes nothing");

        browser.click("article[data-row='6'] input.keep");
        browser.until(d -> browser.find("#selection-status").getText().equals("Selection saved.") ? true : null);
        assertEquals("Import 2 rows", browser.find("#apply-import").getText());
        browser.screenshot(SCREENSHOTS.resolve("console-import-dry-run.png"));
        browser.driver().navigate().refresh();
        assertFalse(browser.waitFor("article[data-row='6'] input.keep").isSelected(), "the choice is kept on the server");

        browser.click("#apply-import");
        String done = browser.waitFor("#job-done").getText();
        assertTrue(done.contains("Created 1, updated 1") && done.contains("1 unchanged, 2 not imported"), done);
        assertEquals("订单 ${order.id} 新版说明", script("xlsx-changed"));
        assertEquals(200, editorApi.get("/api/v1/entries/xlsx-new-1").status());
        assertEquals(404, editorApi.get("/api/v1/entries/xlsx-new-3").status(), "the row left out");
        browser.open("/console/exchange");
        assertTrue(browser.find("#recent-imports").getText().contains("faq.xlsx"));
    }

    @Test
    void theImportPageReadsWellInChineseAtPhoneWidth() throws IOException {
        var user = server.app().users().createUser("xiaowang", "编辑小王", com.replybook.kb.auth.Role.EDITOR, "zh-CN");
        server.app().passwords().setPassword(user.id(), PASSWORD);
        editorApi.post("/api/v1/entries/import", List.of(json(row("phone-changed", "订单 ${order.id} 我们已经为您加急处理，请耐心等待。"))));
        Path file = xlsx(dir.resolve("手机.xlsx"), List.of(row("phone-new", "订单 ${order.id} 已补发"),
                row("phone-changed", "亲，订单 ${order.id} 已经加急，预计明天送达，给您添麻烦了。"),
                row("phone-bad", "订单 ${order.id")));
        try (Browser phone = Browser.start(server.base(), Browser.Options.DEFAULT.withLang("zh-CN").withWindowSize(390, 844))) {
            phone.open("/console/signin");
            phone.type("#username", "xiaowang").type("#password", PASSWORD).click("#signin");
            phone.until(d -> phone.path().startsWith("/console/entries"));
            phone.open("/console/exchange");
            phone.find("#import-file").sendKeys(file.toAbsolutePath().toString());
            phone.click("#dry-run");
            assertTrue(phone.waitFor("#job-plan").getText().contains("将新建 1 条，更新 1 条"), phone.find("#job-plan").getText());
            assertEquals("导入 2 行", phone.find("#apply-import").getText());
            assertEquals(Boolean.TRUE, phone.js("return document.documentElement.scrollWidth <= window.innerWidth;"),
                    "no sideways scrolling at 390 px");
            phone.screenshot(SCREENSHOTS.resolve("console-import-dry-run-zh-390.png"));
        }
    }

    /** The entry JSON of spreadsheet cells in {@link EntryTable#COLUMNS} order (as the API imports it). */
    private static Map<String, Object> json(List<String> cells) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String col = EntryTable.COLUMNS.get(i);
            String v = cells.get(i);
            if (List.of("tags", "questions", "diagnostics", "actions").contains(col)) {
                m.put(col, v.isEmpty() ? List.of() : List.of(v.split("\n")));
            } else if (!v.isEmpty()) {
                m.put(col, v);
            }
        }
        return m;
    }

    @Test
    void aCaseCapturedThroughTheApiShowsInACollectionWithItsPersonalDataMasked() {
        ApiClient.Response captured = agentApi.post("/api/v1/cases", Map.of(
                "title", "双11 物流延误：先安抚再补偿",
                "excerptHtml", "<p>客户：我的电话 13812345678，订单号 E20231111001 还没到！</p>"
                        + "<p>客服：非常理解您的着急，已为您催促顺丰并补偿 10 元无门槛券。</p><script>alert(1)</script>",
                "agentDid", "先共情，再查物流，最后给补偿",
                "whyItWorked", "客户感到被重视",
                "outcome", "客户撤回差评",
                "tags", List.of("物流", "双11"),
                "rating", 5));
        assertEquals(201, captured.status(), captured.text());
        String caseId = captured.json().path("id").asText();

        signInAs("lead");
        browser.open("/console/collections");
        browser.type("#collection-name", "Double 11 logistics").type("#collection-description", "new-hire week 1");
        browser.find("#new-collection button[type=submit]").click();
        browser.waitFor("#add-case");
        browser.find("#pick-case").sendKeys("双11");
        browser.waitFor("#pick-case-list [role=option][data-ref='" + caseId + "']").click();
        browser.find("#add-case button[type=submit]").click();
        WebElement item = browser.waitFor("#collection-items li[data-type='case'] a");
        assertEquals("双11 物流延误：先安抚再补偿", item.getText());

        item.click();
        String excerpt = browser.waitFor("#case-excerpt").getText();
        assertFalse(excerpt.contains("13812345678"), excerpt);
        assertFalse(excerpt.contains("E20231111001"), excerpt);
        assertTrue(excerpt.contains("[电话]") && excerpt.contains("[订单号]"), excerpt);
        assertTrue(excerpt.contains("非常理解您的着急"), excerpt);
        assertFalse(browser.find("#case-excerpt").getAttribute("innerHTML").contains("<script"));

        browser.open("/console/cases");
        browser.waitFor("#cases .case-card");
        browser.screenshot(SCREENSHOTS.resolve("console-case-library.png"));
    }

    /** The preview's reply in {@code tone} and {@code channel}, after choosing them in the preview's tabs. */
    private String cellText(String tone, String channel) {
        browser.click("#tab-tone-" + tone).click("#tab-channel-" + channel);
        return browser.find("#preview-grid .cell[data-tone='" + tone + "'][data-channel='" + channel + "'] .text").getText();
    }

    private List<String> agentSearch(String q) {
        JsonNode hits = agentApi.get("/api/v1/search?locale=zh-CN&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .json().path("hits");
        List<String> keys = new ArrayList<>();
        hits.forEach(h -> keys.add(h.path("key").asText()));
        return keys;
    }

    private static String script(String idOrKey) {
        return server.admin().get("/api/v1/entries/" + idOrKey).json().path("script").asText();
    }

    private static List<String> row(String key, String script) {
        List<String> cells = new ArrayList<>();
        for (String col : EntryTable.COLUMNS) {
            cells.add(switch (col) {
                case "key" -> key;
                case "locale" -> "zh-CN";
                case "category" -> "物流/延误";
                case "tags" -> "物流";
                case "problem" -> "包裹三天没有更新物流 " + key;
                case "questions" -> "快递三天没动了";
                case "script" -> script;
                case "status" -> "draft";
                default -> "";
            });
        }
        return cells;
    }

    private static Path xlsx(Path file, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("entries");
            List<List<String>> all = new ArrayList<>();
            all.add(EntryTable.COLUMNS);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) row.createCell(c).setCellValue(all.get(r).get(c));
            }
            wb.write(out);
        }
        return file;
    }
}
