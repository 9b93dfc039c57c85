package com.replybook.plugin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 3's "done when", end to end: the real kb-server WAR with its sample library, a real RT 5 with
 * RT::Extension::Replybook, headless Chromium on RT's reply page. The servers and the browser are shared; each
 * test signs in afresh, sets the editor preference it needs and writes in its own ticket, so they run in any order.
 */
class RtWidgetIT {
    static final String CUSTOMER = "王女士";
    static final String LOGISTICS_DELAY = "logistics-delay";

    /** A failing test prints what kb-server and RT logged while it ran, and saves the browser's state. */
    @RegisterExtension
    static final FailureReport report = new FailureReport(out());

    static Path work;
    static KbServer kb;
    static RtInstance rt;
    static Browser browser;
    /** The agent-role token RT's proxy uses (kb-server's own users decide what it may do). */
    static String rtToken;

    @BeforeAll
    static void start() throws Exception {
        if (!RtInstance.installed() || !Browser.installed()) {
            throw new IllegalStateException("request-tracker5, chromium and chromium-driver are missing: run plugin/ci-packages.sh");
        }
        work = Files.createTempDirectory("replybook-rt-e2e");
        kb = KbServer.start(work);
        report.log("kb-server", kb.log).log("RT", RtInstance.logFile(work));
        kb.warmUp();
        rtToken = System.getProperty("replybook.kb.token", kb.userToken("rt-bridge", "agent"));
        kb.userToken(Guardrails.LEAD, "lead");
        rt = RtInstance.start(work, kb.url, rtToken);
        browser = Browser.start(URI.create(rt.url), Browser.Options.DEFAULT.withLang("zh-CN").withWindowSize(1280, 1600)
                .withWaitUpTo(Duration.ofSeconds(20))); // the widget rebuilds parts of its DOM as data arrives
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (rt != null) rt.close();
        if (kb != null) kb.close();
    }

    @Test
    void agentInsertsTheSuggestedLogisticsScriptAtTheCaretAndRtStoresIt(TestInfo info) throws Exception {
        long ticket = rt.mailFromCustomer(CUSTOMER, "wang@example.com", "快递三天没动了",
                "你好，我的包裹已经三天没动了，物流信息一直没有更新，到底什么时候能到？");
        rt.setCustomField(ticket, "Product", "降噪耳机 X2");
        login();
        useRichText(true);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);

        // suggestions from the ticket, without typing
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        long firstMs = Long.parseLong(panel().getAttribute("data-first-suggestions-ms"));
        String firstAt = panel().getAttribute("data-first-suggestions-at");
        String firstApi = panel().getAttribute("data-first-suggestions-api-ms");
        List<String> keys = browser.findAll("#replybook-panel .rb-hit").stream()
                .map(e -> e.getAttribute("data-key")).toList();
        WebElement hit = pickLogisticsDelay(keys);

        assertTokenStaysOnTheServer();

        // the agent has already typed two words; the caret sits between them
        typeInEditorWithCaretBetween("FIRSTWORD", "LASTWORD");

        hit.findElement(By.cssSelector(".rb-hit-problem")).click(); // not a chip of another locale version
        WebElement preview = browser.until(d -> visibleNonEmpty(By.cssSelector("#replybook-panel .rb-preview")));
        Select tone = new Select(panel().findElement(By.cssSelector(".rb-tone")));
        String suggestedTone = tone.getFirstSelectedOption().getAttribute("value");
        String switchedTo = "formal".equals(suggestedTone) ? "warm" : "formal";
        String before = preview.getText();
        tone.selectByValue(switchedTo);
        browser.until(d -> !panel().findElement(By.cssSelector(".rb-preview")).getText().equals(before));

