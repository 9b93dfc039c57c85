package com.replybook.kb.console;

import com.replybook.kb.testing.Browser;
import com.replybook.kb.testing.FailureReport;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console as editors and everyone else meet it, in a real Chromium: an editor in Chinese with a broken script
 * (the problem in Chinese, its line marked, the preview saying why it waits), the preview beside the script at
 * 1400 px and under it on a 390 px phone without sideways scrolling, the preview's tabs by keyboard, search as you
 * type, the language switch, and the page an agent lands on. Saves the README's editor screenshot and a phone one.
 */
class ConsoleUxIT {

    static final String PASSWORD = "correct horse battery";
    static final Path SCREENSHOTS = ConsoleWorkflowIT.SCREENSHOTS;
    @RegisterExtension
    static final FailureReport report = new FailureReport(Path.of("target/browser-failures"));
    @TempDir
    static Path dir;
    static TestServer server;
    static Browser browser;
    static String entryId;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUser("ming", "editor", "zh-CN", PASSWORD);
        server.createConsoleUser("lee", "editor", "en", PASSWORD);
        server.createConsoleUser("eve", "editor", "en", PASSWORD); // keeps English (lee switches to Chinese)
        server.createConsoleUser("ann", "agent", "zh-CN", PASSWORD);
        Map<String, Object> entry = Fixtures.entry("parcel-delay.zh-cn");
        entry.put("script", "非常理解您的着急。订单 ${order.id} 的包裹（${tracking.carrier} ${tracking.no}）停在中转站，"
                + "我们已提交催件。\n<#if order.amount?number gt 100>已为您申请优先派送。<#else>已为您加急处理。</#if>");
        entryId = server.admin().post("/api/v1/entries", entry).json().path("id").asText();
        browser = Browser.start(server.base(), Browser.Options.DEFAULT.withLang("zh-CN"));
        report.browser(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @AfterEach
    void desktopAgain() {
        acceptAnyDialog();
        browser.desktop();
    }

    static void signInAs(String username) {
        acceptAnyDialog();
        browser.forgetCookies().open("/console/signin");
        browser.type("#username", username).type("#password", PASSWORD).click("#signin");
        browser.until(d -> browser.path().startsWith("/console/signin") ? null : true);
    }

    /** Leaving a page with unsaved changes asks first; tests that move on accept. */
    static void acceptAnyDialog() {
        try {
            browser.driver().switchTo().alert().accept();
        } catch (NoAlertPresentException e) {
            // nothing asked
        }
    }

    static Object js(String script, Object... args) {
        return browser.js(script, args);
    }

    static double rect(String css, String side) {
        return ((Number) js("return document.querySelector(arguments[0]).getBoundingClientRect()[arguments[1]];", css, side))
                .doubleValue();
    }

    @Test
    void anEditorInChineseSeesABrokenScriptExplainedItsLineMarkedAndThePreviewSayingWhy() throws IOException {
        signInAs("ming");
        browser.open("/console/entries/" + entryId);
        browser.until(d -> browser.find("#preview-grid .cell:not([hidden]) .text").getText().contains("中转站") ? true : null);
        browser.click("#tab-tone-warm").click("#sample-ticket summary");
        browser.until(d -> browser.find("#preview-grid .cell:not([hidden]) .text").getText().contains("中转站") ? true : null);
        windowShot(SCREENSHOTS.resolve("console-entry-editor.png"), ".script-box", 330);
        browser.click("#tab-tone-standard");

        WebElement script = browser.find("#script");
        script.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n您好，${customer.name 先生}，已为您加急。");
        WebElement problem = browser.until(d -> browser.findAll("#script-problems .problem-link").stream().findFirst().orElse(null));
        assertEquals("第 3 行第 20 列：这里不应出现“先生”，请检查附近的 ${…} 或 <#…> 写法。", problem.getText());
        String status = browser.until(d -> {
            String s = browser.find("#preview-status").getText();
            return s.isEmpty() ? null : s;
        });
        assertTrue(status.startsWith("话术有问题，预览已暂停："), "the preview says why it waits: " + status);
        assertTrue(browser.find("#preview-status").getAttribute("class").contains("paused"));
        assertEquals("您好，${customer.name 先生}，已为您加急。", browser.find(".script-backdrop .problem-line").getAttribute("textContent"),
                "the line is marked");
        assertEquals("先", browser.find(".script-backdrop .problem-spot").getAttribute("textContent"), "and the spot in it");
        assertEquals("true", script.getAttribute("aria-invalid"));

        problem.click();
        assertEquals("script", js("return document.activeElement.id;"));
        long caret = (Long) js("return document.activeElement.selectionStart;");
        String text = script.getAttribute("value");
        assertEquals(text.indexOf("先生"), caret, "the caret is on the spot");

        browser.click("#action-save"); // the server refuses it too, and the page comes back marked, caret in place
        browser.until(d -> browser.exists("#form-errors") ? true : null);
        assertEquals(1, browser.findAll("#script-problems .problem-link").size(), "each problem once");
        assertTrue(browser.findAll(".field-errors[data-field='script']").isEmpty(), "not again beside the field");
        assertEquals("script", js("return document.activeElement.id;"));
        assertEquals((long) text.indexOf("先生"), js("return document.activeElement.selectionStart;"));
        assertEquals("先", browser.find(".script-backdrop .problem-spot").getAttribute("textContent"));

        browser.phone(390, 844);
        windowShot(SCREENSHOTS.resolve("console-editor-phone.png"), ".script-box", 8);
    }

    @Test
    void thePreviewSitsBesideTheScriptOnADesktopAndUnderItOnAPhone() throws IOException {
        signInAs("eve");
        browser.open("/console/entries/" + entryId);
        browser.waitFor("#preview[data-rendered]");
        assertEquals("en", js("return document.documentElement.lang;"));
        assertTrue(rect("#preview", "left") >= rect("#script", "right"), "beside the script at 1400 px");
        js("document.getElementById('script').scrollIntoView({block: 'center'});");
        double top = rect("#preview", "top");
        assertTrue(top >= 0 && top < 100, "sticky: in view next to the script while it is edited, top at " + top);
        assertNoSidewaysScroll();
        windowShot(SCREENSHOTS.resolve("console-entry-editor.en.png"), ".script-box", 330);

        browser.phone(390, 844);
        browser.open("/console/entries/" + entryId);
        browser.waitFor("#preview[data-rendered]");
        assertTrue(rect("#preview", "top") >= rect("#script", "bottom"), "under the script on a phone");
        assertTrue(rect("#preview", "top") < rect("#smsScript", "top"), "right under it, before the other fields");
        assertNoSidewaysScroll();
        windowShot(SCREENSHOTS.resolve("console-entry-editor.en-390.png"), "#preview", 8);
        for (String page : List.of("/console/entries", "/console/entries/new", "/console/synonyms", "/console/exchange",
                "/console/cases", "/console/stale", "/console/entries/" + entryId + "/revisions", "/console/clocks",
                "/console/collections", "/console/inbox")) {
            browser.open(page);
            assertNoSidewaysScroll();
        }
    }

    static void assertNoSidewaysScroll() {
        Object widths = js("return [document.documentElement.scrollWidth, innerWidth];");
        List<?> w = (List<?>) widths;
        assertTrue(((Number) w.get(0)).longValue() <= ((Number) w.get(1)).longValue(),
                browser.path() + ": no sideways scroll " + widths);
    }

    @Test
    void thePreviewsTabsWorkByKeyboard() {
        signInAs("ming");
        browser.open("/console/entries/" + entryId);
        browser.waitFor("#preview[data-rendered]");
        browser.find("#tab-tone-standard").sendKeys(Keys.ARROW_RIGHT);
        assertEquals("tab-tone-warm", js("return document.activeElement.id;"));
        assertEquals("true", browser.find("#tab-tone-warm").getAttribute("aria-selected"));
        browser.find("#tab-tone-warm").sendKeys(Keys.END);
        browser.find("#tab-channel-chat").sendKeys(Keys.ARROW_RIGHT);
        assertEquals("tab-channel-email", js("return document.activeElement.id;"));
        WebElement shown = browser.find("#preview-grid .cell:not([hidden])");
        assertEquals(List.of("formal", "email"), List.of(shown.getAttribute("data-tone"), shown.getAttribute("data-channel")));
        assertEquals(1, browser.findAll("#preview-grid .cell:not([hidden])").size(), "one reply at a time");
        assertEquals("-1", browser.find("#tab-tone-standard").getAttribute("tabindex"), "one tab stop per row of tabs");
    }

    @Test
    void aNewEntryGetsItsKeyFromItsProblemAndMarksWhatIsRequired() {
        signInAs("ming");
        browser.open("/console/entries/new");
        for (String id : List.of("key", "locale", "category", "problem", "script")) {
            assertEquals("true", browser.find("#" + id).getAttribute("aria-required"), id);
        }
        browser.find("#problem").sendKeys("包裹没收到，客户很着急");
        browser.until(d -> "baoguo-mei-shoudao.zh-cn".equals(browser.find("#key").getAttribute("value")) ? true : null);
        browser.type("#key", "parcel-missing.zh-cn");
        browser.find("#problem").sendKeys("了");
        assertEquals("parcel-missing.zh-cn", browser.find("#key").getAttribute("value"), "a key typed by hand stays");

        // Leaving with unsaved text asks first (Chromium asks through its own dialog, which headless mode skips:
        // the page's side of it is that it cancels the beforeunload event).
        assertEquals(Boolean.TRUE, leavingIsQuestioned());
        browser.type("#category", "物流/丢件").type("#script", "包裹已为您补发。");
        browser.click("#action-save");
        browser.until(d -> browser.path().startsWith("/console/entries/new") ? null : true);
        assertEquals(Boolean.FALSE, leavingIsQuestioned(), "nothing to ask once saved");

        browser.open("/console/entries/" + entryId);
        acceptAnyDialog();
        String offered = browser.find("#add-translation").getText();
        assertFalse(offered.contains("zh-CN"), "no translation into the entry's own language: " + offered);
        assertTrue(offered.contains("zh-TW") && offered.contains("en"), offered);
    }

    @Test
    void theEntriesListSearchesAsYouType() {
        server.admin().post("/api/v1/entries", Fixtures.entry("gift-card-balance.zh-cn"));
        signInAs("ming");
        browser.open("/console/entries");
        js("window.sameDocument = true;");
        browser.find("#q").sendKeys("gift-card");
        browser.until(d -> browser.find("#result-count").getText().contains("“gift-card”") ? true : null);
        List<String> listed = browser.findAll("#entries tr[data-key]").stream().map(r -> r.getAttribute("data-key")).toList();
        assertEquals(List.of("gift-card-balance.zh-cn"), listed);
        assertEquals("1 个条目与“gift-card”相符", browser.find("#result-count").getText());
        assertEquals(Boolean.TRUE, js("return window.sameDocument === true;"), "no page load while typing");
        assertTrue(browser.url().contains("q=gift-card"), "the address follows, to share the search: " + browser.url());
    }

    @Test
    void aUserSwitchesLanguageInTheUserMenu() {
        signInAs("lee");
        browser.open("/console/entries");
        assertEquals("en", js("return document.documentElement.lang;"));
        browser.click("#user-menu summary");
        new Select(browser.find("#ui-locale")).selectByValue("zh-CN");
        browser.click("#save-language");
        browser.until(d -> "zh-CN".equals(js("return document.documentElement.lang;")) ? true : null);
        assertEquals("界面语言已切换为简体中文。", browser.find("#flash").getText());
        assertEquals("/console/entries", browser.path(), "the same page, now in Chinese");
        assertEquals("条目", browser.find("h1").getText());
    }

    @Test
    void anAgentLandsOnAPageThatSaysWhereToGo() {
        signInAs("ann");
        assertEquals("/console/", browser.path());
        assertEquals("Replybook 就在你的工单系统里", browser.find("#welcome h1").getText());
        assertFalse(browser.exists("header nav"), "no navigation to pages an agent may not open");
        browser.phone(390, 844);
        browser.open("/console/");
        assertNoSidewaysScroll();
    }

    static Object leavingIsQuestioned() {
        return js("var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
    }

    /** Saves the browser's window as it is (not the whole page), scrolled so that {@code css} is {@code below} px from the top. */
    static void windowShot(Path file, String css, int below) throws IOException {
        js("window.scrollTo(0, document.querySelector(arguments[0]).getBoundingClientRect().top + scrollY - arguments[1]);",
                css, below);
        Files.createDirectories(file.getParent());
        Files.write(file, browser.driver().getScreenshotAs(OutputType.BYTES));
    }
}
