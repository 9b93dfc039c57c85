package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Import jobs and their rows in the database ({@code import_jobs}, {@code import_job_rows}, migration V67), so that
 * every node reports the same jobs and any node can import a checked one. A job whose node stopped writing its
 * heartbeat for {@link #HEARTBEAT_TIMEOUT} is reported as interrupted the next time it is read: a check cannot be
 * resumed (the file is not kept) and becomes rejected; an import can. Thread-safe.
 */
final class ImportJobStore {

    /** How often the node working on a job writes its heartbeat. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A job whose heartbeat is older than this is no longer worked on. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {
    };
    private static final String JOB_COLUMNS = "id, file_name, owner_id, owner_name, phase, done_rows, total_rows, "
            + "problem, created_at, heartbeat_at, finished_at";
    private static final String ROW_COLUMNS = "position, source_row, entry_key, action, selected, replaces_pending, "
            + "changes, errors, outcome";

    /** Which rows a page lists. */
    enum Filter {
        /** Rows that would write something, and rows with errors. */
        CHANGES("action <> 'unchanged'"),
        ERRORS("action = 'error'"),
        UNCHANGED("action = 'unchanged'"),
        ALL("1 = 1");

        final String sql;

        Filter(String sql) {
            this.sql = sql;
        }

        static Filter of(String name) {
            for (Filter f : values()) if (f.name().equalsIgnoreCase(name == null ? "" : name)) return f;
            return CHANGES;
        }
    }

    private final Database db;
    private final Clock clock;

    ImportJobStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    ImportJob create(String id, String fileName, String ownerId, String ownerName) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_jobs (" + JOB_COLUMNS
                    + ") VALUES (?,?,?,?,?,0,0,NULL,?,?,NULL)")) {
                ps.setString(1, id);
                ps.setString(2, fileName);
                ps.setString(3, ownerId);
                ps.setString(4, ownerName);
                ps.setString(5, ImportJob.Phase.VALIDATING.wire());
                ps.setLong(6, now);
                ps.setLong(7, now);
                return ps.executeUpdate();
            }
        });
        return find(id).orElseThrow();
    }

    /** The job, with an abandoned one (its heartbeat stopped) reported, and stored, as interrupted. */
    Optional<ImportJob> find(String id) {
        Optional<ImportJob> job = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM import_jobs WHERE id = ?")) {
                ps.setString(1, id);
                List<ImportJob> found = jobs(ps);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            }
        });
        return job.map(this::unlessAbandoned);
    }

    /** The newest {@code limit} jobs of the user {@code ownerId}, newest first. */
    List<ImportJob> recent(String ownerId, int limit) {
        List<ImportJob> found = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS
                    + " FROM import_jobs WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ?")) {
                ps.setString(1, ownerId);
                ps.setInt(2, limit);
                return jobs(ps);
            }
        });
        return found.stream().map(this::unlessAbandoned).toList();
    }

    private ImportJob unlessAbandoned(ImportJob job) {
        if (!job.phase().active() || job.heartbeatAt().plus(HEARTBEAT_TIMEOUT).isAfter(clock.instant())) return job;
        boolean checking = job.phase() == ImportJob.Phase.VALIDATING;
        ImportJob.Phase next = checking ? ImportJob.Phase.REJECTED : ImportJob.Phase.INTERRUPTED;
        String why = checking ? "interrupted-check" : "interrupted-import";
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET phase = ?, problem = ?, "
                    + "finished_at = ? WHERE id = ? AND phase = ? AND heartbeat_at = ?")) {
                ps.setString(1, next.wire());
                ps.setString(2, why);
                ps.setLong(3, clock.millis());
                ps.setString(4, job.id());
                ps.setString(5, job.phase().wire());
                ps.setLong(6, job.heartbeatAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
        return find(job.id()).orElse(job);
    }

    /** Records progress of the current phase (and that this node is still on it). */
    void progress(String id, int done, int total) {
        update("UPDATE import_jobs SET done_rows = ?, total_rows = ?, heartbeat_at = ? WHERE id = ?",
                done, total, clock.millis(), id);
    }

    /** Keeps the jobs {@code ids} alive: this node is still working on them. */
    void heartbeat(Collection<String> ids) {
        if (ids.isEmpty()) return;
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET heartbeat_at = ? WHERE id = ?")) {
                for (String id : ids) {
                    ps.setLong(1, now);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /** Ends the current phase in {@code phase}, with a problem for the user or null. */
    void finish(String id, ImportJob.Phase phase, String problem) {
        update("UPDATE import_jobs SET phase = ?, problem = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?",
                phase.wire(), problem, clock.millis(), clock.millis(), id);
    }

    /** Stores planned rows, the {@code i}-th at position {@code firstPosition + i}; all that write are selected. */
    void addRows(String id, int firstPosition, List<ImportRow> rows) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_job_rows (job_id, " + ROW_COLUMNS
                    + ", draft) VALUES (?,?,?,?,?,?,?,?,?,NULL,?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    ImportRow r = rows.get(i);
                    ps.setString(1, id);
                    ps.setInt(2, firstPosition + i);
                    ps.setInt(3, r.number());
                    ps.setString(4, r.key() == null ? null : r.key().substring(0, Math.min(200, r.key().length())));
                    ps.setString(5, r.action().wire());
                    ps.setInt(6, r.action().writes() ? 1 : 0);
                    ps.setInt(7, r.replacesPending() ? 1 : 0);
                    setJson(ps, 8, r.changes().isEmpty() ? null : r.changes());
                    setJson(ps, 9, r.errors().isEmpty() ? null : r.errors());
                    setJson(ps, 10, r.draft());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /** Counts of the job's rows by planned action and by outcome, and how many the user keeps. */
    JobCounts counts(String id) {
        return db.read(c -> {
            Map<String, Integer> planned = new LinkedHashMap<>();
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            int selected = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT action, selected, outcome, COUNT(*) FROM "
                    + "import_job_rows WHERE job_id = ? GROUP BY action, selected, outcome")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(4);
                        planned.merge(rs.getString(1), n, Integer::sum);
                        if (rs.getInt(2) == 1) selected += n;
                        if (rs.getString(3) != null) outcomes.merge(rs.getString(3), n, Integer::sum);
                    }
                }
            }
            return new JobCounts(planned, selected, outcomes);
        });
    }

    /** Rows of the job that {@code filter} lists, in file order, from {@code offset}. */
    List<JobRow> rows(String id, Filter filter, int offset, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM import_job_rows WHERE "
                    + "job_id = ? AND " + filter.sql + " ORDER BY position LIMIT ? OFFSET ?")) {
                ps.setString(1, id);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                List<JobRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(row(rs));
                }
                return out;
            }
        });
    }

    int count(String id, Filter filter) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_job_rows WHERE job_id = ? AND "
                    + filter.sql)) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Keeps ({@code selected}) or leaves out the rows at {@code positions}; rows that write nothing stay as they are. */
    void select(String id, Collection<Integer> positions, boolean selected) {
        if (positions.isEmpty()) return;
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_job_rows SET selected = ? WHERE job_id = ? "
                    + "AND position = ? AND action IN ('create', 'update', 'pending')")) {
                for (int p : positions) {
                    ps.setInt(1, selected ? 1 : 0);
                    ps.setString(2, id);
                    ps.setInt(3, p);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /** Keeps or leaves out every row of the job that writes something. */
    void selectAll(String id, boolean selected) {
        update("UPDATE import_job_rows SET selected = ? WHERE job_id = ? AND action IN ('create', 'update', 'pending')",
                selected ? 1 : 0, id);
    }

    /**
     * Moves a checked (or interrupted) job to importing, counting the kept rows still to import; false when the job
     * is in another phase (someone else started it, or it is not checked).
     */
    boolean startImport(String id) {
        return db.inTransaction(c -> {
            int total = selectedWrites(c, id, false);
            int done = total - selectedWrites(c, id, true);
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET phase = ?, done_rows = ?, "
                    + "total_rows = ?, problem = NULL, heartbeat_at = ?, finished_at = NULL WHERE id = ? "
                    + "AND phase IN ('ready', 'interrupted', 'failed')")) {
                ps.setString(1, ImportJob.Phase.IMPORTING.wire());
                ps.setInt(2, done);
                ps.setInt(3, total);
                ps.setLong(4, clock.millis());
                ps.setString(5, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static int selectedWrites(Connection c, String id, boolean onlyOpen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM import_job_rows WHERE job_id = ? AND "
                + "selected = 1 AND action IN ('create', 'update', 'pending')" + (onlyOpen ? " AND outcome IS NULL" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A kept row still to import: where it is, and the entry checked for it. */
    record OpenRow(int position, int sourceRow, EntryDraft draft) {
    }

    /** The next {@code limit} kept rows after {@code afterPosition} that are not imported yet. */
    List<OpenRow> openRows(String id, int afterPosition, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position, source_row, draft FROM import_job_rows "
                    + "WHERE job_id = ? AND position > ? AND selected = 1 AND outcome IS NULL "
                    + "AND action IN ('create', 'update', 'pending') ORDER BY position LIMIT ?")) {
                ps.setString(1, id);
                ps.setInt(2, afterPosition);
                ps.setInt(3, limit);
                List<OpenRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new OpenRow(rs.getInt(1), rs.getInt(2), fromJson(rs.getString(3), EntryDraft.class)));
                }
                return out;
            }
        });
    }

    /** Records what importing rows did (by position), with the job's progress, in one transaction. */
    void recordOutcomes(String id, Map<Integer, ImportWriter.Written> written, int done, int total) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_job_rows SET outcome = ?, errors = ? "
                    + "WHERE job_id = ? AND position = ?")) {
                for (Map.Entry<Integer, ImportWriter.Written> w : written.entrySet()) {
                    ps.setString(1, w.getValue().outcome().wire());
                    FieldError problem = w.getValue().problem();
                    setJson(ps, 2, problem == null ? null : List.of(problem));
                    ps.setString(3, id);
                    ps.setInt(4, w.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_jobs SET done_rows = ?, total_rows = ?, "
                    + "heartbeat_at = ? WHERE id = ?")) {
                ps.setInt(1, done);
                ps.setInt(2, total);
                ps.setLong(3, clock.millis());
                ps.setString(4, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Forgets the user's jobs beyond their newest {@code keep}, and every finished job older than {@code maxAge};
     * a job a node is working on is never forgotten.
     */
    void prune(String ownerId, int keep, Duration maxAge) {
        List<String> old = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM import_jobs WHERE phase NOT IN "
                    + "('validating', 'importing') AND (created_at < ? OR (owner_id = ? AND id NOT IN (SELECT id FROM "
                    + "import_jobs WHERE owner_id = ? ORDER BY created_at DESC, id LIMIT ?)))")) {
                ps.setLong(1, clock.millis() - maxAge.toMillis());
                ps.setString(2, ownerId);
                ps.setString(3, ownerId);
                ps.setInt(4, keep);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                return ids;
            }
        });
        for (String id : old) {
            db.inTransaction(c -> {
                for (String table : List.of("import_job_rows WHERE job_id = ?", "import_jobs WHERE id = ?")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table)) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /** Drops the entries kept for importing once a job is done: its report needs only the plan and the outcomes. */
    void dropDrafts(String id) {
        update("UPDATE import_job_rows SET draft = NULL WHERE job_id = ?", id);
    }

    private void update(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    Object a = args[i];
                    if (a == null) ps.setNull(i + 1, Types.VARCHAR);
                    else if (a instanceof Integer n) ps.setInt(i + 1, n);
                    else if (a instanceof Long n) ps.setLong(i + 1, n);
                    else ps.setString(i + 1, a.toString());
                }
                return ps.executeUpdate();
            }
        });
    }

    private static List<ImportJob> jobs(PreparedStatement ps) throws SQLException {
        List<ImportJob> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long finished = rs.getLong(11);
                Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                out.add(new ImportJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ImportJob.Phase.fromWire(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getString(8),
                        Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), finishedAt));
            }
        }
        return out;
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        String changes = rs.getString(7);
        String errors = rs.getString(8);
        return new JobRow(rs.getInt(1), rs.getInt(2), rs.getString(3), RowAction.fromWire(rs.getString(4)),
                rs.getInt(5) == 1, rs.getInt(6) == 1,
                changes == null ? List.of() : fromJson(changes, CHANGES),
                errors == null ? List.of() : fromJson(errors, ERRORS), rs.getString(9));
    }

    private static void setJson(PreparedStatement ps, int i, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
            return;
        }
        try {
            ps.setString(i, Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Corrupt import job row", e);
        }
    }

    private static <T> T fromJson(String json, Class<T> type) throws SQLException {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Corrupt import job row", e);
        }
    }
}
