package com.replybook.kb.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Method + path template → handler, for the API and the console alike. Features add their routes while the
 * application starts; after that the router is only read, from any number of threads.
 *
 * <pre>{@code
 * router.get("/api/v1/entries/{ref}", call -> call.json(200, store.find(call.path("ref"))));
 * Router.Found<ApiCall> found = router.find("GET", List.of("api", "v1", "entries", "E1")).found();
 * }</pre>
 *
 * <p>Where several templates match a path, the most specific wins (literal segments before parameters);
 * adding the same method and template twice is a programming error and throws.
 */
public final class Router<C> {

    /** One route as the OpenAPI guard test sees it, e.g. {@code GET /api/v1/entries/{ref}}. */
    public record Route<C>(String method, PathTemplate template, Handler<C> handler) {

        public String operation() {
            return method + " " + template.text();
        }
    }

    /**
     * The request attribute in which the servlets put the template of the route a request matched (e.g.
     * {@code /api/v1/entries/{ref}}), so that metrics name routes, never raw paths.
     */
    public static final String MATCHED_TEMPLATE = Router.class.getName() + ".template";

    /** The handler for a request, the path parameters it bound, and the template that matched. */
    public record Found<C>(Handler<C> handler, Map<String, String> params, String template) {
    }

    /**
     * What a request path leads to: a handler, or none because the path is unknown ({@code allowed} empty) or
     * because the path serves other methods only ({@code allowed} lists them).
     */
    public record Lookup<C>(Found<C> found, Set<String> allowed) {

        public boolean pathKnown() {
            return found != null || !allowed.isEmpty();
        }
    }

    /** Replaced, never changed, so lookups need no lock. */
    private volatile List<Route<C>> routes = List.of();

    public Router<C> get(String template, Handler<C> h) {
        return add("GET", template, h);
    }

    public Router<C> post(String template, Handler<C> h) {
        return add("POST", template, h);
    }

    public Router<C> put(String template, Handler<C> h) {
        return add("PUT", template, h);
    }

    public Router<C> delete(String template, Handler<C> h) {
        return add("DELETE", template, h);
    }

    public synchronized Router<C> add(String method, String template, Handler<C> h) {
        PathTemplate t = PathTemplate.of(template);
        for (Route<C> r : routes) {
            if (r.method().equals(method) && r.template().shape().equals(t.shape())) {
                throw new IllegalStateException("Route defined twice: " + method + " " + template);
            }
        }
        List<Route<C>> next = new ArrayList<>(routes);
        next.add(new Route<>(method, t, h));
        next.sort(Comparator.comparingInt((Route<C> r) -> -r.template().specificity()));
        routes = List.copyOf(next);
        return this;
    }

    /** Looks up {@code method} (HEAD is served as GET) on a path given as its segments. */
    public Lookup<C> find(String method, List<String> path) {
        String m = method.equals("HEAD") ? "GET" : method;
        Set<String> allowed = new TreeSet<>();
        Found<C> found = null;
        for (Route<C> r : routes) {
            Map<String, String> params = r.template().match(path);
            if (params == null) continue;
            allowed.add(r.method());
            if (found == null && r.method().equals(m)) found = new Found<>(r.handler(), params, r.template().text());
        }
        if (allowed.contains("GET")) allowed.add("HEAD");
        return new Lookup<>(found, found != null ? Set.copyOf(allowed) : allowed);
    }

    /** {@link #find} on a path such as {@code /api/v1/entries/E1}. */
    public Lookup<C> find(String method, String path) {
        return find(method, segments(path));
    }

    /** {@code /a//b/} → [a, b]: empty segments are dropped, so a trailing slash changes nothing. */
    public static List<String> segments(String path) {
        if (path == null) return List.of();
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    /** Every route, in matching order. */
    public List<Route<C>> routes() {
        return routes;
    }
}
