package com.replybook.kb.search;

import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.QueryWhitening;

import java.util.EnumSet;
import java.util.Set;

/**
 * The knobs of search ranking, given to {@link SearchService#start}; checked when made.
 *
 * @param whitenedSpaces     the embedding spaces whose queries are ranked whitened (within-entry covariance
 *                           normalisation, fitted on the library); empty: none
 * @param whiteningShrinkage the weight λ of the isotropic part of that whitening, above 0 and at most 1 (1 leaves
 *                           queries as they are)
 */
public record SearchSettings(Set<Space> whitenedSpaces, double whiteningShrinkage) {

    /**
     * The defaults, tuned on the dev sets (docs/search-quality.md). Only English queries are whitened: it gained on
     * both English sets (with MiniLM, and with MiniLM + bge-small-en) and cost zh-shop R@1 with bge-small-zh.
     * λ 0.95: 0.9 suited MiniLM alone, 0.95 MiniLM + bge-small-en (768 dimensions), chosen alike on either half of
     * the sets.
     */
    public static final SearchSettings DEFAULTS = new SearchSettings(Set.of(Space.EN), 0.95);

    /** An embedding space: {@code ZH} for Chinese entries and queries, {@code EN} for every other language. */
    public enum Space { ZH, EN }

    public SearchSettings {
        whitenedSpaces = Set.copyOf(whitenedSpaces);
        if (!(whiteningShrinkage > 0 && whiteningShrinkage <= 1)) {
            throw new IllegalArgumentException("whiteningShrinkage must be above 0 and at most 1, not "
                    + whiteningShrinkage);
        }
    }

    /** The whitening the index fits: the same spaces of the embedding models. */
    QueryWhitening.Settings whitening() {
        Set<Embedders.Space> spaces = EnumSet.noneOf(Embedders.Space.class);
        for (Space s : whitenedSpaces) spaces.add(Embedders.Space.valueOf(s.name()));
        return new QueryWhitening.Settings(spaces, whiteningShrinkage);
    }
}
