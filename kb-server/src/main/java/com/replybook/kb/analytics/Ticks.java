package com.replybook.kb.analytics;

import java.util.ArrayList;
import java.util.List;

/** Round numbers for chart axes: {@code 1, 2, 5 × 10ⁿ}. Pure. */
final class Ticks {

    private Ticks() {
    }

    /** The smallest round number ≥ {@code max} and ≥ 1, e.g. 7 → 10, 23 → 50, 0 → 1. */
    static long niceCeiling(long max) {
        long p = 1;
        while (true) {
            for (long m : new long[]{1, 2, 5}) {
                if (m * p >= max) return Math.max(1, m * p);
            }
            p *= 10;
        }
    }

    /** Up to five evenly spaced whole ticks from 0 to {@code ceiling}, e.g. 10 → [0, 5, 10], 50 → [0, 10, … 50]. */
    static List<Long> of(long ceiling) {
        long step = ceiling <= 5 ? 1 : niceCeiling(ceiling / 5);
        while (ceiling / step > 5) step = niceCeiling(step + 1);
        List<Long> out = new ArrayList<>();
        for (long v = 0; v <= ceiling; v += step) out.add(v);
        return out;
    }

    /** One decimal is enough for a view box 400 units wide. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
