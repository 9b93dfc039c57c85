package com.replybook.kb.search;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compilers have been between two looks: their compile time (summed over the compiler threads) per
 * second of wall time. The start-up replay ends once this stays low ({@link SearchWarmUp}): the JIT has then compiled
 * what the searches need, and replaying longer would only hold up the start. Not thread-safe: one caller looks.
 */
final class JitActivity {

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private long lastCompileMs;
    private long lastNanos;

    private JitActivity() {
        lastCompileMs = jit.getTotalCompilationTime();
        lastNanos = System.nanoTime();
    }

    /** Starts looking now; null when this JVM does not time its compilations (then the replay runs its budget). */
    static JitActivity start() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? new JitActivity() : null;
    }

    /** Compile seconds per wall second since the last look (or the start), e.g. 1.4 while three compilers work. */
    double busySinceLastLook() {
        long compileMs = jit.getTotalCompilationTime();
        long now = System.nanoTime();
        double busy = (compileMs - lastCompileMs) / Math.max(1e-3, (now - lastNanos) / 1e6);
        lastCompileMs = compileMs;
        lastNanos = now;
        return busy;
    }
}