        // a variable the ticket cannot supply must be filled before insert is allowed
        WebElement insert = panel().findElement(By.cssSelector(".rb-insert"));
        List<WebElement> missing = browser.until(d -> {
            List<WebElement> m = panel().findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"));
            return m.isEmpty() ? null : m;
        });
        assertEquals("true", insert.getAttribute("aria-disabled"), "insert must wait for the must-fill fields");
        for (WebElement field : missing) field.sendKeys(valueFor(field.getAttribute("data-var")));
        browser.until(d -> "false".equals(panel().findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
        String rendered = panel().findElement(By.cssSelector(".rb-preview")).getText();
        assertTrue(rendered.contains(CUSTOMER), "the preview addresses the customer by name: " + rendered);
        screenshot(); // the compact layout: preview and Insert first, the rest folded
        String done = tickFirstAction();

        panel().findElement(By.cssSelector(".rb-insert")).click();
        awaitInserted(); // the text is checked against the wording rules first
        String editorText = (String) browser.js("return CKEDITOR.instances.UpdateContent.editable().getText();");
        int first = editorText.indexOf("FIRSTWORD");
        int name = editorText.indexOf(CUSTOMER);
        int last = editorText.indexOf("LASTWORD");
        assertTrue(first >= 0 && first < name && name < last, "inserted between the two words: " + editorText);

        WebElement submit = browser.find("input[type='submit'][name='SubmitTicket']");
        browser.js("arguments[0].scrollIntoView({block:'center'});", submit);
        submit.click();
        browser.until(d -> d.getCurrentUrl().contains("Display.html"));

        String stored = String.join("\n", rt.correspondence(ticket));
        assertTrue(stored.contains(CUSTOMER), "RT stored the rendered reply with the customer's name: " + stored);
        assertTrue(stored.indexOf("FIRSTWORD") < stored.indexOf(CUSTOMER)
                && stored.indexOf(CUSTOMER) < stored.indexOf("LASTWORD"), stored);
        String storedText = plain(stored);
        for (String line : rendered.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            assertTrue(storedText.contains(line), "stored reply contains the rendered line '" + line + "': " + storedText);
        }

        JsonNode events = kb.get("/api/v1/events?type=insert&ticketId=" + ticket);
        JsonNode event = events.path("events").path(0);
        assertEquals("insert", event.path("type").asText(), events.toString());
        assertEquals("rt", event.path("helpdesk").asText());
        assertTrue(event.path("entryId").asText().length() > 0 && event.path("entryVersion").asLong() > 0, event.toString());
        assertEquals(switchedTo, event.path("tone").asText());
        assertEquals("降噪耳机 X2", event.path("product").asText(), "the product from the custom field $ReplybookProductField names");
        assertEquals(List.of(done), strings(event.path("actions")), "the insert event says which actions were done");

        // the same page again, now that kb-server and RT have served it once
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> panel().getAttribute("data-first-suggestions-ms") != null);
        report(firstMs + " ms (" + firstApi + " ms of it in the call through RT to kb-server; page at " + firstAt + " ms)",
                panel().getAttribute("data-first-suggestions-ms") + " ms (" + panel().getAttribute("data-first-suggestions-api-ms")
                        + " ms in the call; page at " + panel().getAttribute("data-first-suggestions-at") + " ms)", keys);
    }

    @Test
    void withRichTextOffTheTextVersionIsSplicedAtTheTextareaCaret() throws Exception {
        long ticket = rt.mailFromCustomer("李先生", "li@example.com", "退款什么时候到账",
                "我三天前申请的退款显示成功了，但是钱一直没有到账，请问什么时候能到？");
        login();
        useRichText(false);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        try {
            browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        } catch (RuntimeException e) { // say what the page showed instead
            List<WebElement> panels = browser.findAll("#replybook-panel");
            throw new AssertionError("no suggestions in 20 s at " + browser.url() + "; panel: "
                    + (panels.isEmpty() ? "absent" : panels.get(0).getText()), e);
        }
        assertEquals(Boolean.FALSE, browser.js("return !!(window.CKEDITOR && CKEDITOR.instances.UpdateContent);"), "rich text is off");

        WebElement textarea = browser.find("textarea[name='UpdateContent']");
        textarea.click();
        textarea.sendKeys("FIRSTWORD LASTWORD");
        for (int i = 0; i < "LASTWORD".length(); i++) textarea.sendKeys(Keys.ARROW_LEFT);
        String rendered = previewFirstHitAndFillItIn();
        panel().findElement(By.cssSelector(".rb-insert")).click();
        awaitInserted();
        String value = textarea.getAttribute("value");
        assertTrue(value.startsWith("FIRSTWORD \n") && value.endsWith("\nLASTWORD") && value.contains("李先生"),
                "inserted between the words, set apart by line breaks: " + value);

        WebElement submit = browser.find("input[type='submit'][name='SubmitTicket']");
        browser.js("arguments[0].scrollIntoView({block:'center'});", submit);
        submit.click();
        browser.until(d -> d.getCurrentUrl().contains("Display.html"));
        String stored = plain(String.join("\n", rt.correspondence(ticket)));
        for (String line : rendered.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            assertTrue(stored.contains(line), "stored plain reply contains '" + line + "': " + stored);
        }
    }

