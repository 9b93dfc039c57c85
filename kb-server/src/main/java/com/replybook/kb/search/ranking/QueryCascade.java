package com.replybook.kb.search.ranking;

/**
 * Whether a never-seen query's vector may stop at the first model of its space. The English space concatenates
 * MiniLM and bge-small-en, and bge-small-en costs twice what MiniLM does; when MiniLM's ranking already backs the
 * lexical one's first hit, the second model seldom changes the ranking (docs/search-quality.md: on the dev sets
 * within 0.001 MRR@10, R@1 of SOFMattress unchanged), so it runs only for the other queries. Backs: the entry MiniLM
 * scores best is the lexical first hit, ties included, or one the library holds as its twin (centroids at a cosine
 * of at least {@link #TWINS}: one version of an entry per shop, say), so that twins do not count as a disagreement.
 * A space of one model (Chinese) is always complete after its first stage.
 */
public enum QueryCascade {
    /** Every query embedded by every model of its space. */
    OFF,
    /** The second model runs only when the first stage is not {@linkplain #decisive decisive}. */
    ON,
    /** Every query vector stops at its space's first model: to measure that stage alone. */
    FIRST_ONLY;

    /**
     * Two entries whose centroids (both models' parts) are at least this alike are one answer phrased twice. The
     * closest two distinct intents of the English dev sets are at 0.885 (Bitext); at 0.9 and above the cascade ranks
     * both sets exactly as requiring the very same entry, at 0.88 it starts to move them (docs/search-quality.md).
     */
    public static final double TWINS = 0.95;

    /**
     * What the first stage saw: how far the lexical first hit's dense score falls short of the best one, relative to
     * the best (0: it is the best; NaN when there is no lexical hit, it has no dense score or the best is not above 0:
     * the vector is then completed); the cosine between those two entries' centroids (1 when they are one entry); and
     * the fused first hit's lead over the second (for the evaluation's probe).
     */
    public record Signals(double shortfall, double twins, double margin) {
    }

    /** Whether the first stage's ranking stands. */
    public boolean decisive(Signals s) {
        return switch (this) {
            case OFF -> false;
            // Even a shortfall of 1 % costs the dev sets (docs/search-quality.md): no tolerance but ties and twins.
            case ON -> s.shortfall() <= 0 || s.twins() >= TWINS;
            case FIRST_ONLY -> true;
        };
    }

    /** Whether the first stage may stand at all (else the vector is completed before anything is ranked). */
    public boolean enabled() {
        return this != OFF;
    }
}
