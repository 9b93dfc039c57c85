package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Import and export. An upload starts a dry run and lands on its job page, which shows a progress bar (polling the
 * job, so it survives a reload) and then lists, row by row, what the import would do and change, field by field,
 * lets the user leave rows out, and imports the rows they kept. The import page lists the user's recent jobs.
 */
final class ExchangePages {

    private final ImportJobs jobs;
    private final EntryStore store;
    private final KnownShops shops;
    private final CaseExchange cases;
    private final long maxBytes;
    private final Clock clock;

    ExchangePages(ImportJobs jobs, EntryStore store, KnownShops shops, CaseExchange cases, long maxBytes, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.shops = shops;
        this.cases = cases;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    void routes(Router<Page> r) {
        r.get("/exchange", this::index)
                .post("/exchange/import", this::upload)
                .get("/exchange/jobs/{job}", this::job)
                .get("/exchange/jobs/{job}/progress", this::progress)
                .post("/exchange/jobs/{job}/selection", this::select)
                .post("/exchange/jobs/{job}/apply", this::apply)
                .get("/exchange/export", this::export)
                .get("/exchange/cases.json", this::exportCases)
                .post("/exchange/cases", this::importCases);
    }

    private void index(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        p.render("exchange/index.ftlh", Map.of("report", Map.of(), "jobs", jobs.recent(me)));
    }

    private void upload(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Part file = part(p, "file");
        Format format = Format.of(file.getSubmittedFileName());
        if (format == null) throw ApiException.badRequest("file", ExchangeError.FILE_TYPE);
        ImportJob job = jobs.dryRun(file.getSubmittedFileName(), format, bytes(file), me);
        p.redirect("exchange/jobs/" + job.id(), null);
    }

    private void job(Page p) throws IOException {
        ImportJob job = find(p);
        p.render("exchange/job.ftlh", new JobPage(jobs.store(), job, p.param("show"), page(p)).model());
    }

    private void progress(Page p) throws IOException {
        ImportJob job = find(p);
        p.json(200, JobPage.progress(job, jobs.store().counts(job.id())));
    }

    /**
     * Keeps or leaves out rows: {@code all=1|0} for every row that writes, else {@code shown} (the positions listed on
     * the page) with {@code keep} (those ticked). Answers JSON to the page's script, else back to the page.
     */
    private void select(Page p) throws IOException {
        ImportJob job = find(p);
        if (job.phase() != ImportJob.Phase.READY) {
            throw ApiException.conflict(ExchangeError.ROWS_FIXED, Map.of());
        }
        ImportJobStore store = jobs.store();
        if (p.param("all") != null) {
            store.selectAll(job.id(), "1".equals(p.param("all")));
        } else {
            Set<Integer> keep = positions(p.params("keep"));
            Set<Integer> shown = positions(p.params("shown"));
            shown.addAll(keep);
            store.select(job.id(), keep, true);
            shown.removeAll(keep);
            store.select(job.id(), shown, false);
        }
        String accept = p.request().getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            p.json(200, JobPage.progress(job, store.counts(job.id())));
        } else {
            p.redirect("exchange/jobs/" + job.id() + back(p), null);
        }
    }

    private void apply(Page p) throws IOException {
        ImportJob job = find(p);
        jobs.apply(job, p.me());
        p.redirect("exchange/jobs/" + job.id(), null);
    }

    private ImportJob find(Page p) {
        Principal me = p.require(Role.EDITOR);
        return jobs.find(p.path("job"), me).orElseThrow(() -> ApiException.notFound(ExchangeError.JOB_NOT_FOUND, p.path("job")));
    }

    private static int page(Page p) {
        return (int) Math.max(1, Math.min(100_000, p.longParam("page").orElse(1L)));
    }

    /** The listing the user was on, e.g. {@code ?show=errors&page=2}. */
    private static String back(Page p) {
        String show = ImportJobStore.Filter.of(p.param("show")).name().toLowerCase(java.util.Locale.ROOT);
        return "?show=" + show + "&page=" + page(p);
    }

    private static Set<Integer> positions(List<String> values) {
        Set<Integer> out = new HashSet<>();
        for (String v : values) {
            try {
                out.add(Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("keep", ExchangeError.KEEP_POSITION);
            }
        }
        return out;
    }

    /**
     * The entries the editor may read ({@link EntryScope}: their shops, or the one named by {@code shop}, and their
     * own personal entries), filtered by status, locale and category, as one file.
     */
    private void export(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Format format = Format.of(p.param("format") == null ? "json" : p.param("format"));
        if (format == null) throw ApiException.badRequest("format", ExchangeError.FORMAT);
        EntryScope scope = EntryScope.of(me, shops.requested(me, p.param("shop"), "shop"));
        List<Entry> all = new ArrayList<>();
        store.forEachEntry(e -> {
            if (scope.includes(e) && EntryAccess.mayRead(me, e) && matches(e, p)) all.add(e);
        });
        all.sort((a, b) -> a.key().compareTo(b.key()));
        p.response().setContentType(format.contentType);
        p.response().setHeader("Content-Disposition", "attachment; filename=\"replybook-entries." + format.extension + "\"");
        EntryWriter.write(format, all, p.response().getOutputStream(), clock.instant());
    }

    private static boolean matches(Entry e, Page p) {
        return (p.param("status") == null || e.status().wire().equals(p.param("status")))
                && (p.param("locale") == null || e.locale().equals(p.param("locale")))
                && (p.param("category") == null || e.category().equals(p.param("category"))
                    || e.category().startsWith(p.param("category") + "/"));
    }

    /** The cases and collections the editor may read: no case of a shop they do not work for. */
    private void exportCases(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        p.response().setContentType("application/json");
        p.response().setHeader("Content-Disposition", "attachment; filename=\"replybook-cases.json\"");
        cases.export(p.response().getOutputStream(), me);
    }

    private void importCases(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Part file = part(p, "file");
        CaseExchange.Report report = cases.importJson(bytes(file), p.param("dryRun") != null, me);
        p.render(report.errors().isEmpty() ? 200 : 422, "exchange/index.ftlh",
                Map.of("report", Map.of("r", report), "jobs", jobs.recent(me)));
    }

    private Part part(Page p, String name) throws IOException {
        try {
            Part part = p.request().getPart(name);
            if (part == null || part.getSize() == 0) throw ApiException.badRequest(name, ExchangeError.CHOOSE_FILE);
            if (part.getSize() > maxBytes) throw ApiException.tooLarge(maxBytes);
            return part;
        } catch (ServletException | IllegalStateException e) {
            // The container's words name its own classes and limits: the user gets ours.
            throw ApiException.badRequest(name, ExchangeError.UPLOAD_UNREADABLE, maxBytes / (1 << 20));
        }
    }

    private static byte[] bytes(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
