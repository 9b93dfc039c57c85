package com.replybook.kb.auth;

import java.time.Instant;

/**
 * A person or integration that signs in or calls the API. Example username: {@code li.na}.
 *
 * @param locale the console's language for this user, e.g. {@code zh-CN}; null follows the browser's language
 */
public record User(String id, String username, String displayName, Role role, String locale,
                   boolean disabled, Instant createdAt) {
}
