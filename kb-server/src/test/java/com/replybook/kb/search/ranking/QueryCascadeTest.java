package com.replybook.kb.search.ranking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the first stage of a query's vector stands (the rule; the figures behind it are in docs/search-quality.md). */
class QueryCascadeTest {

    private static QueryCascade.Signals signals(double shortfall, double twins) {
        return new QueryCascade.Signals(shortfall, twins, 0.1);
    }

    @Test
    void theFirstStageStandsWhenMiniLmsBestIsTheLexicalFirstHitOrItsTwin() {
        assertTrue(QueryCascade.ON.decisive(signals(0, 1)), "the same entry");
        assertTrue(QueryCascade.ON.decisive(signals(0, 0.6)), "a tie with another entry counts");
        assertTrue(QueryCascade.ON.decisive(signals(0.04, QueryCascade.TWINS)), "a twin the library holds as one answer");
        assertFalse(QueryCascade.ON.decisive(signals(0.01, QueryCascade.TWINS - 0.01)), "a close but distinct intent");
        assertFalse(QueryCascade.ON.decisive(signals(Double.NaN, Double.NaN)), "no lexical hit: no second opinion");
    }

    @Test
    void offNeverStandsAndFirstOnlyAlwaysDoes() {
        assertFalse(QueryCascade.OFF.decisive(signals(0, 1)));
        assertFalse(QueryCascade.OFF.enabled());
        assertTrue(QueryCascade.FIRST_ONLY.decisive(signals(Double.NaN, Double.NaN)));
        assertTrue(QueryCascade.ON.enabled());
    }
}
