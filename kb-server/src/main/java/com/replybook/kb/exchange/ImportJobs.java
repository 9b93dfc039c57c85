package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the console's import jobs: the dry run of an uploaded file (read, validate and plan every row, store the plan
 * in {@link ImportJobStore}: nothing is imported), then, when the user confirms, the import of the rows they kept, in
 * batches. Jobs run one at a time per node on a background thread (imports are write-heavy; two at once would only
 * queue on the database), and the node writes a heartbeat for each job it holds, so that every node reports the
 * same progress and a job whose node stopped is reported as interrupted, never as running forever. A job is visible
 * only to the user who uploaded it. Close at shutdown.
 */
public final class ImportJobs implements AutoCloseable {

    static final int BATCH = 500;
    /** Jobs kept per user (older ones are forgotten when a new one starts), and for at most {@link #MAX_AGE}. */
    static final int KEEP = 20;
    static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());

    private final ImportJobStore store;
    private final ImportPlanner planner;
    private final ImportWriter writer;
    private final ImportMetrics metrics;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "replybook-import"));
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "replybook-import-heartbeat"));

    ImportJobs(ImportJobStore store, ImportPlanner planner, ImportWriter writer, ImportMetrics metrics) {
        this.store = store;
        this.planner = planner;
        this.writer = writer;
        this.metrics = metrics;
        long every = ImportJobStore.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts the dry run of {@code bytes} and returns its job at once. */
    public ImportJob dryRun(String fileName, Format format, byte[] bytes, Principal owner) {
        store.prune(owner.userId(), KEEP - 1, MAX_AGE);
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        ImportJob job = store.create(UUID.randomUUID().toString(), name.substring(0, Math.min(300, name.length())),
                owner.userId(), owner.username());
        submit(job.id(), () -> check(job.id(), format, bytes, owner));
        return job;
    }

    /** Imports the rows kept from a checked job (or resumes an interrupted import) as {@code me}; 409 otherwise. */
    public void apply(ImportJob job, Principal me) {
        if (!store.startImport(job.id())) {
            ImportJob now = store.find(job.id()).orElse(job);
            throw ApiException.conflict(ExchangeError.JOB_NOT_READY, Map.of("phase", now.phase().wire()), now.phase().wire());
        }
        submit(job.id(), () -> importRows(job.id(), me));
    }

    /** The job {@code id} if {@code me} started it. */
    public Optional<ImportJob> find(String id, Principal me) {
        return store.find(id).filter(j -> j.ownerId().equals(me.userId()));
    }

    /** The newest jobs of {@code me}, newest first. */
    public List<ImportJob> recent(Principal me) {
        return store.recent(me.userId(), KEEP);
    }

    ImportJobStore store() {
        return store;
    }

    private void submit(String id, Runnable work) {
        held.add(id);
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Import job " + id + " failed", e);
                store.finish(id, ImportJob.Phase.FAILED, "failed");
            } finally {
                held.remove(id);
            }
        });
    }

    /** The dry run: reads, validates and plans the file batch by batch, storing each batch's rows. */
    private void check(String id, Format format, byte[] bytes, Principal owner) {
        List<EntryReader.SourceRow> rows;
        try {
            rows = EntryReader.read(format, bytes);
        } catch (EntryReader.FileProblem e) {
            store.finish(id, ImportJob.Phase.REJECTED, JobPage.storedProblem(e.problem));
            return;
        }
        store.progress(id, 0, rows.size());
        ImportPlanner.Validation validation = planner.validation(n -> FieldError.of("key", ExchangeError.DUPLICATE_KEY_ROW, n));
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<EntryReader.SourceRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            store.addRows(id, from, planner.decide(validation.parse(batch), owner));
            store.progress(id, from + batch.size(), rows.size());
        }
        store.finish(id, rows.isEmpty() ? ImportJob.Phase.REJECTED : ImportJob.Phase.READY,
                rows.isEmpty() ? "empty" : null);
    }

    /**
     * The import: the kept rows not imported yet, planned again against the library as it is now (it may have
     * changed since the dry run) and written batch by batch, each batch's outcomes stored with the progress.
     */
    private void importRows(String id, Principal me) {
        ImportJob job = store.find(id).orElseThrow();
        int done = job.done();
        int after = -1;
        for (List<ImportJobStore.OpenRow> open; !(open = store.openRows(id, after, BATCH)).isEmpty(); ) {
            List<ImportPlanner.Parsed> parsed = new ArrayList<>(open.size());
            for (ImportJobStore.OpenRow o : open) {
                parsed.add(new ImportPlanner.Parsed(o.sourceRow(), o.draft().key(), o.draft(), List.of()));
            }
            List<ImportWriter.Written> written = writer.write(planner.decide(parsed, me), me.username());
            metrics.rows(written);
            Map<Integer, ImportWriter.Written> byPosition = new LinkedHashMap<>();
            for (int i = 0; i < open.size(); i++) byPosition.put(open.get(i).position(), written.get(i));
            done += open.size();
            store.recordOutcomes(id, byPosition, done, job.total());
            after = open.getLast().position();
        }
        store.finish(id, ImportJob.Phase.DONE, null);
        store.dropDrafts(id);
        metrics.imported();
    }

    private void beat() {
        try {
            store.heartbeat(List.copyOf(held));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import job heartbeat failed", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the worker; jobs it held are reported as interrupted at once rather than after the heartbeat timeout. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : held) {
            try {
                store.find(id).filter(j -> j.phase().active()).ifPresent(j -> store.finish(id,
                        j.phase() == ImportJob.Phase.VALIDATING ? ImportJob.Phase.REJECTED : ImportJob.Phase.INTERRUPTED,
                        j.phase() == ImportJob.Phase.VALIDATING ? "interrupted-check" : "interrupted-import"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not mark import job " + id + " as interrupted", e);
            }
        }
    }
}
