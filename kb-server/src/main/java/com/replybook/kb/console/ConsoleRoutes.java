package com.replybook.kb.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's routes: a method and a path pattern of literal segments and {@code *} wildcards,
 * e.g. {@code GET entries/*\/revisions}. First match wins. Immutable once built.
 */
final class ConsoleRoutes {

    private record Route(String method, List<String> pattern, Handler handler) {
        boolean matches(String m, List<String> path) {
            if (!method.equals(m) || pattern.size() != path.size()) return false;
            for (int i = 0; i < path.size(); i++) {
                if (!pattern.get(i).equals("*") && !pattern.get(i).equals(path.get(i))) return false;
            }
            return true;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    ConsoleRoutes get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    ConsoleRoutes post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    private ConsoleRoutes add(String method, String pattern, Handler h) {
        routes.add(new Route(method, pattern.isEmpty() ? List.of() : List.of(pattern.split("/")), h));
        return this;
    }

    Optional<Handler> find(String method, List<String> path) {
        String m = method.equals("HEAD") ? "GET" : method;
        return routes.stream().filter(r -> r.matches(m, path)).map(Route::handler).findFirst();
    }
}
