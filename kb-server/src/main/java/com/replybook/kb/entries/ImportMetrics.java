package com.replybook.kb.entries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters of {@code POST /api/v1/entries/import}: {@code replybook_imports_total} (requests that imported) and
 * {@code replybook_imported_entries_total{outcome=created|updated|unchanged|failed}} (items, by what became of them).
 */
final class ImportMetrics {

    private final Counter imports;
    private final Counter created;
    private final Counter updated;
    private final Counter unchanged;
    private final Counter failed;

    ImportMetrics(MeterRegistry registry) {
        this.imports = Counter.builder("replybook.imports").description("Import requests answered").register(registry);
        this.created = items(registry, "created");
        this.updated = items(registry, "updated");
        this.unchanged = items(registry, "unchanged");
        this.failed = items(registry, "failed");
    }

    private static Counter items(MeterRegistry registry, String outcome) {
        return Counter.builder("replybook.imported.entries").description("Imported items by outcome")
                .tag("outcome", outcome).register(registry);
    }

    void record(int created, int updated, int unchanged, int failed) {
        imports.increment();
        this.created.increment(created);
        this.updated.increment(updated);
        this.unchanged.increment(unchanged);
        this.failed.increment(failed);
    }
}
