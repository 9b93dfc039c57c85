package com.replybook.kb.search.ranking;

import com.replybook.kb.search.index.SearchFields;

import java.util.Map;

/**
 * How much each signal counts in the lexical score. The defaults were tuned on the dev sets
 * ({@code docs/search-quality.md}); {@code problem} and {@code questions} weigh most, then {@code cause}, then
 * {@code script} and {@code actions}.
 *
 * @param fields      field → boost of its bigram and word clauses
 * @param wordsFactor multiplier of the ICU word clauses relative to the bigram ones
 * @param phrase      boost of the whole query matched as a phrase in one similar question (or the problem)
 * @param fuzzy       boost of typo-tolerant matches (in the word fields) of English words the index does not contain
 * @param synonym     boost of synonym expansions in the bigram fields
 */
public record RankingWeights(Map<String, Float> fields, float wordsFactor, float phrase, float fuzzy, float synonym) {

    public static final RankingWeights DEFAULT = new RankingWeights(Map.of(
            SearchFields.PROBLEM, 3f, SearchFields.QUESTIONS, 3f, SearchFields.CAUSE, 1.5f,
            SearchFields.SCRIPT, 0.7f, SearchFields.ACTIONS, 0.7f), 1f, 2f, 1.6f, 0.6f);

    /**
     * The defaults with overrides from system properties, for tuning runs of the evaluation command only, e.g.
     * {@code -Dsearch.weight.problem=2 -Dsearch.weight.words=0.5 -Dsearch.weight.phrase=3}.
     */
    public static RankingWeights fromSystemProperties() {
        java.util.Map<String, Float> fields = new java.util.HashMap<>(DEFAULT.fields);
        fields.replaceAll((k, v) -> Float.parseFloat(System.getProperty("search.weight." + k, v.toString())));
        return new RankingWeights(fields, prop("words", DEFAULT.wordsFactor), prop("phrase", DEFAULT.phrase),
                prop("fuzzy", DEFAULT.fuzzy), prop("synonym", DEFAULT.synonym));
    }

    private static float prop(String name, float def) {
        return Float.parseFloat(System.getProperty("search.weight." + name, Float.toString(def)));
    }

    public float field(String name) {
        return fields.getOrDefault(name, 0f);
    }
}