    @Test
    void anAgentOverTheCompensationLimitAsksALeadAndInsertsOnceTheLeadApproves() throws Exception {
        long ticket = rt.mailFromCustomer("赵女士", "zhao@example.com", "快递一周没动了",
                "你好，我的包裹已经一周没有更新物流了，到底什么时候能到？");
        login();
        useRichText(false);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        pickLogisticsDelay(browser.findAll("#replybook-panel .rb-hit").stream().map(e -> e.getAttribute("data-key")).toList())
                .findElement(By.cssSelector(".rb-hit-problem")).click();
        browser.until(d -> visibleNonEmpty(By.cssSelector("#replybook-panel .rb-preview")));
        List<WebElement> missing = browser.until(d -> {
            List<WebElement> m = panel().findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"));
            return m.isEmpty() ? null : m;
        });
        for (WebElement field : missing) {
            String var = field.getAttribute("data-var");
            field.sendKeys("coupon.amount".equals(var) ? "10" : valueFor(var)); // ¥10 where the policy allows ¥5
        }
        Guardrails.askALead(browser, panel(), "客户等了一周，是老客户");
        assertFalse(panel().findElement(By.cssSelector(".rb-insert")).isEnabled(), "no insert while a lead decides");
        assertTrue(panel().getText().contains("此工单的政策上限为 ¥5"), panel().getText());
        screenshot("widget-approval-waiting.png");

        Guardrails.leadApprovesInTheConsole(browser, kb.url, "同意，下不为例", out().resolve("console-approvals.png"));
        browser.until(d -> panel().findElement(By.cssSelector(".rb-insert")).isEnabled()); // the widget polls the decision
        assertTrue(panel().getText().contains("同意，下不为例"), "the agent sees the lead's note: " + panel().getText());
        screenshot("widget-approval-approved.png");
        panel().findElement(By.cssSelector(".rb-insert")).click();
        WebElement textarea = browser.find("textarea[name='UpdateContent']");
        browser.until(d -> textarea.getAttribute("value").contains("¥10"));

        JsonNode[] event = new JsonNode[1]; // the widget reports the insert after it happened, without waiting
        Http.await(Duration.ofSeconds(10), "the insert event of ticket " + ticket, () -> {
            event[0] = kb.get("/api/v1/events?type=insert&ticketId=" + ticket).path("events").path(0);
            return !event[0].isMissingNode();
        });
        assertEquals("coupon", event[0].at("/compensation/offer").asText(), event[0].toString());
        assertEquals("10.00", event[0].at("/compensation/amount").asText());
        assertTrue(event[0].at("/compensation/approvalId").asText().length() > 10, "the approval that allowed it: " + event[0]);
    }

