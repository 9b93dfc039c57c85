package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.QueryWhitening;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The knobs of search ranking, given to {@link SearchService#start}; checked when made.
 *
 * @param cascade            whether a query's vector stops at its space's first model when that ranks decisively
 * @param whitenedSpaces     the embedding spaces whose queries are ranked whitened (within-entry covariance
 *                           normalisation, fitted on the library); empty: none
 * @param whiteningShrinkage the weight λ of the isotropic part of that whitening, above 0 and at most 1 (1 leaves
 *                           queries as they are)
 */
public record SearchSettings(QueryCascade cascade, Set<Space> whitenedSpaces, double whiteningShrinkage) {

    /** The defaults, as declared (with the reasons for them) in {@link ServerConfig}. */
    public static final SearchSettings DEFAULTS = new SearchSettings(
            cascade(ServerConfig.EMBEDDING_CASCADE.defaultValue()),
            spaces(ServerConfig.SEARCH_WHITENED_SPACES.defaultValue()),
            ServerConfig.SEARCH_WHITENING_SHRINKAGE.defaultValue());

    /** An embedding space: {@code ZH} for Chinese entries and queries, {@code EN} for every other language. */
    public enum Space { ZH, EN }

    public SearchSettings {
        java.util.Objects.requireNonNull(cascade, "cascade");
        whitenedSpaces = Set.copyOf(whitenedSpaces);
        if (!(whiteningShrinkage > 0 && whiteningShrinkage <= 1)) {
            throw new IllegalArgumentException("whiteningShrinkage must be above 0 and at most 1, not "
                    + whiteningShrinkage);
        }
    }

    /** The settings a server was configured with. */
    public static SearchSettings of(ServerConfig config) {
        return new SearchSettings(cascade(config.get(ServerConfig.EMBEDDING_CASCADE)),
                spaces(config.get(ServerConfig.SEARCH_WHITENED_SPACES)),
                config.get(ServerConfig.SEARCH_WHITENING_SHRINKAGE));
    }

    private static QueryCascade cascade(boolean on) {
        return on ? QueryCascade.ON : QueryCascade.OFF;
    }

    private static Set<Space> spaces(Set<String> ids) {
        Set<Space> spaces = EnumSet.noneOf(Space.class);
        for (String id : ids) spaces.add(Space.valueOf(id.toUpperCase(Locale.ROOT)));
        return spaces;
    }

    /** The whitening the index fits: the same spaces of the embedding models. */
    QueryWhitening.Settings whitening() {
        Set<Embedders.Space> spaces = EnumSet.noneOf(Embedders.Space.class);
        for (Space s : whitenedSpaces) spaces.add(Embedders.Space.valueOf(s.name()));
        return new QueryWhitening.Settings(spaces, whiteningShrinkage);
    }
}
