package com.replybook.plugin.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Zendesk app in Chromium inside a host page that speaks the ZAF SDK's postMessage protocol, with the
 * real zendesk_app_framework_sdk bundled from npm, against the real kb-server WAR.
 */
class ZendeskAppIT {
    static Path work;
    static KbServer kb;
    static ZafHost host;
    static ChromeDriver browser;
    static boolean passed;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.installed()) throw new IllegalStateException("chromium and chromium-driver are missing: run plugin/ci-packages.sh");
        Path app = Path.of(System.getProperty("replybook.zendesk.dir", "../zendesk/target/app")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(app.resolve("assets/zaf_sdk.min.js"))) throw new IllegalStateException("build the Zendesk app first: " + app);
        work = Files.createTempDirectory("replybook-zendesk-e2e");
        kb = KbServer.start(work);
        kb.warmUp();
        host = new ZafHost(app, kb.url, System.getProperty("replybook.kb.token", KbServer.ADMIN_TOKEN));
        browser = Browser.start("en-US");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (host != null) host.close();
        if (kb != null) kb.close();
        if (!passed && kb != null) System.out.println("---- kb-server log ----\n" + kb.logText());
    }

    @Test
    void appSuggestsFromTicketContextAndInsertsAtTheCursorWithTheTokenOnlyAsPlaceholder() throws Exception {
        browser.get(host.hostUrl("zh-cn"));
        WebDriverWait wait = Browser.waitFor(browser);
        WebElement editor = browser.findElement(By.id("editor"));
        editor.click();
        editor.sendKeys("FIRSTWORD LASTWORD");
        for (int i = 0; i < "LASTWORD".length(); i++) editor.sendKeys(Keys.ARROW_LEFT);

        browser.switchTo().frame(browser.findElement(By.id("app")));
        wait.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        String firstMs = browser.findElement(By.id("replybook-panel")).getAttribute("data-first-suggestions-ms");
        List<WebElement> hits = browser.findElements(By.cssSelector(".rb-hit"));
        int pick = -1;
        for (int i = 0; i < Math.min(3, hits.size()); i++) {
            if (hits.get(i).getAttribute("data-key").startsWith(RtWidgetIT.LOGISTICS_DELAY)) pick = i;
        }
        assertTrue(pick >= 0, "logistics-delay among the first three suggestions");
        assertEquals("chat", browser.findElement(By.cssSelector(".rb-channel")).getAttribute("value"), "channel from ticket.via.channel");
        assertEquals("回复话术", browser.findElement(By.cssSelector(".rb-title")).getText(), "UI in the agent's locale");
        wait.until(d -> d.findElement(By.cssSelector(".rb-mood")).getAttribute("data-emotion") != null);
        assertEquals("formal", browser.findElement(By.cssSelector(".rb-tone")).getAttribute("value"),
                "the customer's 'vip' tag maps to the formal tone in kb-server");
        assertEquals("anxious", browser.findElement(By.cssSelector(".rb-mood")).getAttribute("data-emotion"));
        hits.get(pick).click();
        wait.until(d -> !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank());
        for (WebElement field : browser.findElements(By.cssSelector(".rb-fills input[aria-invalid='true']"))) {
            field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")));
        }
        wait.until(d -> d.findElement(By.cssSelector(".rb-insert")).isEnabled());
        String rendered = browser.findElement(By.cssSelector(".rb-preview")).getText();
        browser.findElement(By.cssSelector(".rb-insert")).click();
        wait.until(d -> "true".equals(String.valueOf(js("return !!document.querySelector('.rb-status.rb-ok');"))));
        // As an SMS the entry's short version is sent instead of its script.
        new Select(browser.findElement(By.cssSelector(".rb-channel"))).selectByValue("sms");
        wait.until(d -> d.findElement(By.cssSelector(".rb-preview")).getText().contains("已催件并加急派送"));
        assertFalse(browser.findElement(By.cssSelector(".rb-preview")).getText().contains("分拣排队"));
        browser.switchTo().defaultContent();

        String text = browser.findElement(By.id("editor")).getText();
        assertTrue(text.indexOf("FIRSTWORD") < text.indexOf("王女士") && text.indexOf("王女士") < text.indexOf("LASTWORD"),
                "inserted at the cursor via ticket.editor.insert: " + text);
        assertTrue(rendered.contains("王女士"), rendered);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> invokes = (List<Map<String, Object>>) js("return window.zaf.invokes;");
        assertTrue(invokes.stream().anyMatch(i -> "ticket.editor.insert".equals(i.get("name"))), invokes.toString());
        assertTrue(invokes.stream().anyMatch(i -> "resize".equals(i.get("name"))), "the app resizes itself explicitly");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) js("return window.zaf.requests;");
        assertFalse(requests.isEmpty());
        for (Map<String, Object> r : requests) {
            assertEquals(ZafHost.PLACEHOLDER, ((Map<?, ?>) r.get("headers")).get("Authorization"));
            assertEquals(Boolean.TRUE, r.get("secure"));
        }
        assertTrue(host.violations.isEmpty(), host.violations.toString());
        String token = System.getProperty("replybook.kb.token", KbServer.ADMIN_TOKEN);
        assertFalse(String.valueOf(js("return JSON.stringify(window.zaf);")).contains(token), "the real token never reaches the browser");
        assertTrue(kb.get("/api/v1/events?type=insert&helpdesk=zendesk&ticketId=4711").path("events").size() > 0);
        System.out.println("Zendesk app: first suggestions " + firstMs + " ms after the app started");
        passed = true;
    }

    @Test
    void keyboardAloneFindsAndInsertsTwoEntriesIntoOneReplyInEnglish() {
        passed = false;
        browser.get(host.hostUrl("en-US"));
        WebDriverWait wait = Browser.waitFor(browser);
        WebElement editor = browser.findElement(By.id("editor"));
        editor.click();
        editor.sendKeys("AAA BBB");
        for (int i = 0; i < 3; i++) editor.sendKeys(Keys.ARROW_LEFT);

        browser.switchTo().frame(browser.findElement(By.id("app")));
        wait.until(d -> !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        String firstMs = browser.findElement(By.id("replybook-panel")).getAttribute("data-first-suggestions-ms");
        String apiMs = browser.findElement(By.id("replybook-panel")).getAttribute("data-first-suggestions-api-ms");
        assertEquals("Reply scripts", browser.findElement(By.cssSelector(".rb-title")).getText());
        browser.findElement(By.cssSelector(".rb-title")).click(); // focus the app's frame, nothing in it
        new Actions(browser).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        WebElement search = browser.findElement(By.cssSelector(".rb-search"));
        assertEquals(search, browser.switchTo().activeElement(), "Alt+K focuses search");
        search.sendKeys("退款");
        try {
            wait.until(d -> "Search results".equalsIgnoreCase(d.findElement(By.cssSelector(".rb-list-title")).getText())
                    && !d.findElements(By.cssSelector(".rb-hit")).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError("no search results; panel shows: " + browser.findElement(By.id("replybook-panel")).getText()
                    + " / query " + search.getAttribute("value"), e);
        }

        String first = insertByKeyboard(wait, 1);
        new Actions(browser).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();
        String second = insertByKeyboard(wait, 2);
        browser.switchTo().defaultContent();

        String text = browser.findElement(By.id("editor")).getText();
        int a = text.indexOf("AAA"), x = text.indexOf(first), y = text.indexOf(second), b = text.indexOf("BBB");
        assertTrue(a >= 0 && a < x && x < y && y < b, "two entries inserted in order at the cursor: " + text);

        // A misspelt search is corrected, and the list says what was searched.
        browser.switchTo().frame(browser.findElement(By.id("app")));
        WebElement box = browser.findElement(By.cssSelector(".rb-search"));
        box.clear();
        box.sendKeys("when will I get my refnud");
        wait.until(d -> "Results for “when will I get my refund”".equalsIgnoreCase(
                d.findElement(By.cssSelector(".rb-list-title")).getText()));
        browser.switchTo().defaultContent();
        System.out.println("Zendesk app: first suggestions " + firstMs + " ms after the app started ("
                + apiMs + " ms of it in the kb-server call through the host's proxy)");
        passed = true;
    }

    @Test
    void anSmsThatTakesSeveralMessagesSaysSoInTheAgentsLanguage() {
        passed = false;
        String longScript = "您的紫色折叠雨伞（订单 ${order.id}）伞骨断裂，是我们质检没有发现的问题。".repeat(3)
                + "我们会今天补发一把新伞，旧伞不用寄回，另送您一张优惠券。";
        kb.post("/api/v1/entries", "{\"key\":\"umbrella-rib.zh-cn\",\"locale\":\"zh-CN\",\"category\":\"质量/配件\","
                + "\"problem\":\"紫色折叠雨伞伞骨断裂\",\"questions\":[\"紫色雨伞的伞骨断了\"],\"script\":\"" + longScript
                + "\",\"status\":\"published\"}");
        browser.get(host.hostUrl("zh-cn"));
        WebDriverWait wait = Browser.waitFor(browser);
        browser.switchTo().frame(browser.findElement(By.id("app")));
        WebElement search = wait.until(d -> d.findElement(By.cssSelector(".rb-search")));
        search.sendKeys("紫色雨伞伞骨断了");
        wait.until(d -> d.findElements(By.cssSelector(".rb-hit")).stream()
                .anyMatch(h -> "umbrella-rib.zh-cn".equals(h.getAttribute("data-key"))));
        browser.findElements(By.cssSelector(".rb-hit")).stream()
                .filter(h -> "umbrella-rib.zh-cn".equals(h.getAttribute("data-key"))).findFirst().orElseThrow().click();
        new Select(wait.until(d -> d.findElement(By.cssSelector(".rb-channel")))).selectByValue("sms");

        // It has no short version, so its whole script goes out as an SMS: the note gives the count in words.
        wait.until(d -> d.findElement(By.cssSelector(".rb-notes")).getText().matches("(?s).*将分 \\d+ 条短信发出.*"));
        assertFalse(browser.findElement(By.cssSelector(".rb-notes")).getText().contains("sms-segments"));

        // Nor has it a review version: as a public review reply, the agent is told what they are looking at.
        new Select(browser.findElement(By.cssSelector(".rb-channel"))).selectByValue("review");
        wait.until(d -> d.findElement(By.cssSelector(".rb-notes")).getText().contains("此话术还没有评价回复版"));
        browser.switchTo().defaultContent();
        passed = true;
    }

    /** Arrow down to hit number {@code n}, Enter, fill what the ticket lacks with Enter; returns a line of the script. */
    private String insertByKeyboard(WebDriverWait wait, int n) {
        WebElement search = browser.switchTo().activeElement();
        for (int i = 0; i < n; i++) search.sendKeys(Keys.ARROW_DOWN);
        wait.until(d -> !d.findElements(By.cssSelector(".rb-insert")).isEmpty()
                && !d.findElement(By.cssSelector(".rb-preview")).getText().isBlank()
                && d.findElements(By.cssSelector(".rb-status.rb-ok")).isEmpty()); // the previous insert's status is gone
        search.sendKeys(Keys.ENTER);
        for (int i = 0; i < 6 && browser.findElements(By.cssSelector(".rb-status.rb-ok")).isEmpty(); i++) {
            wait.until(d -> !d.findElements(By.cssSelector(".rb-status.rb-ok")).isEmpty()
                    || "INPUT".equals(d.switchTo().activeElement().getTagName().toUpperCase())
                       && d.switchTo().activeElement().getAttribute("data-var") != null);
            WebElement field = browser.switchTo().activeElement();
            if (field.getAttribute("data-var") != null) field.sendKeys(RtWidgetIT.valueFor(field.getAttribute("data-var")), Keys.ENTER);
        }
        wait.until(d -> !d.findElements(By.cssSelector(".rb-status.rb-ok")).isEmpty());
        return browser.findElement(By.cssSelector(".rb-preview")).getText().lines().map(String::strip)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow().substring(0, 12);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
