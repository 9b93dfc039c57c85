package com.replybook.plugin.e2e;

import com.replybook.kb.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.nio.file.Path;
import java.util.List;

/**
 * Steps of the guardrails journeys shared by the RT and Zendesk tests: the widget's compensation limit, asking a
 * lead, and a lead approving in kb-server's console (in a second tab, signed in as themselves).
 */
final class Guardrails {

    static final String LEAD = "lead.e2e";

    private Guardrails() {
    }

    /** Waits for the widget to say the amount is over the policy, then asks a lead with {@code reason}. */
    static void askALead(Browser browser, WebElement panel, String reason) {
        WebElement ask = browser.until(d -> visible(panel, ".rb-guard-ask"));
        panel.findElement(By.cssSelector(".rb-guard-reason")).sendKeys(reason);
        ask.click();
        browser.until(d -> visible(panel, ".rb-guard-waiting"));
    }

    /** Opens kb-server's console in a new tab, signs in as the lead, approves the approval with {@code note}, closes the tab. */
    static void leadApprovesInTheConsole(Browser browser, String kbUrl, String note, Path screenshot) {
        asLeadInTheConsole(browser, kbUrl, () -> {
            browser.driver().get(kbUrl + "/console/approvals");
            WebElement row = browser.until(d -> first(d.findElements(By.cssSelector("#pending-approvals tr.approval"))));
            browser.until(d -> !d.findElements(By.cssSelector("#nav-approvals .nav-count")).isEmpty());
            if (screenshot != null) browser.screenshot(screenshot);
            row.findElement(By.cssSelector("input[name='note']")).sendKeys(note);
            row.findElement(By.cssSelector("button[value='approve']")).click();
            browser.until(d -> !d.findElements(By.id("flash")).isEmpty());
        });
    }

    /**
     * Runs {@code steps} in kb-server's console in a new tab, signed in as the lead (a user {@link KbServer#userToken}
     * made), then closes the tab and returns to the one the test was in.
     */
    static void asLeadInTheConsole(Browser browser, String kbUrl, Runnable steps) {
        String agentTab = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        try {
            browser.driver().get(kbUrl + "/console/signin");
            browser.find("[name='username']").sendKeys(LEAD);
            browser.find("[name='password']").sendKeys(KbServer.PASSWORD);
            browser.find("form [type='submit']").click();
            browser.until(d -> d.getCurrentUrl().contains("/console/") && !d.getCurrentUrl().contains("signin"));
            steps.run();
        } finally {
            browser.driver().close();
            browser.driver().switchTo().window(agentTab);
        }
    }

    static WebElement visible(WebElement scope, String css) {
        List<WebElement> found = scope.findElements(By.cssSelector(css));
        return !found.isEmpty() && found.get(0).isDisplayed() ? found.get(0) : null;
    }

    private static WebElement first(List<WebElement> els) {
        return els.isEmpty() ? null : els.get(0);
    }
}
