package com.replybook.kb.metrics;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.Router;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import java.util.Map;

/**
 * The metrics feature: binds the JVM's meters (memory pools, GC pauses, threads, classes, CPU, uptime) to the
 * registry every feature records into, serves {@code GET /metrics} (Prometheus text, bearer {@code --metrics-token};
 * outside {@code /api/}, so API tokens neither grant nor need it) and times every API and console request by the
 * template of the route it matched and its status.
 */
public final class MetricsModule implements FeatureModule {

    /** Where the exposition is served, outside the API's authentication. */
    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;
    private final String token;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** @param registry the registry {@code platform.metrics()} records into */
    public MetricsModule(Platform platform, PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.token = platform.config().metricsToken();
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public Map<String, HttpServlet> servlets() {
        return Map.of(PATH, new MetricsServlet(registry, token));
    }

    /** The filter that times requests to {@code /api/*} and {@code /console/*}; mount it before authentication. */
    public Filter requestFilter(Router<?> api, Router<?> console) {
        return new RequestMetrics(registry, api, console);
    }

    @Override
    public void close() {
        gc.close();
    }
}
