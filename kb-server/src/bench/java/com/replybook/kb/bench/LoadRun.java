package com.replybook.kb.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code threads} workers each run their own client for a fixed duration, rotating through
 * {@code n} inputs, and every call's latency is kept. Used where wrk can't go (JDBC) and for like-for-like runs.
 */
final class LoadRun {

    /** One worker's client; {@link #call} runs input {@code i} once. Not shared between threads. */
    interface Client extends AutoCloseable {
        void call(int i) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open() throws Exception;
    }

    /** Calls per second and latency percentiles in milliseconds. */
    record Result(long calls, long errors, double seconds, double p50, double p90, double p99, double max) {
        double perSecond() {
            return calls / seconds;
        }

        @Override
        public String toString() {
            return String.format("%8.0f/s  p50 %6.2f ms  p90 %6.2f ms  p99 %7.2f ms  max %7.1f ms  (%d calls, %d errors)",
                    perSecond(), p50, p90, p99, max, calls, errors);
        }
    }

    static Result run(ClientFactory factory, int n, int threads, double seconds) throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Client c = factory.open()) {
                    for (int k = 0, i = id * 7919; System.nanoTime() < end && k < mine.length; k++, i++) {
                        long t0 = System.nanoTime();
                        try {
                            c.call(Math.floorMod(i, n));
                        } catch (Exception e) {
                            if (errors.getAndIncrement() == 0) e.printStackTrace();
                        }
                        mine[k] = System.nanoTime() - t0;
                        counts[id] = k + 1;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long start = System.nanoTime();
        for (Thread w : workers) w.join();
        double took = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return summarise(latencies, counts, errors.get(), took);
    }

    private static Result summarise(List<long[]> latencies, int[] counts, long errors, double seconds) {
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(latencies.get(t), 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        return new Result(total, errors, seconds, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return 0;
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }
}
