package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs import jobs one at a time on a background thread (imports are write-heavy; two at once would only
 * queue on the database) and keeps the latest {@value #KEEP} in memory for their pages. A job is visible
 * only to the user who uploaded it. Close at shutdown.
 */
public final class ImportJobs implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    static final int KEEP = 50;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replybook-import");
        t.setDaemon(true);
        return t;
    });
    private final EntryStore store;
    private final EntryDraftParser parser;
    private final EntryPolicy policy;

    public ImportJobs(EntryStore store, EntryDraftParser parser, EntryPolicy policy) {
        this.store = store;
        this.parser = parser;
        this.policy = policy;
    }

    /** Starts the dry run of {@code bytes} and returns its job at once. */
    public ImportJob dryRun(String fileName, Format format, byte[] bytes, Principal owner) {
        if (jobs.size() >= KEEP) jobs.values().stream().filter(j -> j.phase() != ImportJob.Phase.VALIDATING
                && j.phase() != ImportJob.Phase.IMPORTING).findFirst().ifPresent(j -> jobs.remove(j.id()));
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), fileName, owner);
        jobs.put(job.id(), job);
        worker.submit(() -> run(() -> job.validate(format, bytes, parser, policy, store)));
        return job;
    }

    /** Imports a job whose dry run found no errors; 409 otherwise. */
    public void apply(ImportJob job) {
        synchronized (job) {
            if (job.phase() != ImportJob.Phase.READY) {
                throw ApiException.conflict("This import is " + job.phase().name().toLowerCase()
                        + "; only a dry run without errors can be imported", Map.of());
            }
            job.markQueued();
        }
        worker.submit(() -> run(() -> job.apply(store)));
    }

    /** The job {@code id} if {@code me} started it. */
    public Optional<ImportJob> find(String id, Principal me) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner().userId().equals(me.userId()));
    }

    private static void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import job failed", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
