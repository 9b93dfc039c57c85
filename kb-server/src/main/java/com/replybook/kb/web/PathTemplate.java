package com.replybook.kb.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A path with named parameters, e.g. {@code /api/v1/entries/{ref}/revisions}: literal segments match
 * themselves, a {@code {name}} segment matches any one non-empty segment and binds it. Immutable.
 */
public record PathTemplate(String text, List<String> segments) {

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    /** Parses {@code text}; throws for a template that is not absolute or has an empty or repeated name. */
    public static PathTemplate of(String text) {
        if (!text.startsWith("/")) throw new IllegalArgumentException("A path template starts with /: " + text);
        List<String> segments = Router.segments(text);
        List<String> names = new ArrayList<>();
        for (String s : segments) {
            if (!isParameter(s)) continue;
            String name = s.substring(1, s.length() - 1);
            if (name.isEmpty() || names.contains(name)) {
                throw new IllegalArgumentException("Empty or repeated parameter in " + text);
            }
            names.add(name);
        }
        return new PathTemplate(text, segments);
    }

    /** The parameters bound by matching {@code path} (as segments), or null when it does not match. */
    public Map<String, String> match(List<String> path) {
        if (path.size() != segments.size()) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < path.size(); i++) {
            String s = segments.get(i);
            if (isParameter(s)) params.put(s.substring(1, s.length() - 1), path.get(i));
            else if (!s.equals(path.get(i))) return null;
        }
        return params;
    }

    /** The segments with every parameter name blanked: two templates of one shape match the same paths. */
    List<String> shape() {
        return segments.stream().map(s -> isParameter(s) ? "{}" : s).toList();
    }

    /**
     * How specific this template is: a literal segment outranks a parameter at the same position, so
     * {@code /entries/import} wins over {@code /entries/{ref}} for the path {@code /entries/import}.
     */
    int specificity() {
        int score = 0;
        for (String s : segments) score = score * 2 + (isParameter(s) ? 0 : 1);
        return score;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