    @Test
    void anAgentsOwnEditWithABlockingPhraseCannotBeInserted() throws Exception {
        long ticket = rt.mailFromCustomer("孙先生", "sun@example.com", "快递三天没动了",
                "我的包裹三天没动了，物流信息一直不更新，怎么回事？");
        login();
        useRichText(false);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        pickLogisticsDelay(browser.findAll("#replybook-panel .rb-hit").stream().map(e -> e.getAttribute("data-key")).toList())
                .findElement(By.cssSelector(".rb-hit-problem")).click();
        browser.until(d -> visibleNonEmpty(By.cssSelector("#replybook-panel .rb-preview")));
        for (WebElement field : browser.until(d -> {
            List<WebElement> m = panel().findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"));
            return m.isEmpty() ? null : m;
        })) {
            field.sendKeys(valueFor(field.getAttribute("data-var")));
        }
        // the render with the values typed: an edit made before it would be replaced by it
        browser.until(d -> "false".equals(panel().findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));

        WebElement preview = panel().findElement(By.cssSelector(".rb-preview"));
        preview.click();
        preview.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "快递的事我们管不了，您自己联系快递吧。");
        WebElement finding = browser.until(d -> Guardrails.visible(panel(), ".rb-guard-finding.rb-block"));
        assertTrue(finding.getText().contains("快递的事我们管不了"), finding.getText());
        assertTrue(finding.getText().contains("我马上联系快递核实"), "the suggestion is shown: " + finding.getText());
        assertFalse(panel().findElement(By.cssSelector(".rb-insert")).isEnabled());
        screenshot("widget-wording-blocked.png");
        panel().findElement(By.cssSelector(".rb-search")).sendKeys(Keys.ENTER); // Enter inserts too, when it may
        Thread.sleep(800);
        assertEquals("", browser.find("textarea[name='UpdateContent']").getAttribute("value"), "nothing was inserted");

