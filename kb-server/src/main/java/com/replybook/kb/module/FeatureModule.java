package com.replybook.kb.module;

import com.replybook.kb.console.NavCounts;
import com.replybook.kb.console.Page;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;
import jakarta.servlet.http.HttpServlet;

import java.util.Map;

/**
 * What one feature contributes to the running application: its API routes, its console pages, any other
 * servlet it serves, whether it is ready, and what it must release at shutdown. Each feature package has one
 * module; the composition root builds them in dependency order and mounts what they contribute.
 *
 * <pre>{@code
 * public final class EventsModule implements FeatureModule {
 *     public void api(Router<ApiCall> api) {
 *         api.post("/api/v1/events", this::record).get("/api/v1/events", this::find);
 *     }
 * }
 * }</pre>
 */
public interface FeatureModule extends AutoCloseable {

    /** Adds the feature's routes under {@code /api/v1/}. */
    default void api(Router<ApiCall> api) {
    }

    /** Adds the feature's pages under {@code /console/} (paths relative to it, e.g. {@code /cases/{id}}). */
    default void console(Router<Page> console) {
    }

    /** What waits for a user in this feature, shown beside the console's navigation links. */
    default NavCounts navCounts() {
        return NavCounts.NONE;
    }

    /** Other servlets by mapping, e.g. {@code "/plugin/*"} for static files. */
    default Map<String, HttpServlet> servlets() {
        return Map.of();
    }

    /** False while the feature is still warming up (e.g. an index being built); health answers 503 until all are. */
    default boolean ready() {
        return true;
    }

    /** Releases threads, files and connections; called once, in the reverse order of construction. */
    @Override
    default void close() throws Exception {
    }
}
