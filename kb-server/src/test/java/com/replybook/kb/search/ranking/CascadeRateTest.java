package com.replybook.kb.search.ranking;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CascadeRateTest {

    @Test
    void everyTextTriesTheFirstStageWhileEnoughOfThemStand() {
        CascadeRate rate = new CascadeRate();
        for (int i = 0; i < 500; i++) {
            assertTrue(rate.tryFirstStage());
            rate.record(i % 2 == 0); // half stand
        }
        assertEquals(0.5, rate.rate(), 0.05);
    }

    @Test
    void whenFewStandOnlyOneTextInSixteenStillTriesAndARecoveryIsNoticed() {
        CascadeRate rate = new CascadeRate();
        for (int i = 0; i < 200; i++) rate.record(false);
        assertTrue(rate.rate() < CascadeRate.MIN_RATE);
        long tries = IntStream.range(0, 160).filter(i -> rate.tryFirstStage()).count();
        assertEquals(160 / CascadeRate.PROBE_EVERY, tries);

        // The library changed: the probes stand again, and soon every text tries the first stage.
        int probes = 0;
        while (rate.rate() < CascadeRate.MIN_RATE && probes < 1000) {
            rate.record(true);
            probes++;
        }
        assertTrue(probes < 100, "recovered after " + probes + " probes");
        assertTrue(rate.tryFirstStage());
    }
}
