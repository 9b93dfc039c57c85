package com.replybook.kb.search.analysis;

import org.apache.lucene.analysis.Analyzer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain synonyms in force, per locale, applied at query time to every search (a search without a locale
 * spans all locales, and rules such as {@code 退款, refund} cross languages anyway).
 *
 * <p>Rules use the Solr format, one per line: {@code 快递, 物流, 包裹} (equivalent) or {@code 快件 => 快递}
 * (one-way); {@code #} starts a comment. Chinese terms match as substrings of the folded query (traditional →
 * simplified, full-width → half-width), so they do not depend on word segmentation: 貨件卡住 expands 卡住 even
 * when the segmenter splits it differently. Latin terms match as whole words after stemming (refunds ~ refund).
 *
 * <p>A shop may keep its own rules for a locale (issue 20), kept under the key {@code <locale>/<shop>}
 * ({@code zh-CN/tmall-flagship}); a search in that shop uses them instead of the locale's, and the locale's for every
 * locale it keeps none for. Thread-safe: {@link #replace} swaps an immutable snapshot.
 */
public final class Synonyms {

    static final int MAX_EXPANSIONS = 16;
    private static final Analyzer WORDS = SearchAnalyzers.words();

    private volatile Snapshot current;

    /** One rule: when any of {@code from} is in the query, all of {@code to} are added. */
    record Rule(List<Term> from, List<Term> to, boolean oneWay) {
    }

    /** A normalised term: folded text, and its stemmed words when it is Latin script (else null). */
    record Term(String text, List<String> words) {
    }

    /** A one-way rule's source term (CJK: anywhere; Latin: a whole word) and its first target. */
    private record Rewrite(Pattern source, String target) {
    }

    /** The rules one search applies, compiled. */
    private record Compiled(List<Rule> rules, List<Rewrite> rewrites) {
    }

    /** What is in force: every key's rules, the locales' compiled, and each shop's compiled when first searched. */
    private record Snapshot(Map<String, String> rulesByLocale, Compiled base, Map<String, Compiled> byShop) {

        Compiled of(String shop) {
            return shop == null || rulesByLocale.keySet().stream().noneMatch(k -> k.endsWith("/" + shop)) ? base
                    : byShop.computeIfAbsent(shop, s -> compile(inShop(rulesByLocale, s)));
        }
    }

    public Synonyms(Map<String, String> rulesByLocale) {
        this.current = build(new TreeMap<>(rulesByLocale));
    }

    public static Synonyms none() {
        return new Synonyms(Map.of());
    }

    /** The rules in force, as an opaque value that changes (by identity) with every {@link #replace}. */
    public Object version() {
        return current;
    }

    String rules(String locale) {
        return current.rulesByLocale.getOrDefault(locale, "");
    }

    /** Checks {@code rules}, throwing {@link IllegalArgumentException} naming the bad line. */
    public void validate(String rules) {
        parse(rules);
    }

    /** Puts {@code rules} in force for {@code locale}; the next query uses them. */
    public synchronized void replace(String locale, String rules) {
        Map<String, String> next = new TreeMap<>(current.rulesByLocale);
        next.put(locale, rules);
        current = build(next);
    }

    /** Puts exactly {@code rulesByLocale} in force (as stored, e.g. after another node changed them). */
    public void replaceAll(Map<String, String> rulesByLocale) {
        current = build(new TreeMap<>(rulesByLocale));
    }

    /** The synonym texts to add for {@code query}, e.g. {@code 快递到哪了} → {@code [物流, 包裹, …]}. */
    public List<String> expansions(String query) {
        return expansions(query, null);
    }

    /** {@link #expansions(String)} by the rules of {@code shop} (its own where it keeps some; null for none). */
    public List<String> expansions(String query, String shop) {
        String folded = normalize(query);
        List<String> words = null;
        Set<String> out = new LinkedHashSet<>();
        for (Rule rule : current.of(shop).rules) {
            for (Term t : rule.from) {
                boolean hit;
                if (t.words == null) {
                    hit = folded.contains(t.text);
                } else {
                    if (words == null) words = List.copyOf(SearchAnalyzers.analyze(WORDS, folded).sequence());
                    hit = !t.words.isEmpty() && Collections.indexOfSubList(words, t.words) >= 0;
                }
                if (hit) {
                    for (Term to : rule.to) if (to != t) out.add(to.text);
                    break;
                }
            }
            if (out.size() >= MAX_EXPANSIONS) break;
        }
        return List.copyOf(out).subList(0, Math.min(out.size(), MAX_EXPANSIONS));
    }

    /**
     * {@code query} with each one-way rule's source replaced by its first target ({@code tk到哪了} →
     * {@code 退款到哪了}), folded, for the embedding models: they do not know shop shorthand, and a query that
     * becomes Chinese is embedded in the Chinese space. Unchanged (as typed) when no one-way rule applies.
     */
    public String rewrite(String query) {
        return rewrite(query, null);
    }

    /** {@link #rewrite(String)} by the rules of {@code shop} (its own where it keeps some; null for none). */
    public String rewrite(String query, String shop) {
        String folded = normalize(query);
        String out = folded;
        for (Rewrite r : current.of(shop).rewrites) out = r.source.matcher(out).replaceAll(Matcher.quoteReplacement(r.target));
        return out.equals(folded) ? query : out;
    }

    private static Snapshot build(Map<String, String> rulesByLocale) {
        Map<String, String> locales = new TreeMap<>(rulesByLocale);
        locales.keySet().removeIf(k -> k.contains("/"));
        return new Snapshot(Map.copyOf(rulesByLocale), compile(locales.values()), new ConcurrentHashMap<>());
    }

    /** The texts a search in {@code shop} applies: per locale, the shop's own where it keeps some, else the locale's. */
    private static List<String> inShop(Map<String, String> rulesByLocale, String shop) {
        Map<String, String> texts = new TreeMap<>();
        rulesByLocale.forEach((key, text) -> {
            int slash = key.indexOf('/');
            if (slash < 0) texts.putIfAbsent(key, text); // the locale's, unless the shop's came first
            else if (key.substring(slash + 1).equals(shop)) texts.put(key.substring(0, slash), text);
        });
        return List.copyOf(texts.values());
    }

    private static Compiled compile(java.util.Collection<String> texts) {
        List<Rule> rules = new ArrayList<>();
        for (String text : texts) rules.addAll(parse(text));
        List<Rewrite> rewrites = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.oneWay) continue;
            for (Term t : rule.from) {
                String source = t.words == null ? Pattern.quote(t.text)
                        : "(?<![\\p{IsLatin}\\p{Nd}])" + Pattern.quote(t.text) + "(?![\\p{IsLatin}\\p{Nd}])";
                rewrites.add(new Rewrite(Pattern.compile(source), rule.to.get(0).text));
            }
        }
        return new Compiled(List.copyOf(rules), List.copyOf(rewrites));
    }

    static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] sides = line.split("=>", -1);
            if (sides.length > 2) throw new SynonymError.Rule(SynonymError.TWO_ARROWS, i + 1);
            List<Term> left = terms(sides[0], i);
            List<Term> right = sides.length == 2 ? terms(sides[1], i) : left;
            if (sides.length == 1 && left.size() < 2) throw new SynonymError.Rule(SynonymError.ONE_TERM, i + 1);
            rules.add(new Rule(left, right, sides.length == 2));
        }
        return rules;
    }

    private static List<Term> terms(String side, int line) {
        List<Term> terms = new ArrayList<>();
        for (String raw : side.split("[,，]")) {
            String t = normalize(raw).strip();
            if (t.isEmpty()) throw new SynonymError.Rule(SynonymError.EMPTY_TERM, line + 1);
            if (t.codePoints().anyMatch(SearchAnalyzers::isCjk)) {
                terms.add(new Term(t, null));
            } else {
                List<String> words = List.copyOf(SearchAnalyzers.analyze(WORDS, t).sequence());
                if (words.isEmpty()) throw new SynonymError.Rule(SynonymError.STOP_WORDS, line + 1, raw.strip());
                terms.add(new Term(t, words));
            }
        }
        return terms;
    }

    /** Full-width → half-width, lower case, traditional → simplified: the index's folding, on plain strings. */
    static String normalize(String s) {
        return SimplifiedChineseCharFilter.fold(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }
}
