package com.replybook.kb.auth;

import java.time.Instant;
import java.util.List;

/**
 * A person or integration that signs in or calls the API. Example username: {@code li.na}.
 *
 * @param locale the console's language for this user, e.g. {@code zh-CN}; null follows the browser's language
 * @param shops the keys of the shops the user works for, e.g. {@code ["tmall-flagship"]}; empty for every shop
 */
public record User(String id, String username, String displayName, Role role, String locale,
                   boolean disabled, Instant createdAt, List<String> shops) {

    public User {
        shops = shops == null ? List.of() : List.copyOf(shops);
    }
}
