package com.replybook.kb.guardrails.approvals;

import com.replybook.kb.console.NavCounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.events.ApprovalStep;
import com.replybook.kb.events.EventStore;
import com.replybook.kb.events.EventType;
import com.replybook.kb.events.UsageEvent;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.guardrails.compensation.Amounts;
import com.replybook.kb.guardrails.compensation.Compensation;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;
import com.replybook.kb.web.Router;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Approvals of compensation above the policy: requests (any role; in the ticket's shop, by that shop's policy), one
 * decision each by a lead (a second is a conflict), what each caller may see (agents their own, leads those of their
 * shops: a lead limited to shops never sees or decides another shop's, nor one of no shop). Each step is also recorded
 * as an {@code approval} usage event (asked, granted, denied) in the approval's shop, for the insights. Thread-safe.
 */
public final class Approvals {

    static final int MAX_TEXT = 1_000;
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private final Platform platform;
    private final Compensation compensation;
    private final ApprovalStore store;
    private final EventStore events;
    private final KnownShops shops;

    /** @param shops the shops the console's list filters by */
    public Approvals(Platform platform, Compensation compensation, EventStore events, KnownShops shops) {
        this.platform = platform;
        this.compensation = compensation;
        this.store = new ApprovalStore(platform.database());
        this.events = events;
        this.shops = shops;
    }

    /** Stores {@code body}'s request as pending, with what the policy allowed at the time; 422 naming bad fields. */
    Approval request(Principal caller, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String ticketId = JsonFields.text(body, "ticketId", 100, true, errors);
        String helpdesk = JsonFields.text(body, "helpdesk", 40, true, errors);
        if (helpdesk != null && !helpdesk.isEmpty() && !WORD.matcher(helpdesk).matches()) {
            errors.add(FieldError.of("helpdesk", ApprovalError.HELPDESK));
        }
        String reason = JsonFields.text(body, "reason", MAX_TEXT, false, errors);
        String entryId = JsonFields.text(body, "entryId", 40, false, errors);
        String agent = JsonFields.text(body, "agent", 200, false, errors);
        if (!body.hasNonNull("amount")) errors.add(FieldError.of("amount", GuardrailsError.AMOUNT_REQUIRED, "amount"));
        Compensation.Evaluated e = compensation.evaluate(body, caller, errors);
        if (e != null && e.ask().amount() != null && e.ask().amount().signum() <= 0) errors.add(FieldError.of("amount", ApprovalError.AMOUNT_POSITIVE));
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        Approval a = new Approval(UUID.randomUUID().toString(), Approval.Status.PENDING, ticketId, helpdesk,
                e.locale().tag(), e.ask().category() == null ? "" : e.ask().category(),
                e.ask().orderAmount() == null ? null : Amounts.format(e.ask().orderAmount()),
                List.copyOf(e.ask().customerTags()), e.ask().offer().id(), Amounts.format(e.ask().amount()),
                e.decision().currency(), Amounts.format(e.decision().maxAmount()), reason == null ? "" : reason,
                entryId, caller.username(), agent, platform.clock().instant(), null, null, null, e.shop());
        store.insert(a);
        record(a, ApprovalStep.ASKED, caller.username());
        return a;
    }

    /**
     * The approval if {@code caller} may see it: leads those of their shops ({@link #decides}), others only those
     * they asked for.
     */
    Optional<Approval> find(Principal caller, String id) {
        return store.find(id).filter(a -> decides(caller, a) || a.requestedBy().equals(caller.username()));
    }

    /** True when {@code caller} is a lead who works for {@code a}'s shop (a lead of every shop decides them all). */
    private static boolean decides(Principal caller, Approval a) {
        return caller.can(Role.LEAD) && (!caller.limitedToShops() || a.shop() != null && caller.worksFor(a.shop()));
    }

    /**
     * Newest first; callers below lead see only their own, leads limited to shops those of their shops. A lead's
     * {@code q} may narrow to shops they work for ({@code q.shops()}); otherwise their shops apply.
     */
    List<Approval> list(Principal caller, ApprovalStore.Query q) {
        boolean narrowed = q.shops() != null && q.shops().stream().allMatch(caller::worksFor);
        ApprovalStore.Query mine = caller.can(Role.LEAD) ? q.inShops(narrowed ? q.shops() : shopsOf(caller))
                : new ApprovalStore.Query(q.status(), caller.username(), q.agent(), q.helpdesk(), q.ticketId(), q.limit(),
                null);
        return store.find(mine);
    }

    /** How many approvals {@code lead} may decide wait for a decision. */
    int pending(Principal lead) {
        return store.pending(shopsOf(lead));
    }

    private static List<String> shopsOf(Principal caller) {
        return caller.limitedToShops() ? caller.shops() : null;
    }

    /** The requests waiting for a decision, beside the console's Approvals link for leads. */
    public NavCounts navCounts() {
        return me -> me.can(Role.LEAD) ? Map.of("approvals", (long) pending(me)) : Map.of();
    }

    /** Records a lead's decision; 404 when there is no such approval, 409 when it was decided already. */
    Approval decide(Principal lead, String id, boolean approved, String note) {
        lead.require(Role.LEAD);
        find(lead, id).filter(a -> decides(lead, a)).orElseThrow(() -> ApiException.notFound(ApprovalError.NOT_FOUND, id));
        Approval.Status status = approved ? Approval.Status.APPROVED : Approval.Status.REJECTED;
        if (!store.decide(id, status, lead.username(), platform.clock().instant(), note)) {
            Approval a = store.find(id).orElseThrow(() -> ApiException.notFound(ApprovalError.NOT_FOUND, id));
            throw ApiException.conflict(ApprovalError.DECIDED, Map.of("status", a.status().wire(), "decidedBy", a.decidedBy()),
                    a.status().wire(), a.decidedBy());
        }
        Approval decided = store.find(id).orElseThrow();
        record(decided, approved ? ApprovalStep.GRANTED : ApprovalStep.DENIED, lead.username());
        return decided;
    }

    /** The step as an {@code approval} usage event, with the compensation asked for and the approval's id. */
    private void record(Approval a, ApprovalStep step, String user) {
        String amount = new BigDecimal(a.amount()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        events.record(new UsageEvent(null, EventType.APPROVAL, a.entryId(), null, null, null, null, a.helpdesk(),
                a.ticketId(), null, null, null, null, null, a.agent(), null, null, null,
                new com.replybook.kb.events.Compensation(CompensationOffer.parse("offer", a.offer()), amount, a.id()),
                step, user, null).inShop(a.shop()));
    }

    public void api(Router<ApiCall> api) {
        new ApprovalApi(this).routes(api);
    }

    public void console(Router<Page> console) {
        new ApprovalPage(this, shops).routes(console);
    }
}
