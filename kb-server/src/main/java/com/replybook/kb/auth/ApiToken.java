package com.replybook.kb.auth;

import java.time.Instant;

/** An issued API token as listed to admins: never the token itself, which is shown once at issue time. */
public record ApiToken(String id, String userId, String label, Instant createdAt, Instant lastUsedAt,
                       Instant revokedAt) {
}