        preview.sendKeys(Keys.chord(Keys.CONTROL, "a"), "换成我也会着急。我已提交催件，今天 18:00 前告诉您结果。");
        browser.until(d -> panel().findElement(By.cssSelector(".rb-insert")).isEnabled());
        panel().findElement(By.cssSelector(".rb-insert")).click();
        browser.until(d -> browser.find("textarea[name='UpdateContent']").getAttribute("value").contains("今天 18:00 前告诉您结果"));
    }

    @Test
    void aReplyBoxThatAlreadyGreetsTheCustomerGetsTheReplyWithoutASecondGreeting() throws Exception {
        long ticket = rt.mailFromCustomer("李先生", "li2@example.com", "退款什么时候到账",
                "我三天前申请的退款显示成功了，但是钱一直没有到账，请问什么时候能到？");
        login();
        useRichText(false);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        WebElement textarea = browser.find("textarea[name='UpdateContent']");
        textarea.click();
        textarea.sendKeys("李先生，您好！");

        String rendered = previewFirstHitAndFillItIn();
        assertEquals(1, count(rendered, "您好"), "the preview greets the customer once, as a reply on its own: " + rendered);
        panel().findElement(By.cssSelector(".rb-insert")).click();
        WebElement feedback = browser.until(d -> {
            List<WebElement> ok = panel().findElements(By.cssSelector(".rb-feedback.rb-ok"));
            return ok.isEmpty() ? null : ok.get(0);
        });
        String value = textarea.getAttribute("value");
        assertEquals(1, count(value, "您好"), "no second greeting: " + value);
        assertTrue(value.startsWith("李先生，您好！\n"), "the reply starts on a line of its own: " + value);
        String body = rendered.lines().filter(l -> !l.contains("您好")).map(String::strip).filter(l -> !l.isEmpty())
                .findFirst().orElseThrow();
        assertTrue(value.contains(body), "the rest of the reply is there: " + value);
        assertTrue(feedback.getText().contains("未重复"), "the agent is told the greeting was left out: " + feedback.getText());
    }

    @Test
    void aTicketOfTheTmallQueueGetsTheTmallShopsScriptsInItsNameAndNeverJds() throws Exception {
        Shops.setUp(kb);
        long ticket = rt.mailFromCustomer("Tmall", CUSTOMER, "trade-in@example.com", "以旧换新补贴", Shops.QUESTION);
        login();
        useRichText(true);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + ticket);

        WebElement badge = browser.until(d -> visibleNonEmpty(By.cssSelector("#replybook-panel .rb-shop")));
        assertEquals("店铺：" + Shops.TMALL_NAME, badge.getText(), "the panel says which shop it works in");
        assertEquals(Shops.TMALL, panel().getAttribute("data-shop"));
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        var keys = Shops.keys(browser.findAll("#replybook-panel .rb-hit"));
        assertTrue(keys.contains(Shops.TMALL_ENTRY), "the queue's shop's entry is suggested: " + keys);
        assertFalse(keys.contains(Shops.JD_ENTRY), "never another shop's: " + keys);

        String rendered = previewAndFillIn(browser.find("#replybook-panel .rb-hit[data-key='" + Shops.TMALL_ENTRY + "']"));
        assertTrue(rendered.contains(Shops.TMALL_NAME), "${shop.name} is the shop's own name: " + rendered);
        assertFalse(rendered.contains("Replybook Demo Shop"), "not the one-shop setting's: " + rendered);
        screenshot("widget-shop-in-rt.png");
        Http.await(Duration.ofSeconds(10), "the ticket's search event in shop tmall", () -> kb.get(
                "/api/v1/events?type=search&shop=tmall&helpdesk=rt&ticketId=" + ticket).path("events").size() > 0);

        // a ticket of General (no shop in $ReplybookShops): no badge, every shop's entries
        long general = rt.mailFromCustomer(CUSTOMER, "trade-in2@example.com", "以旧换新补贴", Shops.QUESTION);
        browser.open("/Ticket/Update.html?Action=Respond&id=" + general);
        browser.until(d -> !d.findElements(By.cssSelector("#replybook-panel .rb-hit")).isEmpty());
        assertTrue(panel().findElements(By.cssSelector(".rb-shop")).isEmpty(), "no shop, no badge");
        assertEquals(null, panel().getAttribute("data-shop"));
        var all = Shops.keys(browser.findAll("#replybook-panel .rb-hit"));
        assertTrue(all.containsAll(List.of(Shops.TMALL_ENTRY, Shops.JD_ENTRY)), "every shop's entries: " + all);
    }

    /** Opens the first suggestion, fills what the ticket lacks, waits for the preview; returns the preview's text. */
    private String previewFirstHitAndFillItIn() {
        return previewAndFillIn(browser.findAll("#replybook-panel .rb-hit").get(0));
    }

    /** Opens the hit, fills what the ticket lacks, waits for the preview; returns the preview's text. */
    private String previewAndFillIn(WebElement hit) {
        hit.findElement(By.cssSelector(".rb-hit-problem")).click();
        browser.until(d -> visibleNonEmpty(By.cssSelector("#replybook-panel .rb-preview")));
        browser.until(d -> panel().findElement(By.cssSelector(".rb-insert")).isEnabled());
        for (WebElement field : panel().findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"))) {
            field.sendKeys(valueFor(field.getAttribute("data-var")));
        }
        browser.until(d -> "false".equals(panel().findElement(By.cssSelector(".rb-insert")).getAttribute("aria-disabled")));
        return panel().findElement(By.cssSelector(".rb-preview")).getText();
    }

    /** Unfolds the actions checklist and ticks its first action; returns the action's text. */
    private String tickFirstAction() {
        WebElement actions = panel().findElement(By.cssSelector(".rb-sec-actions"));
        assertEquals(null, actions.getAttribute("open"), "the actions are folded below Insert");
        actions.findElement(By.tagName("summary")).click();
        WebElement box = actions.findElement(By.cssSelector("input[type='checkbox']"));
        box.click();
        browser.until(d -> actions.findElement(By.cssSelector(".rb-count")).getText().contains("1/"));
        return box.getAttribute("value");
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) n++;
        return n;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The KB token is in RT_SiteConfig.pm only: not in the page, and the proxy refuses calls outside its list. */
    private void assertTokenStaysOnTheServer() {
        assertFalse(browser.driver().getPageSource().contains(rtToken), "the KB token must never reach the browser");
        Object status = browser.jsAsync(
                "var done = arguments[arguments.length - 1];"
                + "var f = new URLSearchParams({method: 'GET', path: '/api/v1/users'});"
                + "fetch(document.getElementById('replybook-panel').getAttribute('data-proxy'), {method: 'POST', body: f})"
                + ".then(function (r) { done(r.status); });");
        assertEquals(403L, status, "RT's proxy only forwards the widget's own calls");
    }

    private WebElement pickLogisticsDelay(List<String> keys) {
        List<String> top = keys.subList(0, Math.min(3, keys.size()));
        int i = 0;
        for (; i < top.size() && !top.get(i).startsWith(LOGISTICS_DELAY); i++) {
        }
        assertNotEquals(top.size(), i, "a logistics-delay entry is among the first three suggestions: " + keys);
        return browser.findAll("#replybook-panel .rb-hit").get(i);
    }

    /** Signs in as root in a new session, whatever session an earlier test left in the browser. */
    private void login() {
        browser.open("/NoAuth/Login.html");
        browser.forgetCookies();
        browser.open("/NoAuth/Login.html");
        browser.find("[name='user']").sendKeys("root");
        browser.find("[name='pass']").sendKeys(RtInstance.ROOT_PASSWORD);
        browser.click("form#login input[type='submit'], #login input[type='submit'], input[type='submit']");
        try {
            browser.until(d -> "root".equals(
                    browser.js("return window.RT && RT.CurrentUser ? RT.CurrentUser.Name : null;")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("RT login failed at " + browser.url() + ":\n" + browser.driver().getPageSource(), e);
        }
    }

    /** Sets root's preference for the rich-text (CKEditor) reply box: it outlives the test that sets it. */
    private void useRichText(boolean on) {
        browser.open("/Prefs/Other.html");
        browser.js("document.querySelector(\"input[name='MessageBoxRichText'][value='" + (on ? 1 : 0) + "']\").click();");
        WebElement update = browser.find("input[type='submit'][name='Update']");
        update.click();
        // Let the preference's POST finish first: navigating away at once raced with it, and its response could
        // land after the ticket page was asked for, leaving the browser on the preferences page (seen in CI).
        browser.until(ExpectedConditions.stalenessOf(update));
    }

    private void typeInEditorWithCaretBetween(String a, String b) {
        browser.until(d -> Boolean.TRUE.equals(browser.js(
                "return !!(window.CKEDITOR && CKEDITOR.instances.UpdateContent && CKEDITOR.instances.UpdateContent.status === 'ready');")));
        browser.driver().switchTo().frame(browser.find("iframe.cke_wysiwyg_frame"));
        WebElement body = browser.find("body");
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), a + " " + b);
        for (int i = 0; i < b.length(); i++) body.sendKeys(Keys.ARROW_LEFT);
        browser.driver().switchTo().defaultContent();
    }

    /** Waits for the panel to say, beside Insert, that the reply was inserted. */
    private void awaitInserted() {
        browser.until(d -> !panel().findElements(By.cssSelector(".rb-feedback.rb-ok")).isEmpty());
    }

    private WebElement panel() {
        return browser.find("#replybook-panel");
    }

    private WebElement visibleNonEmpty(By by) {
        List<WebElement> els = browser.driver().findElements(by);
        return !els.isEmpty() && !els.get(0).getText().isBlank() ? els.get(0) : null;
    }

    /** Where the screenshots, timings and failure reports go. */
    static Path out() {
        return Path.of(System.getProperty("replybook.out", "target/e2e"));
    }

    static String valueFor(String variable) {
        return switch (variable) {
            case "tracking.no" -> "SF1234567890";
            case "tracking.carrier" -> "顺丰";
            case "order.id" -> "E1024";
            case "order.amount", "refund.amount" -> "10.00";
            case "coupon.amount" -> "5"; // within every compensation policy: a test of its own asks for more
            case "order.date" -> "2026-11-20";
            case "product.name" -> "羊毛围巾";
            default -> "测试";
        };
    }

    /** Text of stored HTML: block tags become line breaks, entities are decoded, lines are trimmed. */
    static String plain(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>|</?(p|div|li|ul|ol)[^>]*>", "\n").replaceAll("<[^>]+>", "");
        return org.jsoup.parser.Parser.unescapeEntities(text, false).lines().map(String::strip)
                .filter(l -> !l.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
    }

    private void screenshot(String name) throws Exception {
        browser.js("document.getElementById('replybook-panel').scrollIntoView({block:'center'});");
        browser.screenshot(panel(), out().resolve(name));
    }

    private void screenshot() throws Exception {
        browser.js("document.getElementById('replybook-panel').scrollIntoView({block:'center'});");
        browser.screenshot(browser.find(".messagebox-container"), out().resolve("widget-in-rt.png"));
    }

    private void report(String first, String again, List<String> keys) throws Exception {
        String line = "RT widget: first suggestions after the panel opened: " + first + " on the first page load, "
                + again + " on the next; suggestions " + keys;
        System.out.println(line);
        Files.writeString(Files.createDirectories(out()).resolve("rt-timing.txt"), line + "\n");
    }
}
