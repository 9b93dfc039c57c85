package com.replybook.kb.console;

import com.replybook.kb.auth.Principal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers shown beside the console's navigation links for one user: how much waits for them, e.g.
 * {@code {"review": 3}} for a lead with three entries in review. Features contribute them; every page shows them.
 */
@FunctionalInterface
public interface NavCounts {

    NavCounts NONE = me -> Map.of();

    /** The counts for {@code me} by navigation item; items without anything waiting may be left out. */
    Map<String, Long> of(Principal me);

    /** All of {@code sources} together; an item counted by several is summed. */
    static NavCounts all(List<NavCounts> sources) {
        return me -> {
            Map<String, Long> out = new HashMap<>();
            for (NavCounts s : sources) s.of(me).forEach((k, v) -> out.merge(k, v, Long::sum));
            return out;
        };
    }
}
