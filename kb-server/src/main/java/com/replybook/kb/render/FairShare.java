package com.replybook.kb.render;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Each caller's share of the render workers, so that one user's slow renders (a script looping until the time
 * limit, again and again) cannot take every worker from everyone else. A caller runs at most
 * {@code runningPerCaller} renders at once (half the workers: with two, one is always left for the others) and waits
 * for one of them with at most {@code waitingPerCaller} more; beyond that, or after waiting the render time limit, the
 * render is refused as {@link RendererBusyException#callersShare() the caller's own excess} (API: 429 with
 * {@code Retry-After}). Thread-safe.
 */
final class FairShare {

    private final int runningPerCaller;
    private final int waitingPerCaller;
    private final Map<String, Share> shares = new ConcurrentHashMap<>();

    FairShare(int workers, int waitingPerCaller) {
        this.runningPerCaller = Math.max(1, workers / 2);
        this.waitingPerCaller = waitingPerCaller;
    }

    /** One caller's renders: those running hold a permit; {@code inFlight} counts them and those waiting. */
    private static final class Share {
        final Semaphore running;
        int inFlight;

        Share(int permits) {
            running = new Semaphore(permits, true);
        }
    }

    /** Runs {@code work} as one of {@code caller}'s renders, waiting at most {@code maxWait} for a slot. */
    <T> T run(String caller, Duration maxWait, Callable<T> work) throws Exception {
        Share share = enter(caller);
        try {
            if (!share.running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw RendererBusyException.ofCaller(maxWait);
            }
            try {
                return work.call();
            } finally {
                share.running.release();
            }
        } finally {
            leave(caller);
        }
    }

    private Share enter(String caller) {
        boolean[] refused = {false};
        Share share = shares.compute(caller, (k, s) -> {
            Share current = s == null ? new Share(runningPerCaller) : s;
            if (current.inFlight >= runningPerCaller + waitingPerCaller) refused[0] = true;
            else current.inFlight++;
            return current;
        });
        if (refused[0]) throw RendererBusyException.ofCaller(Duration.ofSeconds(1));
        return share;
    }

    private void leave(String caller) {
        shares.computeIfPresent(caller, (k, s) -> --s.inFlight == 0 ? null : s);
    }
}
