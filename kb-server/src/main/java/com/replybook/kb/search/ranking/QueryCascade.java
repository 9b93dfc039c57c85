package com.replybook.kb.search.ranking;

/**
 * Whether a never-seen query's vector may stop at the first model of its space. The English space concatenates
 * MiniLM and bge-small-en, and bge-small-en costs twice what MiniLM does; when MiniLM's ranking already agrees with
 * the lexical one on the first hit, the second model seldom changes the ranking (docs/search-quality.md: on the dev
 * sets within 0.001 MRR@10, R@1 of SOFMattress unchanged), so it runs only for the queries where they disagree.
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
     * What the first stage saw: whether the lexical and the dense ranking put the same entry first (and it stayed
     * first once fused), its lead in the fused list and the first model's cosine to it.
     */
    public record Signals(boolean agree, double margin, double cosine) {
    }

    /** Whether the first stage's ranking stands. */
    public boolean decisive(Signals s) {
        return switch (this) {
            case OFF -> false;
            case ON -> s.agree();
            case FIRST_ONLY -> true;
        };
    }

    /** Whether the first stage may stand at all (else the vector is completed before anything is ranked). */
    public boolean enabled() {
        return this != OFF;
    }
}
