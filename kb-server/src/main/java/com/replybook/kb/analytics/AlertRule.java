package com.replybook.kb.analytics;

import java.time.Instant;
import java.util.List;

/**
 * A lead's alert threshold: fire when one product ({@code kind = product}) or one category ({@code kind = category})
 * gathers at least {@code threshold} inserts within the last {@code days} days, counting only inserts of entries
 * under {@code categories} (prefixes: {@code 质量} covers {@code 质量/到货故障}; empty = every entry).
 * Example: the guides' dispute alert, {@code product ≥ 5 in 7 days under [投诉, 质量]}. Immutable.
 *
 * @param label a lead's name for the rule, e.g. {@code 纠纷}; empty when the page should describe it
 */
public record AlertRule(String id, String label, AlertKind kind, List<String> categories, int threshold, int days,
                        String createdBy, Instant createdAt) {

    public AlertRule {
        categories = List.copyOf(categories);
    }
}
