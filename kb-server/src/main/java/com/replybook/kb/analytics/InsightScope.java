package com.replybook.kb.analytics;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.EntryScope;

import java.util.Collections;
import java.util.List;

/**
 * Whose figures the insights count: the usage events of some shops and the entries those shops use, or everything.
 * A lead limited to shops always reads theirs only (never the events of another shop, nor those that named no shop);
 * any lead may narrow the figures to one shop. Immutable.
 *
 * @param shops null for every shop (events that named none included); otherwise these shops' events, and their
 *              entries with those of every shop
 */
record InsightScope(List<String> shops) {

    static final InsightScope ALL = new InsightScope(null);

    InsightScope {
        shops = shops == null ? null : List.copyOf(shops);
    }

    /** What {@code reader} sees in {@code shop} (already checked), else in their shops, else everywhere. */
    static InsightScope of(Principal reader, String shop) {
        return new InsightScope(shop != null ? List.of(shop) : reader.limitedToShops() ? reader.shops() : null);
    }

    /** {@code " AND alias.shop IN (?, …)"} with the shops appended to {@code args}; empty for every shop. */
    String events(String alias, List<Object> args) {
        if (shops == null) return "";
        args.addAll(shops);
        return " AND " + prefix(alias) + "shop IN (" + String.join(", ", Collections.nCopies(shops.size(), "?")) + ")";
    }

    /** {@code " AND …"}: the entries (columns of {@code alias}) of these shops and of every shop; empty for every shop. */
    String entries(String alias, List<Object> args) {
        return shops == null ? "" : " AND " + new EntryScope(shops, null, true).sql(alias, args);
    }

    private static String prefix(String alias) {
        return alias == null ? "" : alias + ".";
    }
}
