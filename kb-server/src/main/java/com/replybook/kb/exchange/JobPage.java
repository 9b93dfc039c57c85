package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model of an import job's page: the job, its progress and counts, and one page of its rows as the user looks
 * at them (what each does, what it changes field by field, whether it is kept), plus the progress the page's script
 * polls. Lives for one request.
 */
final class JobPage {

    static final int PAGE_SIZE = 50;
    /** Problems stored as codes rather than text: the page says them in the user's language. */
    static final Set<String> PROBLEM_CODES = Set.of("interrupted-check", "interrupted-import", "failed", "empty");

    private final ImportJobStore store;
    private final ImportJob job;
    private final ImportJobStore.Filter filter;
    private final int page;

    JobPage(ImportJobStore store, ImportJob job, String show, int page) {
        this.store = store;
        this.job = job;
        this.filter = ImportJobStore.Filter.of(show);
        this.page = page;
    }

    Map<String, Object> model() {
        JobCounts counts = store.counts(job.id());
        int rowCount = store.count(job.id(), filter);
        int pages = Math.max(1, (rowCount + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(page, pages);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JobRow r : store.rows(job.id(), filter, (current - 1) * PAGE_SIZE, PAGE_SIZE)) rows.add(row(r));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job);
        m.put("view", progress(job, counts));
        m.put("show", filter.name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> filters = filters();
        m.put("filters", filters);
        m.put("hasRows", filters.stream().anyMatch(f -> f.get("name").equals("all") && (int) f.get("count") > 0));
        m.put("rows", rows);
        m.put("page", current);
        m.put("pages", pages);
        m.put("rowCount", rowCount);
        m.put("problemKey", job.problem() != null && PROBLEM_CODES.contains(job.problem()) ? "job.problem." + job.problem() : "");
        FieldError coded = coded(job.problem());
        if (coded != null) m.put("problemError", coded);
        m.put("problemText", coded == null && job.problem() != null && !PROBLEM_CODES.contains(job.problem()) ? job.problem() : "");
        return m;
    }

    /** A problem with the whole file as the job keeps it: the coded error as JSON, so the page words it. */
    static String storedProblem(FieldError problem) {
        try {
            return Json.MAPPER.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return problem.message();
        }
    }

    /** The coded error a job keeps (see {@link #storedProblem}); null for a code of its own or older plain text. */
    private static FieldError coded(String problem) {
        if (problem == null || !problem.startsWith("{")) return null;
        try {
            return Json.MAPPER.readValue(problem, FieldError.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The filters with how many rows each lists, e.g. {@code [{name:"changes", count:5}, …]}. */
    private List<Map<String, Object>> filters() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImportJobStore.Filter f : ImportJobStore.Filter.values()) {
            out.add(Map.of("name", f.name().toLowerCase(Locale.ROOT), "count", store.count(job.id(), f)));
        }
        return out;
    }

    /** What the page's script polls: {@code {"phase","done","total","percent","finished",…counts}}. */
    static Map<String, Object> progress(ImportJob job, JobCounts counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", job.phase().wire());
        m.put("done", job.done());
        m.put("total", job.total());
        m.put("percent", job.percent());
        m.put("finished", job.finished());
        m.put("creates", counts.planned("create"));
        m.put("updates", counts.planned("update"));
        m.put("pending", counts.planned("pending"));
        m.put("unchanged", counts.planned("unchanged"));
        m.put("errorCount", counts.planned("error"));
        m.put("selected", counts.selected());
        m.put("leftOut", counts.leftOut());
        m.put("outcomes", counts.outcomes());
        // After the import: rows the dry run found unchanged count as unchanged too; errors, rows left out and rows
        // changed meanwhile were not imported.
        m.put("unchangedDone", counts.planned("unchanged") + counts.outcome("unchanged"));
        m.put("notImported", counts.planned("error") + counts.leftOut() + counts.outcome("stale") + counts.outcome("failed"));
        return m;
    }

    private static Map<String, Object> row(JobRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", r.position());
        m.put("sourceRow", r.sourceRow());
        m.put("key", r.key() == null ? "" : r.key());
        m.put("action", r.action().wire());
        m.put("selected", r.selected());
        m.put("selectable", r.selectable());
        m.put("replacesPending", r.replacesPending());
        m.put("outcome", r.outcome() == null ? "" : r.outcome());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FieldChange c : r.changes()) {
            changes.add(Map.of("field", c.field(), "before", text(c.before()), "after", text(c.after())));
        }
        m.put("changes", changes);
        m.put("errors", r.errors());
        return m;
    }

    /** A field's value as the page shows it: list items one per line. */
    private static String text(Object value) {
        if (value == null) return "";
        if (value instanceof List<?> items) {
            StringBuilder sb = new StringBuilder();
            for (Object i : items) sb.append(sb.isEmpty() ? "" : "\n").append(i);
            return sb.toString();
        }
        return value.toString();
    }
}
