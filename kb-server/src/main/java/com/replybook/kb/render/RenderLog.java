package com.replybook.kb.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one render noticed: warnings, fill-in markers, and where unknown variables were used. Not thread-safe. */
final class RenderLog {

    private final Set<String> warnings = new LinkedHashSet<>();
    private final Map<String, String> fillIns = new LinkedHashMap<>();
    private final Map<String, int[]> firstUse = new LinkedHashMap<>();

    void missing(String variable, String marker, int[] lineAndColumn) {
        warnings.add("missing:" + variable);
        fillIns.put(variable, marker);
        firstUse.putIfAbsent(variable, lineAndColumn);
    }

    void warn(String kind, String detail) {
        warnings.add(kind + ":" + detail);
    }

    /** A whole warning {@code <kind>:<detail>} from elsewhere (the {@link ReplyAdvisor}). */
    void add(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    Map<String, String> fillIns() {
        return fillIns;
    }

    /** Variables that fell back to a fill-in marker, with the line and column of their first use. */
    Map<String, int[]> missingVariables() {
        return firstUse;
    }
}
