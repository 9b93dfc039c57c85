package com.replybook.kb.entries;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.vocabulary.Visibility;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.util.List;

/**
 * Who may read and change one entry, by role, shop and visibility. Reading: agents read published team entries, editors
 * every team entry, of the shops they work for (and of every shop); a personal entry is read by its owner, and by a
 * lead of its shops, who may promote it. Changing: a personal entry only by its owner; a team entry by an editor who
 * works for all its shops (a user limited to shops changes no entry of every shop, since it reaches the other shops'
 * answers too). An entry the caller may not read is "not found", so nothing tells them it exists. Stateless.
 */
public final class EntryAccess {

    private EntryAccess() {
    }

    /** True when {@code me} may read {@code e}. */
    public static boolean mayRead(Principal me, Entry e) {
        if (!me.mayRead(e.shops())) return false;
        if (e.personal()) return owns(me, e) || me.can(Role.LEAD);
        return me.can(Role.EDITOR) || e.status() == EntryStatus.PUBLISHED;
    }

    /** {@code e}, or 404 naming {@code ref} when {@code me} may not read it. */
    public static Entry readable(Principal me, Entry e, String ref) {
        if (!mayRead(me, e)) throw notFound(ref);
        return e;
    }

    /** True when {@code me} created the personal entry {@code e}. */
    public static boolean owns(Principal me, Entry e) {
        return e.createdBy().equals(me.username());
    }

    /**
     * Checks that {@code me} may change {@code current} (null for a new entry) into {@code next}: 404 when they may
     * not read it, 403 when they may read but not change it, naming the field at fault.
     */
    public static void checkWrite(Principal me, Entry current, EntryDraft next) {
        if (current != null) {
            readable(me, current, current.key());
            if (current.visibility() != next.visibility()) {
                throw current.personal() ? ApiException.unprocessable("visibility", ScopeError.PERSONAL_STAYS, current.key())
                        : ApiException.unprocessable("visibility", ScopeError.TEAM_STAYS);
            }
            checkChange(me, current);
        }
        if (next.visibility() == Visibility.TEAM) me.require(Role.EDITOR);
        checkShops(me, next);
    }

    /** True when {@code me} may read and change {@code e} (see {@link #checkChange}). */
    public static boolean mayChange(Principal me, Entry e) {
        if (!mayRead(me, e)) return false;
        try {
            checkChange(me, e);
            return true;
        } catch (ApiException refused) {
            return false;
        }
    }

    /** 403 unless {@code me} may change {@code current} (which they may read). */
    public static void checkChange(Principal me, Entry current) {
        if (current.personal()) {
            if (!owns(me, current)) {
                throw ApiException.of(403, "forbidden", "visibility", ScopeError.OWNER_ONLY, null, current.createdBy());
            }
            return;
        }
        me.require(Role.EDITOR);
        if (me.limitedToShops() && (current.shops().isEmpty() || !me.shops().containsAll(current.shops()))) {
            throw current.shops().isEmpty()
                    ? ApiException.of(403, "forbidden", "shops", ScopeError.EVERY_SHOP_ENTRY, null)
                    : ApiException.of(403, "forbidden", "shops", ScopeError.ALSO_OTHER_SHOPS, null,
                    String.join(", ", current.shops()));
        }
    }

    /**
     * 403 naming {@code shops} when a user limited to shops writes a team entry of every shop or of a shop they do not
     * work for (a personal entry may be of every shop: only its owner finds it).
     */
    private static void checkShops(Principal me, EntryDraft next) {
        if (!me.limitedToShops()) return;
        List<String> foreign = next.shops().stream().filter(s -> !me.worksFor(s)).toList();
        if (!foreign.isEmpty()) {
            throw ApiException.of(403, "forbidden", "shops", ScopeError.FOREIGN_SHOPS, null,
                    String.join(", ", me.shops()), String.join(", ", foreign));
        }
        if (next.shops().isEmpty() && next.visibility() == Visibility.TEAM) {
            throw ApiException.of(403, "forbidden", "shops", ScopeError.NAME_YOUR_SHOPS, null,
                    String.join(", ", me.shops()));
        }
    }

    /**
     * Why {@code me} may not write {@code d} over {@code current} (null for a new entry), for an import's report: an
     * entry they may not read is reported as a taken key, nothing more; then shops, visibility and role
     * ({@link #checkWrite}); empty when they may.
     */
    public static List<FieldError> writeProblems(Principal me, Entry current, EntryDraft d) {
        if (current != null && !mayRead(me, current)) {
            return List.of(FieldError.of("key", ScopeError.KEY_TAKEN, d.key()));
        }
        try {
            checkWrite(me, current, d);
            return List.of();
        } catch (ApiException e) {
            return List.of(e.toFieldError(e.field() == null ? "key" : e.field())); // keeps its code
        }
    }

    static ApiException notFound(String ref) {
        return ApiException.notFound(EntryError.NOT_FOUND, ref);
    }
}
