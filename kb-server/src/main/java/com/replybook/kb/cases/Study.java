package com.replybook.kb.cases;

import java.time.Instant;

/**
 * One person's mark that they studied a collection. Immutable.
 *
 * @param user  the kb-server user whose token (or console session) made the mark
 * @param agent the help-desk's name for the agent when a help-desk bridge made it, else the user again
 */
public record Study(String collectionId, String collectionName, String user, String agent, Instant studiedAt) {
}
