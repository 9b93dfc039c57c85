package com.replybook.kb.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order of the entries list for a text query: the entry whose key it is (or whose key's base it is:
 * {@code logistics-delay} for {@code logistics-delay.zh-cn}), entries whose key contains it, the search's matches
 * in its order, entries whose text contains it word for word; then, apart, the search's weaker hits. Immutable.
 */
final class TextOrder {

    private final String query;
    private final Map<String, Integer> matchRank = new HashMap<>();
    private final Map<String, Integer> weakerRank = new HashMap<>();
    private final Map<String, EntryFinder.Row> containing = new LinkedHashMap<>();

    /**
     * @param query      the query, lower case
     * @param hits       the search's matches and weaker hits
     * @param containing the entries whose key or text contains the query
     */
    TextOrder(String query, SearchMatches.Split hits, List<EntryFinder.Row> containing) {
        this.query = query;
        for (int i = 0; i < hits.matches().size(); i++) matchRank.put(hits.matches().get(i), i);
        for (int i = 0; i < hits.weaker().size(); i++) weakerRank.put(hits.weaker().get(i), i);
        containing.forEach(r -> this.containing.put(r.id(), r));
    }

    /** Page {@code page} of the matches among {@code found} (the search's rows) and the containing rows. */
    EntryFinder.Result page(List<EntryFinder.Row> found, int page, int size) {
        Map<String, EntryFinder.Row> all = new LinkedHashMap<>(containing);
        found.forEach(r -> all.putIfAbsent(r.id(), r));
        List<EntryFinder.Row> matches = new ArrayList<>();
        List<EntryFinder.Row> weaker = new ArrayList<>();
        for (EntryFinder.Row r : all.values()) (bucket(r) < WEAKER ? matches : weaker).add(r);
        matches.sort(Comparator.comparingInt(this::bucket).thenComparingInt(this::rank)
                .thenComparing(EntryFinder.Row::key));
        weaker.sort(Comparator.comparingInt(r -> weakerRank.getOrDefault(r.id(), Integer.MAX_VALUE)));
        int from = Math.min(matches.size(), (page - 1) * size);
        return new EntryFinder.Result(matches.size(), matches.subList(from, Math.min(matches.size(), from + size)),
                weaker);
    }

    private static final int WEAKER = 4;

    /** 0 the key, 1 in the key, 2 a match of the search, 3 in the text, {@link #WEAKER} a weaker hit. */
    private int bucket(EntryFinder.Row r) {
        String key = r.key().toLowerCase(Locale.ROOT);
        if (key.equals(query) || EntryFinder.baseKey(key).equals(query)) return 0;
        if (key.contains(query)) return 1;
        if (matchRank.containsKey(r.id())) return 2;
        if (containing.containsKey(r.id())) return 3;
        return WEAKER;
    }

    private int rank(EntryFinder.Row r) {
        return matchRank.getOrDefault(r.id(), Integer.MAX_VALUE);
    }
}
