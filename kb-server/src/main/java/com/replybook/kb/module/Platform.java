package com.replybook.kb.module;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * What every feature module builds on: the configuration, the database (the record), the clock, the settings shared
 * by every node, and the meters.
 *
 * @param config   read once at start-up
 * @param database opened and migrated; closed by the composition root after every module
 * @param clock    the one source of "now", fixed in tests
 * @param settings settings every node applies (synonyms, tone mapping, rules): see {@link SettingsChanges}
 * @param metrics  where features record their meters, e.g. {@code metrics.timer("replybook.search")}; exposed at
 *                 {@code GET /metrics}
 */
public record Platform(ServerConfig config, Database database, Clock clock, SettingsChanges settings,
                       MeterRegistry metrics) {
}
