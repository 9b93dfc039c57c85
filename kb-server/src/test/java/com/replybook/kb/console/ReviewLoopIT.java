package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review loop of a live library in a real Chromium: an editor proposes a change to a live entry, a lead finds it
 * in the review inbox, reads the word diff and publishes it, while agents keep the live text until then; a send-back
 * with a comment; the confirmation before archiving; picking a collection item by typing. Saves the screenshots of
 * the inbox and the word diff (to {@code target/screenshots/}; the best are copied to {@code docs/}).
 */
class ReviewLoopIT {

    static final String PASSWORD = ConsoleWorkflowIT.PASSWORD;
    static final Path SCREENSHOTS = ConsoleWorkflowIT.SCREENSHOTS;
    static final String LIVE = "非常抱歉让您久等了。订单 ${order.id} 已经加急处理，预计明天送达，我们会一直跟进到您签收。";
    static final String PROPOSED = "非常抱歉让您久等了。订单 ${order.id} 已改走顺丰次日达，预计后天上午送达，我们会一直跟进到您签收。";
    @RegisterExtension
    static final FailureReport report = new FailureReport(Path.of("target/browser-failures"));
    @TempDir
    static Path dir;
    static TestServer server;
    static Browser browser;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "ed:editor", "lead:lead");
        var zh = server.app().users().createUser("zulei", "组长 赵蕾", Role.LEAD, "zh-CN");
        server.app().passwords().setPassword(zh.id(), PASSWORD);
        agent = server.userWithRole("agent", "agent");
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

    static String published(String key, String script, String problem) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("status", "published");
        e.put("script", script);
        e.put("problem", problem);
        ApiClient.Response r = server.admin().post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    @Test
    void anEditorsChangeToALiveEntryWaitsForReviewAndGoesLiveWhenTheLeadPublishesItFromTheWordDiff() {
        String id = published("delivery-promise.zh-cn", LIVE, "快递延误，顾客问什么时候能到");
        awaitAgentSearch("什么时候能到", "delivery-promise.zh-cn");

        signInAs("ed");
        browser.open("/console/entries/" + id);
        assertTrue(browser.find("#live-note").getText().contains("This entry is live"), browser.find("#live-note").getText());
        browser.type("#script", PROPOSED).click("#action-submit");
        browser.until(d -> "in_review".equals(browser.find("#pending-note").getAttribute("data-status")));
        assertTrue(browser.find("#flash").getText().contains("saved as a proposal") || browser.find("#flash").getText()
                .contains("Submitted"), browser.find("#flash").getText());
        assertEquals(PROPOSED, browser.find("#script").getAttribute("value"), "the editor keeps working on the proposal");
        assertAgentsSeeTheLiveText(id);

        signInAs("lead");
        int waiting = Integer.parseInt(browser.find("#review-count").getAttribute("data-count"));
        browser.click("#nav-review");
        WebElement row = browser.waitFor("#inbox-items tr[data-key='delivery-promise.zh-cn']");
        assertEquals(waiting, browser.findAll("#inbox-items tbody tr").size(), "the navigation counts what waits");
        assertTrue(row.getText().contains("Change to a live entry") && row.getText().contains("ed"), row.getText());
        browser.screenshot(SCREENSHOTS.resolve("console-review-inbox.png"));

        row.findElement(By.cssSelector("a.open-review")).click();
        browser.waitFor("#diff-sides[data-right='proposed']");
        String removed = String.join("|", texts(".diff[data-field='script'] del"));
        String added = String.join("|", texts(".diff[data-field='script'] ins"));
        assertTrue(removed.contains("加急处理") && removed.contains("明") && !removed.contains("非常抱歉"), removed);
        assertTrue(added.contains("顺丰次日达") && added.contains("上午") && !added.contains("送达"), added);
        assertFalse(browser.find(".diff[data-field='script']").getText().contains("in_review"));
        browser.screenshot(SCREENSHOTS.resolve("console-word-diff.png"));
        assertAgentsSeeTheLiveText(id);

        browser.click("#review-publish");
        browser.until(d -> "published".equals(browser.find("#entry-status").getAttribute("data-status"))
                && !browser.exists("#pending-note") ? true : null);
        assertEquals(PROPOSED, agent.get("/api/v1/entries/" + id).json().path("script").asText());
        awaitAgentSearch("顺丰次日达", "delivery-promise.zh-cn");
        int left = browser.exists("#review-count") ? Integer.parseInt(browser.find("#review-count").getAttribute("data-count")) : 0;
        assertEquals(waiting - 1, left, "the published change waits no more");
    }

    @Test
    void aLeadSendsAChangeBackWithACommentThatTheEditorReadsOnTheEntryPage() {
        String id = published("wrong-size.zh-cn", "尺码不合适可以 7 天无理由退换，运费由我们承担。", "尺码不合适想换货");
        signInAs("ed");
        browser.open("/console/entries/" + id);
        browser.type("#script", "尺码不合适可以 7 天无理由退换。").click("#action-submit");
        browser.until(d -> "in_review".equals(browser.find("#pending-note").getAttribute("data-status")));

        browser.forgetCookies().open("/console/signin");
        browser.type("#username", "zulei").type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/entries"));
        browser.open("/console/entries/" + id + "/diff");
        browser.waitFor("#review-form");
        browser.screenshot(SCREENSHOTS.resolve("console-word-diff.zh-CN.png"));
        browser.click("#review-sendback");
        assertTrue(browser.waitFor("#diff-refused").getText().contains("退回前请说明需要修改什么"),
                "a send-back without a comment is refused next to the form");
        browser.type("#review-comment", "运费由我们承担这句不能删，顾客最关心这个。").click("#review-sendback");
        browser.until(d -> browser.path().startsWith("/console/inbox"));

        signInAs("ed");
        assertEquals("1", browser.find("#review-count").getAttribute("data-count"));
        browser.open("/console/entries/" + id);
        assertTrue(browser.find("#sent-back-comment").getText().contains("运费由我们承担这句不能删"),
                browser.find("#sent-back").getText());
        assertEquals("draft", browser.find("#pending-note").getAttribute("data-status"));
        browser.screenshot(SCREENSHOTS.resolve("console-sent-back.png"));
    }

    @Test
    void archivingAsksFirstAndCancellingKeepsTheEntryLive() {
        String id = published("archive-me.zh-cn", "订单 ${order.id} 已加急。", "要归档的条目");
        signInAs("lead");
        browser.open("/console/entries/" + id).click("#action-archive");
        WebElement dialog = browser.waitFor("#confirm-dialog[open]");
        assertTrue(dialog.getText().contains("Agents will no longer find it"), dialog.getText());
        assertEquals("confirm-cancel", browser.js("return document.activeElement.id;"), "the safe choice has the focus");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.until(d -> !browser.exists("#confirm-dialog[open]"));
        assertEquals("published", server.admin().get("/api/v1/entries/" + id).json().path("status").asText());

        browser.click("#action-archive");
        browser.waitFor("#confirm-dialog[open]");
        browser.click("#confirm-ok");
        browser.until(d -> "archived".equals(browser.find("#entry-status").getAttribute("data-status")));
        assertEquals("archived", server.admin().get("/api/v1/entries/" + id).json().path("status").asText());
    }

    @Test
    void aLeadArchivesSeveralEntriesAtOnceAfterConfirmingAndSeesWhatHappenedToEach() {
        String first = published("bulk-one.zh-cn", "订单 ${order.id} 已加急。", "批量归档一");
        String second = published("bulk-two.zh-cn", "订单 ${order.id} 已加急。", "批量归档二");
        signInAs("lead");
        browser.open("/console/entries");
        browser.click("#entries input[value^='" + first + "@']").click("#entries input[value^='" + second + "@']");
        new org.openqa.selenium.support.ui.Select(browser.find("#bulk-action")).selectByValue("archive");
        browser.click("#bulk-apply");
        assertTrue(browser.waitFor("#confirm-dialog[open]").getText().contains("Archive the selected entries?"));
        browser.click("#confirm-ok");
        assertEquals("2 done, 0 not done.", browser.waitFor("#bulk-summary").getText());
        assertEquals(2, browser.findAll("#bulk-result tr[data-done='true']").size());
        browser.screenshot(SCREENSHOTS.resolve("console-bulk-result.png"));
        assertEquals("archived", server.admin().get("/api/v1/entries/" + second).json().path("status").asText());
    }

    @Test
    void aLeadAddsAnEntryToACollectionByTypingAFewWordsAndPickingASuggestion() {
        published("gift-card-balance.zh-cn", "礼品卡余额可在「我的-礼品卡」查看。", "礼品卡余额怎么查");
        signInAs("lead");
        browser.open("/console/collections");
        assertTrue(browser.find("#collections-empty").getText().contains("Create one below"));
        browser.type("#collection-name", "New-hire week 1").find("#new-collection button[type=submit]").click();
        browser.waitFor("#collection-empty");
        browser.find("#pick-entry").sendKeys("礼品卡余额");
        browser.waitFor("#pick-entry-list [role=option][data-ref='gift-card-balance.zh-cn']");
        browser.find("#pick-entry").sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertEquals("gift-card-balance.zh-cn", browser.find("#add-entry input[name=ref]").getAttribute("value"));
        browser.find("#add-entry button[type=submit]").click();
        WebElement item = browser.waitFor("#collection-items li[data-type='entry'] a");
        assertEquals("gift-card-balance.zh-cn", item.getText());
    }

    @Test
    void theInboxAndTheWordDiffFitAPhoneWithoutSidewaysScrolling() {
        String id = published("phone-width.zh-cn", LIVE, "手机上审核修改");
        ApiClient editor = server.userWithRole("ed", "editor");
        Map<String, Object> change = Fixtures.entry("phone-width.zh-cn");
        change.put("script", PROPOSED);
        change.put("problem", "手机上审核修改");
        change.put("status", "in_review");
        assertEquals(200, editor.put("/api/v1/entries/" + id, change, "\"1\"").status());
        try (Browser phone = Browser.start(server.base(), Browser.Options.DEFAULT.withWindowSize(390, 844))) {
            phone.open("/console/signin");
            phone.type("#username", "zulei").type("#password", PASSWORD).click("#signin");
            phone.until(d -> phone.path().startsWith("/console/entries"));
            for (String[] page : List.of(new String[]{"/console/inbox", "console-review-inbox.phone.png"},
                    new String[]{"/console/entries/" + id + "/diff", "console-word-diff.phone.png"},
                    new String[]{"/console/entries/" + id, "console-pending-entry.phone.png"})) {
                phone.open(page[0]).waitFor("main h1");
                phone.screenshot(SCREENSHOTS.resolve(page[1]));
                Object overflow = phone.js("return [...document.querySelectorAll('main .review-note, main #inbox, "
                        + "main .diff, main .review-step, main #workflow-actions')].filter(e => e.scrollWidth > "
                        + "e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.id || e.className);");
                assertEquals(List.of(), overflow, page[0] + " overflows at 390 px");
            }
        } finally {
            editor.delete("/api/v1/entries/" + id + "/pending", null); // the other tests count what waits
        }
    }

    private void assertAgentsSeeTheLiveText(String id) {
        assertEquals(LIVE, agent.get("/api/v1/entries/" + id).json().path("script").asText());
        String rendered = agent.post("/api/v1/entries/" + id + "/render", Map.of("context",
                Map.of("order", Map.of("id", "E1024")))).json().path("text").asText();
        assertTrue(rendered.contains("预计明天送达") && !rendered.contains("次日达"), rendered);
        assertFalse(agentSearch("顺丰次日达").contains("delivery-promise.zh-cn"), "agents do not find the proposed words");
    }

    private List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
    }

    private static List<String> agentSearch(String q) {
        JsonNode hits = agent.get("/api/v1/search?locale=zh-CN&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .json().path("hits");
        List<String> keys = new ArrayList<>();
        hits.forEach(h -> keys.add(h.path("key").asText()));
        return keys;
    }

    private void awaitAgentSearch(String q, String key) {
        browser.until(d -> agentSearch(q).contains(key) ? true : null);
    }
}
