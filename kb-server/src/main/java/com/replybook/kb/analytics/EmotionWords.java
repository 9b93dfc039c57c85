package com.replybook.kb.analytics;

import com.replybook.kb.search.CustomerTextListener;
import com.replybook.kb.vocabulary.Emotion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers' emotion words: hears the customer's texts of every ticket search ({@link CustomerTextListener}),
 * counts the lexicon's words in them ({@link EmotionWordCounter}) and adds the counts to today's; the texts
 * themselves are dropped at once. A message heard again (the panel opened twice on a ticket, a message still
 * among the last five) counts once: the digests of the last {@value #REMEMBERED} messages are remembered, in
 * memory only. Counts older than the retention setting are deleted once a day. Thread-safe.
 */
final class EmotionWords implements CustomerTextListener {

    static final int REMEMBERED = 50_000;

    /** A word of the cloud. */
    record Word(String word, long count, Emotion emotion) {
    }

    private final EmotionWordCounter counter;
    private final EmotionWordStore store;
    private final Clock clock;
    private final int retentionDays;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long purgedOn = Long.MIN_VALUE;

    EmotionWords(EmotionWordCounter counter, EmotionWordStore store, Clock clock, int retentionDays) {
        this.counter = counter;
        this.store = store;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Override
    public void heard(List<String> texts) {
        heard(texts, null);
    }

    /** Counts the words of {@code texts} for every shop's figures and, when it is not null, for {@code shop}'s. */
    @Override
    public void heard(List<String> texts, String shop) {
        Map<EmotionLexicon.Word, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            if (text != null && !text.isBlank() && firstTime(text)) {
                counter.count(text).forEach((w, n) -> counts.merge(w, n, Integer::sum));
            }
        }
        long today = today();
        store.add(today, counts, shop);
        purge(today);
    }

    /**
     * The most frequent words from {@code fromDay} on; {@code lang} {@code zh}, {@code en} or null for both;
     * Chinese words in traditional characters for a {@code traditionalReader}; of {@code shops}' tickets only, unless
     * that is null (every ticket).
     */
    List<Word> top(long fromDay, String lang, boolean traditionalReader, int limit, List<String> shops) {
        return store.top(fromDay, lang, limit, shops).stream().map(t -> new Word(shown(t.word(), traditionalReader), t.count(),
                t.emotion())).toList();
    }

    /** Deletes what is older than the retention, at most once a day. */
    synchronized void purge(long today) {
        if (purgedOn == today) return;
        purgedOn = today;
        store.deleteBefore(today - retentionDays + 1);
    }

    long today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
    }

    private String shown(String word, boolean traditionalReader) {
        return counter.lexicon().find(word).map(w -> w.shown(traditionalReader)).orElse(word);
    }

    private boolean firstTime(String text) {
        String digest = digest(text.strip());
        synchronized (seen) {
            return seen.put(digest, Boolean.TRUE) == null;
        }
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
