package com.replybook.kb.render;

import java.time.Duration;

/**
 * A render could not start in time: every worker is busy (API: 503), or the caller already has their share of the
 * workers in use ({@link #callersShare()}; API: 429). Either way {@link #retryAfter()} says when to try again.
 */
public final class RendererBusyException extends RuntimeException {

    private final boolean callersShare;
    private final Duration retryAfter;

    RendererBusyException(Throwable cause) {
        super("All render workers are busy; retry shortly.", cause);
        this.callersShare = false;
        this.retryAfter = Duration.ofSeconds(1);
    }

    private RendererBusyException(Duration retryAfter) {
        super("You have too many renders in progress; wait for them to finish, then retry.");
        this.callersShare = true;
        this.retryAfter = retryAfter;
    }

    static RendererBusyException ofCaller(Duration retryAfter) {
        return new RendererBusyException(retryAfter);
    }

    /** True when the caller's own renders fill their share, rather than everyone's filling the workers. */
    public boolean callersShare() {
        return callersShare;
    }

    /** When to try again, at least a second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }
}
