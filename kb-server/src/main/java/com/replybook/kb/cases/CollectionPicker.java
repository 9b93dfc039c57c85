package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.search.SearchRequest;
import com.replybook.kb.search.SearchService;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the entries and cases a lead can add to a collection from a few typed words: entries through the search
 * agents use (an exact key first), cases by title and tags. Each {@link Choice} is what the picker lists and the
 * collection stores. Thread-safe.
 */
final class CollectionPicker {

    /** At most this many suggestions: a picker is for choosing, not browsing. */
    static final int MAX_SUGGESTIONS = 10;

    /** One suggestion: {@code ref} is what the collection stores (entry key, case id), {@code label} what it shows. */
    record Choice(String ref, String label, String detail) {
    }

    private final CaseStore cases;
    private final EntryStore entries;
    private final SearchService search;

    CollectionPicker(CaseStore cases, EntryStore entries, SearchService search) {
        this.cases = cases;
        this.entries = entries;
        this.search = search;
    }

    /**
     * Suggestions for {@code q} of {@code type} ({@code entry} or {@code case}), best first; an exact id or key first.
     * Entries are those {@code reader} may read (their shops', never anyone's personal entries), cases those of their
     * shops and of every shop.
     */
    List<Choice> suggest(Principal reader, String type, String q) {
        if (q == null || q.isBlank()) return List.of();
        return "entry".equals(type) ? entries(reader, q.strip()) : cases(reader, q.strip());
    }

    /**
     * The one choice {@code q} means: an exact key (entries) or title (cases), else the only suggestion; empty when
     * none or several match, and {@code count} says how many did.
     */
    Optional<Choice> resolve(Principal reader, String type, String q, int[] count) {
        List<Choice> all = suggest(reader, type, q);
        count[0] = all.size();
        String wanted = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        for (Choice c : all) {
            if (c.ref().toLowerCase(Locale.ROOT).equals(wanted) || c.label().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(c);
            }
        }
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    private List<Choice> entries(Principal reader, String q) {
        Map<String, Choice> out = new LinkedHashMap<>();
        entries.find(q).filter(e -> !e.personal() && EntryAccess.mayRead(reader, e)).ifPresent(e -> out.put(e.id(), choice(e)));
        if (search.isReady()) {
            SearchRequest r = new SearchRequest(q, MAX_SUGGESTIONS, null, null, List.of(), EnumSet.allOf(EntryStatus.class),
                    false, new EntryScope(EntryScope.of(reader, null).shops(), null, false));
            search.search(r).hits().forEach(h -> out.putIfAbsent(h.id(), new Choice(h.key(), h.key(), h.problem())));
        }
        return new ArrayList<>(out.values()).subList(0, Math.min(out.size(), MAX_SUGGESTIONS));
    }

    private List<Choice> cases(Principal reader, String q) {
        Map<String, Choice> out = new LinkedHashMap<>();
        cases.find(q).filter(c -> c.readableBy(reader)).ifPresent(c -> out.put(c.id(), choice(c)));
        for (Case c : cases.list(q, null, KnownShops.scope(reader, null))) {
            if (out.size() == MAX_SUGGESTIONS) break;
            out.putIfAbsent(c.id(), choice(c));
        }
        return new ArrayList<>(out.values());
    }

    private static Choice choice(Case c) {
        return new Choice(c.id(), c.title(), String.join(", ", c.tags()));
    }

    private static Choice choice(Entry e) {
        return new Choice(e.key(), e.key(), e.problem());
    }
}
