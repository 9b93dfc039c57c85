package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryChange;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.entries.EntryStatus;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The generated corpus as {@link Entry} records and as an in-memory {@link EntryFeed} for in-process benchmarks. */
public final class BenchEntries {

    private BenchEntries() {
    }

    public static List<Entry> generate(int size, Path evalDir) {
        Instant now = Instant.now();
        List<Entry> out = new ArrayList<>(size);
        for (ObjectNode n : BenchCorpus.generate(size, 42, evalDir)) out.add(entry(n, now));
        return out;
    }

    /** The shared evaluation sets: {@code $EVAL_DIR}, default {@code ../shared/eval} (forked JMH runs inherit it). */
    public static Path evalDir() {
        String dir = System.getenv("EVAL_DIR");
        return Path.of(dir == null || dir.isBlank() ? "../shared/eval" : dir);
    }

    /** Labelled query texts of every set (the in-process benchmarks rotate through them). */
    public static List<String> queries(Path evalDir) {
        return QuerySet.texts(QuerySet.all(evalDir));
    }

    /** What agents type into type-ahead: see {@link WrkQueries#prefixes}. */
    public static List<String> prefixes(Path evalDir) {
        return WrkQueries.prefixes(queries(evalDir));
    }

    /** A feed of a fixed list: a rebuild streams it; there is no change log. */
    public static EntryFeed feed(List<Entry> entries) {
        return new EntryFeed() {
            public void forEachEntry(Consumer<Entry> sink) {
                entries.forEach(sink);
            }

            public List<EntryChange> changesSince(long afterSeq, int limit) {
                return List.of();
            }

            public Optional<Entry> find(String id) {
                return entries.stream().filter(e -> e.id().equals(id)).findFirst();
            }

            public void addListener(Consumer<EntryChange> listener) {
            }
        };
    }

    private static Entry entry(JsonNode n, Instant now) {
        String key = n.get("key").asText();
        return new Entry(key, key, n.get("locale").asText(), n.get("category").asText(), strings(n.path("tags")),
                n.get("problem").asText(), strings(n.path("questions")), n.path("cause").asText(""),
                n.get("script").asText(), n.path("smsScript").asText(""), n.path("reviewScript").asText(""),
                strings(n.path("diagnostics")),
                strings(n.path("actions")),
                EntryStatus.fromWire(n.get("status").asText()), n.path("owner").asText(null),
                n.path("verifyEveryDays").asInt(Entry.DEFAULT_VERIFY_EVERY_DAYS), now, 1, now, "bench", now, "bench");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }
}
