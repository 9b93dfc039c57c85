package com.replybook.kb.guardrails;

import com.replybook.kb.console.NavCounts;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.events.EventStore;
import com.replybook.kb.guardrails.approvals.Approvals;
import com.replybook.kb.guardrails.compensation.Compensation;
import com.replybook.kb.guardrails.wording.Wording;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.render.ReplyAdvisor;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The guardrails feature: the compensation policy, the wording rules and the approvals, with their API and console
 * pages, and what other features take from it: the render advice ({@link #replyAdvisor()}), the save-time wording
 * check ({@link #scriptCheck()}). Each approval asked, granted or denied is also recorded as a usage event, for the
 * insights. Policies and rules live in the database, read again after a few seconds, so several nodes agree.
 */
public final class GuardrailsModule implements FeatureModule {

    private final Compensation compensation;
    private final Wording wording;
    private final Approvals approvals;

    /**
     * @param events where approvals are recorded as {@code approval} events (asked, granted, denied)
     * @param shops  the shops that may keep their own policy and rules (issue 20)
     */
    public GuardrailsModule(Platform platform, EventStore events, KnownShops shops) {
        this.compensation = new Compensation(platform, shops);
        this.wording = new Wording(platform, shops);
        this.approvals = new Approvals(platform, compensation, events, shops);
    }

    @Override
    public void api(Router<ApiCall> api) {
        compensation.api(api);
        wording.api(api);
        approvals.api(api);
    }

    @Override
    public void console(Router<Page> console) {
        compensation.console(console);
        wording.console(console);
        approvals.console(console);
    }

    @Override
    public NavCounts navCounts() {
        return approvals.navCounts();
    }

    /** For the rendering feature: {@code ${compensation.coupon}} and {@code compensation-over-limit:} warnings. */
    public ReplyAdvisor replyAdvisor() {
        return compensation.advisor();
    }

    /** For the entries feature: blocking wording refuses a save, warning wording shows in the preview. */
    public ScriptCheck scriptCheck() {
        return wording.scriptCheck();
    }
}
