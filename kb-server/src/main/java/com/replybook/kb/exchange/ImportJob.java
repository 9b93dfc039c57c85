package com.replybook.kb.exchange;

import java.time.Instant;
import java.util.Locale;

/**
 * An import job as stored ({@code import_jobs}): a console upload on its way in, first checked (the dry run), then,
 * when the user confirms, imported. Immutable; read it again for news.
 *
 * @param done  rows handled in the current phase, of {@code total}
 * @param problem a problem with the whole file, or why the job failed or was interrupted, for the user; else null
 */
public record ImportJob(String id, String fileName, String ownerId, String ownerName, Phase phase, int done,
                        int total, String problem, Instant createdAt, Instant heartbeatAt, Instant finishedAt) {

    /** Where a job is; the wire form is the lower-case name. */
    public enum Phase {
        /** The dry run is reading and checking the file. */
        VALIDATING,
        /** Checked: the rows can be reviewed, left out and imported. */
        READY,
        /** The file as a whole could not be used (unreadable, unknown column, check interrupted). */
        REJECTED,
        IMPORTING,
        DONE,
        /** The import stopped on an error; the rows written before it stay. */
        FAILED,
        /** The node importing it stopped (a restart); the rows written before it stay, and it can be resumed. */
        INTERRUPTED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Phase fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }

        /** True while a node works on the job (and writes its heartbeat). */
        public boolean active() {
            return this == VALIDATING || this == IMPORTING;
        }
    }

    /** Whole percent of the current phase, 0–100. */
    public int percent() {
        if (total == 0) return phase.active() ? 0 : 100;
        return Math.min(100, (int) ((long) done * 100 / total));
    }

    public boolean finished() {
        return !phase.active();
    }
}
