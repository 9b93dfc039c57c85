package com.replybook.kb.search.index;

import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.semantic.Embedders;

import java.util.List;

/**
 * Every field name of the search index, in one place. Text fields come in two analyses: the plain name is the
 * CJK unigram+bigram field ({@link SearchAnalyzers#bigram()}), the {@value #WORDS} suffix the ICU word field
 * ({@link SearchAnalyzers#words()}).
 */
public final class SearchFields {

    /** Entry id; the update term. */
    public static final String ID = "id";
    public static final String KEY = "key";
    /** Exact BCP 47 tag, e.g. {@code zh-CN}. */
    static final String LOCALE = "locale";
    /** Every prefix path of the category ({@code 物流}, {@code 物流/延误}) for the prefix filter. */
    public static final String CATEGORY_PATH = "category_path";
    public static final String TAG = "tag";
    /** Wire form of the status, e.g. {@code published}. */
    public static final String STATUS = "status";
    /**
     * Locale and status together, e.g. {@code zh-CN|published}: one filter term instead of two for the usual
     * search (one locale, published entries), and the index sort ({@link EntryIndex}), so that a locale's
     * published entries are one run of documents that filters read as dense blocks. A personal entry's scope also
     * names its owner ({@code zh-CN|published|@li.na}): only its owner's searches ask for that run.
     */
    public static final String SCOPE = "scope";
    /**
     * The keys of the shops an entry belongs to, one term each, or {@link #EVERY_SHOP} for an entry of every shop: a
     * search in some shops filters on those keys and {@code *}.
     */
    public static final String SHOP = "shop";
    /** The {@link #SHOP} term of an entry of every shop. */
    public static final String EVERY_SHOP = "*";
    /** Who finds an entry: {@link #TEAM} or {@code @} and the owner of a personal entry ({@link #audience}). */
    public static final String AUDIENCE = "audience";
    /** The {@link #AUDIENCE} term of a team entry. */
    public static final String TEAM = "team";
    /** Entry version; a change older than the indexed one is not applied. */
    static final String VERSION = "version";
    /** What a hit shows of the entry ({@link HitCard}), one binary doc value. */
    static final String HIT = "hit";

    public static final String PROBLEM = "problem";
    public static final String QUESTIONS = "questions";
    public static final String CAUSE = "cause";
    public static final String SCRIPT = "script";
    public static final String ACTIONS = "actions";

    /** Suffix of the ICU word variant of a text field, e.g. {@code problem.w}. */
    public static final String WORDS = ".w";
    /** Edge n-grams of the words of problem and questions, for type-ahead from the first character. */
    public static final String SUGGEST = "suggest";
    /**
     * Dense vectors (hybrid retrieval) are in {@code vector.zh} or {@code vector.en} (centroids) and
     * {@code vector.zh.examples} or {@code vector.en.examples} (packed examples): see {@link Embedders.Space}.
     */

    /** Text fields that also get the ICU word analysis ({@code *.w}); script and actions are long and weigh little. */
    public static final List<String> WORD_FIELDS = List.of("problem", "questions", "cause");

    /**
     * Long text fields that weigh little: indexed with bigrams only ({@link SearchAnalyzers#longText()}), without
     * positions (no phrase is ever matched in them) and not stored (no hit shows them); queries skip their single
     * characters. Half the indexing work of a rebuild is saved this way.
     */
    static final List<String> LONG_FIELDS = List.of(SCRIPT, ACTIONS);
    /** The searched text fields, strongest first. */
    public static final List<String> TEXT = List.of(PROBLEM, QUESTIONS, CAUSE, SCRIPT, ACTIONS);

    private SearchFields() {
    }

    /** The {@link #SCOPE} value of a team entry in {@code locale} with status {@code status} (wire form). */
    public static String scope(String locale, String status) {
        return locale + "|" + status;
    }

    /** The {@link #SCOPE} value of {@code owner}'s personal entry (null owner: a team entry's). */
    public static String scope(String locale, String status, String owner) {
        return owner == null ? scope(locale, status) : scope(locale, status) + "|" + audience(owner);
    }

    /** The {@link #AUDIENCE} term of {@code owner}'s personal entries, e.g. {@code @li.na}; {@link #TEAM} for null. */
    public static String audience(String owner) {
        return owner == null ? TEAM : "@" + owner;
    }

    public static String words(String field) {
        return field + WORDS;
    }
}
