package com.replybook.kb.search.ranking;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How often a searcher's cascade first stages stand, so that a library where they seldom do stops paying for them.
 * A first stage that stands saves the second model (~4 ms of CPU for English); one that does not costs a ranking pass
 * for nothing (0.3–2 ms, more in a larger library). In a library of variants rather than distinct entries (the
 * performance suite's generated corpora) most do not stand (docs/performance.md): below {@link #MIN_RATE}, only one
 * never-seen text in {@link #PROBE_EVERY} still tries the first stage, which keeps the rate up to date as the
 * library changes. The rate is an exponentially weighted average over about the last {@code 1 / WEIGHT} first stages,
 * starting at 1. Thread-safe.
 */
public final class CascadeRate {

    /** Below this share of first stages standing, they cost more than they save. */
    static final double MIN_RATE = 0.25;
    /** While below, one never-seen text in this many still tries the first stage. */
    static final int PROBE_EVERY = 16;
    private static final double WEIGHT = 0.02;

    private final AtomicLong rate = new AtomicLong(Double.doubleToLongBits(1));
    private final AtomicLong asked = new AtomicLong();

    /** Whether the next never-seen text should try the first stage. */
    public boolean tryFirstStage() {
        return rate() >= MIN_RATE || asked.incrementAndGet() % PROBE_EVERY == 0;
    }

    /** Records whether a first stage that ran stood. */
    public void record(boolean stood) {
        rate.updateAndGet(bits -> Double.doubleToLongBits(
                (1 - WEIGHT) * Double.longBitsToDouble(bits) + WEIGHT * (stood ? 1 : 0)));
    }

    /** The current estimate of the share of first stages that stand. */
    public double rate() {
        return Double.longBitsToDouble(rate.get());
    }
}
