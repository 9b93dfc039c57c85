package com.replybook.kb.search;

import com.replybook.kb.search.index.EntryIndex;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The search feature's meters: search latency as a histogram, and the index's state as gauges read at scrape time
 * — its generation, how far it lags behind the change log (other nodes' writes not yet applied here), the entries it
 * holds and the embedding backlog; the search texts embedded, and what the start-up warm-up replayed.
 */
final class SearchMetrics {

    private SearchMetrics() {
    }

    /** {@code replybook_search_seconds{kind}}: buckets from 1 ms to 10 s, for percentiles across nodes. */
    static Timer latency(MeterRegistry registry, String kind) {
        return Timer.builder("replybook.search").description("Time to answer one search, cache hits included")
                .tag("kind", kind).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Registers the index gauges of {@code search}. */
    static void bind(MeterRegistry registry, SearchService search) {
        EntryIndex index = search.index();
        Gauge.builder("replybook.index.generation", index, EntryIndex::generation)
                .description("Refreshes that changed what searches see since start").register(registry);
        Gauge.builder("replybook.index.applied.seq", index, EntryIndex::appliedSeq)
                .description("Last change-log position applied to this node's index").register(registry);
        Gauge.builder("replybook.index.lag", index, EntryIndex::lag)
                .description("Change-log positions written (on any node) but not yet applied to this node's index")
                .register(registry);
        Gauge.builder("replybook.index.ready", index, i -> i.isReady() ? 1 : 0)
                .description("1 once the index reflects the store").register(registry);
        Gauge.builder("replybook.embedding.backlog", search, SearchService::embeddingBacklog)
                .description("Entries waiting for their vectors (ranked by their words alone until then)")
                .register(registry);
        FunctionCounter.builder("replybook.embedding.queries", search, SearchService::embeddedQueries)
                .description("Search texts embedded because no cached vector had them (2-4 ms of CPU each)")
                .register(registry);
        FunctionCounter.builder("replybook.embedding.completions", search, SearchService::completedQueries)
                .description("English search texts also embedded by the second model, the first one's ranking not "
                        + "being decisive (about 4 ms of CPU more each)")
                .register(registry);
    }

    /** Registers what the start-up {@code warmUp} did: its searches and how long it took. */
    static void bind(MeterRegistry registry, SearchWarmUp warmUp) {
        Gauge.builder("replybook.search.warmup.searches", warmUp, SearchWarmUp::searches)
                .description("Searches replayed after the start, before health said ready, to warm up the search path")
                .register(registry);
        Gauge.builder("replybook.search.warmup.over.http", warmUp, w -> w.overHttp() ? 1 : 0)
                .description("1 when the start-up replay searched through the server's own HTTP port (the embedded "
                        + "launcher), 0 when in process (a container, whose port the application does not know)")
                .register(registry);
        TimeGauge.builder("replybook.search.warmup", warmUp, TimeUnit.NANOSECONDS, SearchWarmUp::nanos)
                .description("Time the start-up replay of recent searches took (so far, while it runs)")
                .register(registry);
    }
}
