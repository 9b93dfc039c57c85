package com.replybook.kb.followups;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of follow-ups: who owns one (the caller, and the help-desk's agent a bridge names), who sees it (its
 * owner; leads everyone's; a user limited to shops only those of their shops and of no shop), and that a named entry
 * exists for the caller. A follow-up of another agent or another shop is "not found", never "forbidden", so its
 * existence is not revealed either. Thread-safe.
 */
final class FollowUps {

    private final FollowUpStore store;
    private final EntryStore entries;
    private final Clock clock;

    FollowUps(FollowUpStore store, EntryStore entries, Clock clock) {
        this.store = store;
        this.entries = entries;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Records {@code r} as an open follow-up of {@code caller} (and of the agent the request names, if any) in
     * {@code shop} (already checked; null: of no shop).
     */
    FollowUp record(Principal caller, FollowUpRequest r, String shop) {
        String entryId = r.entryRef() == null ? null : entryFor(caller, r.entryRef()).id();
        FollowUp f = new FollowUp(UUID.randomUUID().toString(), r.helpdesk().id(), r.ticketId(), r.dueAt(), r.note(),
                entryId, FollowUp.Status.OPEN, caller.username(), r.agent() == null ? caller.username() : r.agent(),
                now(), null, null, shop);
        store.insert(f);
        return f;
    }

    /**
     * The follow-ups {@code q} asks for, among those {@code caller} may see ({@code q}'s shops are the caller's scope,
     * {@link com.replybook.kb.entries.KnownShops#scope}).
     */
    List<FollowUp> list(Principal caller, FollowUpStore.Query q) {
        if (caller.can(Role.LEAD)) return store.find(q);
        return store.find(q.ofUser(caller.username()));
    }

    /**
     * Marks follow-up {@code id} done (again is no error: it stays done as it was). {@code agent} is the help-desk's
     * agent a bridge acts for: below lead, the follow-up must be theirs. 404 when the caller may not see it.
     */
    FollowUp done(Principal caller, String id, String agent) {
        FollowUp f = visible(caller, id, agent).orElseThrow(() -> ApiException.notFound(FollowUpError.NOT_FOUND, id));
        if (f.status() == FollowUp.Status.DONE) return f;
        String by = agent != null ? agent : caller.username();
        Instant at = now();
        return store.markDone(f.id(), at, by) ? f.done(at, by) : store.find(f.id()).orElseThrow();
    }

    Optional<FollowUp> visible(Principal caller, String id, String agent) {
        return store.find(id).filter(f -> caller.mayReadShop(f.shop())).filter(f -> caller.can(Role.LEAD)
                || f.user().equals(caller.username()) && (agent == null || agent.equals(f.agent())));
    }

    /**
     * Open follow-ups past due, the longest overdue first; one agent's when {@code agent} is set; of {@code shops} and
     * of no shop ({@code shops} null: of every shop).
     */
    List<FollowUp> overdue(String agent, int limit, List<String> shops) {
        return store.find(new FollowUpStore.Query(FollowUp.Status.OPEN, now(), null, agent, null, null, limit, shops));
    }

    /** The agents with overdue follow-ups of {@code shops} and of no shop ({@code shops} null: of every shop). */
    List<String> agentsOverdue(List<String> shops) {
        return store.agentsWithOpenBefore(now(), shops);
    }

    private Entry entryFor(Principal caller, String ref) {
        Optional<Entry> e = entries.find(ref)
                .filter(x -> EntryAccess.mayRead(caller, x));
        if (e.isEmpty()) {
            throw ApiException.invalid(List.of(FieldError.of("entryId", FollowUpError.ENTRY, ref)));
        }
        return e.get();
    }
}
