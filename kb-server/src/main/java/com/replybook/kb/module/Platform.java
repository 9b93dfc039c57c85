package com.replybook.kb.module;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;

import java.time.Clock;

/**
 * What every feature module builds on: the configuration, the database (the record) and the clock.
 *
 * @param config   read once at start-up
 * @param database opened and migrated; closed by the composition root after every module
 * @param clock    the one source of "now", fixed in tests
 */
public record Platform(ServerConfig config, Database database, Clock clock) {
}
