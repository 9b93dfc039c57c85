package com.replybook.kb.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * Meters of imports ({@code POST /api/v1/entries/import} and the console's import jobs, dry runs not counted):
 * {@code replybook_imports_total} (imports written) and
 * {@code replybook_imported_entries_total{outcome=created|updated|pending|unchanged|failed}} (rows, by what became of
 * them; {@code pending}: a change to a published entry stored as its pending revision).
 */
final class ImportMetrics {

    private final Counter imports;
    private final Counter created;
    private final Counter updated;
    private final Counter pending;
    private final Counter unchanged;
    private final Counter failed;

    ImportMetrics(MeterRegistry registry) {
        this.imports = Counter.builder("replybook.imports").description("Import requests answered").register(registry);
        this.created = items(registry, "created");
        this.updated = items(registry, "updated");
        this.pending = items(registry, "pending");
        this.unchanged = items(registry, "unchanged");
        this.failed = items(registry, "failed");
    }

    private static Counter items(MeterRegistry registry, String outcome) {
        return Counter.builder("replybook.imported.entries").description("Imported items by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** One import written (its rows are counted by {@link #rows}). */
    void imported() {
        imports.increment();
    }

    /** Counts written rows by outcome; a row that changed meanwhile counts as failed. */
    void rows(List<ImportWriter.Written> written) {
        for (ImportWriter.Written w : written) {
            (switch (w.outcome()) {
                case CREATED -> created;
                case UPDATED -> updated;
                case PENDING -> pending;
                case UNCHANGED -> unchanged;
                case STALE, FAILED -> failed;
            }).increment();
        }
    }
}
