package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.EntryStore;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a collection a reader limited to shops sees (issue 20): a collection gathers cases and entries of any shop,
 * and such a reader never sees another shop's case or entry in it, not even its title or key. Readers of every shop
 * see every item. An item whose case or entry is gone stays (it shows its ref, as before). Thread-safe.
 */
public final class CollectionScope {

    private final CaseStore cases;
    private final EntryStore entries;

    CollectionScope(CaseStore cases, EntryStore entries) {
        this.cases = cases;
        this.entries = entries;
    }

    /** {@code c} without the items {@code reader} may not see. */
    public CaseCollection visibleTo(Principal reader, CaseCollection c) {
        if (!reader.limitedToShops()) return c;
        return c.withItems(positions(reader, c).stream().map(c.items()::get).toList());
    }

    /** The positions in {@code c}'s items of those {@code reader} may see, in order (all for a reader of every shop). */
    List<Integer> positions(Principal reader, CaseCollection c) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            if (visible(reader, c.items().get(i))) out.add(i);
        }
        return out;
    }

    /** True unless {@code item} is a case or entry of shops {@code reader} does not work for. */
    boolean visible(Principal reader, CollectionItem item) {
        if (!reader.limitedToShops()) return true;
        if (item.type().equals("case")) return cases.find(item.ref()).map(c -> c.readableBy(reader)).orElse(true);
        return entries.find(item.ref()).map(e -> reader.mayRead(e.shops())).orElse(true);
    }
}
