package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.search.Searchability;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/entries/import} (editor and above): a JSON array (or {@code application/x-ndjson}) of entries,
 * upserted by key, with the rules of {@link ImportPlanner}. Each entry is all-or-nothing: invalid ones are reported
 * by their 0-based index with every error, valid ones written in transactions of {@value #BATCH}, so 10,000 entries
 * take seconds. Answers {@code {"created","updated","pending","unchanged","failed":[{"index","key","errors"}]}}.
 * <ul>
 *   <li>{@code ?dryRun=true} writes nothing and adds {@code rows}: per entry its {@code action} (create, update,
 *       pending, unchanged, error) and, field by field, what it would change.</li>
 *   <li>{@code ?wait=searchable[&timeoutSeconds=60]} answers once what the import wrote is fully searchable on this
 *       node (visible, and embedded when search is hybrid), or after {@code timeoutSeconds} (at most
 *       {@value #MAX_WAIT_SECONDS}), adding {@code search}: {@link Searchability}.</li>
 * </ul>
 */
final class ImportApi {

    static final int BATCH = 500;
    static final int DEFAULT_WAIT_SECONDS = 60;
    static final int MAX_WAIT_SECONDS = 600;

    /** An entry that was not imported, as reported: {@code {"index":i,"key":k,"errors":[…]}}. */
    record Failure(int index, String key, List<FieldError> errors) {
    }

    private final ImportPlanner planner;
    private final ImportWriter writer;
    private final SearchService search;
    private final long maxBytes;
    private final ImportMetrics metrics;

    ImportApi(ImportPlanner planner, ImportWriter writer, SearchService search, long maxBytes, ImportMetrics metrics) {
        this.planner = planner;
        this.writer = writer;
        this.search = search;
        this.maxBytes = maxBytes;
        this.metrics = metrics;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/entries/import", this::importEntries);
    }

    private void importEntries(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        boolean dryRun = flag(call, "dryRun");
        Duration wait = waitFor(call);
        List<ImportPlanner.Parsed> parsed = planner.validation(i -> FieldError.of("key", EntryError.IMPORT_DUPLICATE_KEY, i)).parse(rows(call));
        Tally tally = new Tally(dryRun);
        for (int from = 0; from < parsed.size(); from += BATCH) {
            List<ImportRow> batch = planner.decide(parsed.subList(from, Math.min(parsed.size(), from + BATCH)), me);
            if (dryRun) {
                batch.forEach(tally::planned);
            } else {
                List<ImportWriter.Written> written = writer.write(batch, me.username());
                written.forEach(tally::written);
                metrics.rows(written);
            }
        }
        if (!dryRun) metrics.imported();
        Map<String, Object> body = tally.body();
        if (wait != null && !dryRun) body.put("search", awaitSearchable(tally.writtenIds, wait));
        call.json(200, body);
    }

    /** The request's entries, numbered by their 0-based position; 400 naming {@code body} when unreadable. */
    private List<EntryReader.SourceRow> rows(ApiCall call) throws IOException {
        String type = call.request().getContentType() == null ? "" : call.request().getContentType().toLowerCase(Locale.ROOT);
        Format format = type.contains("ndjson") || type.contains("jsonl") ? Format.NDJSON : Format.JSON;
        byte[] body = call.body(maxBytes);
        List<EntryReader.SourceRow> read;
        try {
            read = EntryReader.read(format, body);
        } catch (EntryReader.FileProblem e) {
            throw ApiException.badRequest(e.problem.onField(e.field).withMessage(e.getMessage() + "; nothing was imported"));
        }
        List<EntryReader.SourceRow> out = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) out.add(new EntryReader.SourceRow(i, read.get(i).json()));
        return out;
    }

    private Searchability awaitSearchable(List<String> ids, Duration wait) {
        try {
            return search.awaitSearchable(ids, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(503, "unavailable", null, ExchangeError.SHUTTING_DOWN, null);
        }
    }

    private static boolean flag(ApiCall call, String name) {
        String v = call.query(name);
        if (v == null || v.equalsIgnoreCase("false") || v.equals("0")) return false;
        if (v.equalsIgnoreCase("true") || v.equals("1")) return true;
        throw ApiException.badRequest(name, InputError.NOT_BOOLEAN, name).withMessage(name + " must be true or false, was '" + v + "'");
    }

    /** How long to wait for the import to become searchable; null when the caller does not wait. */
    private static Duration waitFor(ApiCall call) {
        String wait = call.query("wait");
        if (wait == null) {
            if (call.query("timeoutSeconds") != null) {
                throw ApiException.badRequest("timeoutSeconds", ExchangeError.TIMEOUT_WITHOUT_WAIT);
            }
            return null;
        }
        if (!wait.equals("searchable")) {
            throw ApiException.badRequest("wait", ExchangeError.WAIT);
        }
        return Duration.ofSeconds(call.intQuery("timeoutSeconds", DEFAULT_WAIT_SECONDS, 0, MAX_WAIT_SECONDS));
    }

    /** Counts of an import (or of its dry run) and its failures; the dry run's rows. */
    private static final class Tally {
        private final boolean dryRun;
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<Failure> failed = new ArrayList<>();
        private final List<Map<String, Object>> rows = new ArrayList<>();
        final List<String> writtenIds = new ArrayList<>();

        Tally(boolean dryRun) {
            this.dryRun = dryRun;
            for (String c : List.of("created", "updated", "pending", "unchanged")) counts.put(c, 0);
        }

        void planned(ImportRow r) {
            count(switch (r.action()) {
                case CREATE -> "created";
                case UPDATE -> "updated";
                case PENDING -> "pending";
                case UNCHANGED -> "unchanged";
                case ERROR -> null;
            });
            if (r.action() == RowAction.ERROR) failed.add(new Failure(r.number(), r.key(), r.errors()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", r.number());
            row.put("key", r.key());
            row.put("action", r.action().wire());
            if (r.action() == RowAction.PENDING) row.put("replacesPending", r.replacesPending());
            if (!r.changes().isEmpty()) row.put("changes", r.changes());
            if (!r.errors().isEmpty()) row.put("errors", r.errors());
            rows.add(row);
        }

        void written(ImportWriter.Written w) {
            switch (w.outcome()) {
                case CREATED, UPDATED, PENDING, UNCHANGED -> count(w.outcome().wire());
                case STALE -> failed.add(new Failure(w.row().number(), w.row().key(), List.of(w.problem())));
                case FAILED -> failed.add(new Failure(w.row().number(), w.row().key(),
                        w.row().errors().isEmpty() ? List.of(w.problem()) : w.row().errors()));
            }
            if (w.entry() != null) writtenIds.add(w.entry().id());
        }

        private void count(String outcome) {
            if (outcome != null) counts.merge(outcome, 1, Integer::sum);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (dryRun) body.put("dryRun", true);
            body.putAll(counts);
            body.put("failed", failed);
            if (dryRun) body.put("rows", rows);
            return body;
        }
    }
}
