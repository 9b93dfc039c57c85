package com.replybook.kb.search.ranking;

/**
 * Whether a never-seen query's vector may stop at the first model of its space. The English space concatenates
 * MiniLM and bge-small-en, and bge-small-en costs twice what MiniLM does; when MiniLM's ranking already backs the
 * lexical one's first hit, the second model seldom changes the ranking (docs/search-quality.md: on the dev sets
 * within 0.001 MRR@10, R@1 of SOFMattress unchanged), so it runs only for the other queries. Backs: the lexical first
 * hit is first once fused, and MiniLM scores it at most {@link #MAX_SHORTFALL} below the entry it scores best, so
 * that in a library of near-twins (one version of an entry per shop, say) a twin's slightly higher dense score does
 * not count as a disagreement. A space of one model (Chinese) is always complete after its first stage.
 */
public enum QueryCascade {
    /** Every query embedded by every model of its space. */
    OFF,
    /** The second model runs only when the first stage is not {@linkplain #decisive decisive}. */
    ON,
    /** Every query vector stops at its space's first model: to measure that stage alone. */
    FIRST_ONLY;

    /**
     * How far below the best dense score the lexical first hit's may be, on the scale of the candidates' dense scores
     * (cosines, whitened in the English space). On either half of the English dev sets anything up to 0.15 ranks
     * exactly as requiring the very same entry first; 0.2 starts to cost Bitext (docs/search-quality.md).
     */
    public static final double MAX_SHORTFALL = 0.1;

    /**
     * What the first stage saw: whether the lexical first hit is first once fused, how far its dense score falls
     * short of the best one (NaN when there is no lexical hit or it has no dense score), the fused first hit's lead
     * over the second and the first model's cosine to it.
     */
    public record Signals(boolean lexicalFirstLeads, double shortfall, double margin, double cosine) {
    }

    /** Whether the first stage's ranking stands. */
    public boolean decisive(Signals s) {
        return switch (this) {
            case OFF -> false;
            case ON -> s.lexicalFirstLeads() && s.shortfall() <= MAX_SHORTFALL;
            case FIRST_ONLY -> true;
        };
    }

    /** Whether the first stage may stand at all (else the vector is completed before anything is ranked). */
    public boolean enabled() {
        return this != OFF;
    }
}
