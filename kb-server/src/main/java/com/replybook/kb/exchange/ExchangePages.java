package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Import and export. An upload starts a dry run and lands on its job page, which polls the job's progress
 * and then lists every bad row, or offers "import now" when there is none.
 */
final class ExchangePages {

    private final ImportJobs jobs;
    private final EntryStore store;
    private final CaseExchange cases;
    private final long maxBytes;
    private final Clock clock;

    ExchangePages(ImportJobs jobs, EntryStore store, CaseExchange cases, long maxBytes, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.cases = cases;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    void routes(Router<Page> r) {
        r.get("/exchange", p -> {
                    p.require(Role.EDITOR);
                    p.render("exchange/index.ftlh", Map.of("report", Map.of()));
                })
                .post("/exchange/import", this::upload)
                .get("/exchange/jobs/{job}", this::job)
                .get("/exchange/jobs/{job}/progress", this::progress)
                .post("/exchange/jobs/{job}/apply", this::apply)
                .get("/exchange/export", this::export)
                .get("/exchange/cases.json", this::exportCases)
                .post("/exchange/cases", this::importCases);
    }

    private void upload(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Part file = part(p, "file");
        Format format = Format.of(file.getSubmittedFileName());
        if (format == null) throw ApiException.badRequest("file", "Upload a .csv, .xlsx or .json file");
        ImportJob job = jobs.dryRun(file.getSubmittedFileName(), format, bytes(file), me);
        p.redirect("exchange/jobs/" + job.id(), null);
    }

    private void job(Page p) throws IOException {
        ImportJob job = find(p);
        p.render("exchange/job.ftlh", Map.of("job", job, "view", view(job)));
    }

    private void progress(Page p) throws IOException {
        p.json(200, view(find(p)));
    }

    private void apply(Page p) throws IOException {
        ImportJob job = find(p);
        jobs.apply(job);
        p.redirect("exchange/jobs/" + job.id(), null);
    }

    private ImportJob find(Page p) {
        Principal me = p.require(Role.EDITOR);
        return jobs.find(p.path("job"), me).orElseThrow(() -> ApiException.notFound("No import " + p.path("job")));
    }

    private static Map<String, Object> view(ImportJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", job.phase().name().toLowerCase());
        m.put("done", job.done());
        m.put("total", job.total());
        m.put("percent", job.percent());
        m.put("creates", job.creates());
        m.put("updates", job.updates());
        m.put("unchanged", job.unchanged());
        m.put("errorCount", job.errors().size());
        boolean finished = job.phase() != ImportJob.Phase.VALIDATING && job.phase() != ImportJob.Phase.IMPORTING;
        m.put("finished", finished);
        return m;
    }

    private void export(Page p) throws IOException {
        p.require(Role.EDITOR);
        Format format = Format.of(p.param("format") == null ? "json" : p.param("format"));
        if (format == null) throw ApiException.badRequest("format", "format must be csv, xlsx or json");
        List<Entry> all = new ArrayList<>();
        store.forEachEntry(e -> {
            if (matches(e, p)) all.add(e);
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

    private void exportCases(Page p) throws IOException {
        p.require(Role.EDITOR);
        p.response().setContentType("application/json");
        p.response().setHeader("Content-Disposition", "attachment; filename=\"replybook-cases.json\"");
        cases.export(p.response().getOutputStream());
    }

    private void importCases(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Part file = part(p, "file");
        CaseExchange.Report report = cases.importJson(bytes(file), p.param("dryRun") != null, me.username());
        p.render(report.errors().isEmpty() ? 200 : 422, "exchange/index.ftlh", Map.of("report", Map.of("r", report)));
    }

    private Part part(Page p, String name) throws IOException {
        try {
            Part part = p.request().getPart(name);
            if (part == null || part.getSize() == 0) throw ApiException.badRequest(name, "Choose a file to upload");
            if (part.getSize() > maxBytes) throw ApiException.tooLarge(maxBytes);
            return part;
        } catch (ServletException | IllegalStateException e) {
            throw ApiException.badRequest(name, "The upload could not be read: " + e.getMessage());
        }
    }

    private static byte[] bytes(Part part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
