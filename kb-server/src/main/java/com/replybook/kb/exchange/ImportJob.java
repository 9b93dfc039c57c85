package com.replybook.kb.exchange;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One uploaded file on its way in: first a dry run (read, validate every row, work out what would be created
 * or updated — nothing written), then, only when no row has an error and the user confirms, the import itself
 * in batches. Progress is readable at any time from another thread.
 */
public final class ImportJob {

    /** Where the job is. */
    public enum Phase { VALIDATING, READY, REJECTED, IMPORTING, DONE, FAILED }

    /** A row with problems, as shown to the user: "row 7: problem must not be blank". */
    public record RowError(int row, String key, List<FieldError> errors) {
    }

    static final int BATCH = 500;
    private final String id;
    private final String fileName;
    private final Principal owner;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile Phase phase = Phase.VALIDATING;
    private volatile String failure;
    private final List<RowError> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<EntryDraft> drafts = new ArrayList<>();
    private volatile int creates;
    private volatile int updates;
    private volatile int unchanged;

    ImportJob(String id, String fileName, Principal owner) {
        this.id = id;
        this.fileName = fileName;
        this.owner = owner;
    }

    /** The dry run. */
    void validate(Format format, byte[] bytes, EntryDraftParser parser, EntryPolicy policy, EntryStore store) {
        try {
            List<EntryReader.SourceRow> rows = EntryReader.read(format, bytes);
            total = rows.size();
            Map<String, Integer> seen = new HashMap<>();
            for (EntryReader.SourceRow row : rows) {
                check(row, parser, policy, store, seen);
                done.incrementAndGet();
            }
            phase = errors.isEmpty() ? Phase.READY : Phase.REJECTED;
        } catch (EntryReader.FileProblem e) {
            errors.add(new RowError(e.row, null, List.of(e.asError())));
            phase = Phase.REJECTED;
        }
    }

    private void check(EntryReader.SourceRow row, EntryDraftParser parser, EntryPolicy policy, EntryStore store,
                       Map<String, Integer> seen) {
        EntryDraftParser.Result r = parser.parse(row.json());
        String key = row.json().path("key").asText(null);
        List<FieldError> problems = new ArrayList<>(r.errors());
        if (r.ok()) {
            Integer earlier = seen.putIfAbsent(r.draft().key(), row.number());
            if (earlier != null) problems.add(new FieldError("key", "key also appears in row " + earlier));
            Optional<Entry> current = store.find(r.draft().key());
            try {
                policy.checkStatusChange(owner, current.map(Entry::status).orElse(null), r.draft().status());
            } catch (ApiException e) {
                problems.add(new FieldError("status", e.getMessage()));
            }
            if (problems.isEmpty()) {
                drafts.add(r.draft());
                if (current.isEmpty()) creates++;
                else if (EntryDraft.of(current.get()).equals(r.draft())) unchanged++;
                else updates++;
            }
        }
        if (!problems.isEmpty()) errors.add(new RowError(row.number(), key, problems));
    }

    /** Moves a ready job to importing before its work is queued, so it cannot be applied twice. */
    void markQueued() {
        phase = Phase.IMPORTING;
        done.set(0);
    }

    /** Writes the validated rows; after {@link #markQueued}. */
    void apply(EntryStore store) {
        total = drafts.size();
        try {
            for (int i = 0; i < drafts.size(); i += BATCH) {
                List<EntryDraft> batch = drafts.subList(i, Math.min(drafts.size(), i + BATCH));
                store.upsertAll(batch, owner.username());
                done.addAndGet(batch.size());
            }
            phase = Phase.DONE;
        } catch (RuntimeException e) {
            failure = e.getMessage();
            phase = Phase.FAILED;
            throw e;
        }
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public Principal owner() {
        return owner;
    }

    public Phase phase() {
        return phase;
    }

    public int done() {
        return done.get();
    }

    public int total() {
        return total;
    }

    /** Whole percent of the current phase, 0–100. */
    public int percent() {
        int t = total;
        return t == 0 ? (phase == Phase.VALIDATING || phase == Phase.IMPORTING ? 0 : 100) : Math.min(100, done.get() * 100 / t);
    }

    public List<RowError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public int creates() {
        return creates;
    }

    public int updates() {
        return updates;
    }

    public int unchanged() {
        return unchanged;
    }

    public String failure() {
        return failure;
    }
}
