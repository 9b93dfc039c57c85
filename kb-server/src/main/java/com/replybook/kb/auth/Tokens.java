package com.replybook.kb.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token generation and hashing. Tokens carry 256 random bits, so a fast SHA-256 is the right hash
 * (slow password hashes protect low-entropy secrets); only the hash is stored.
 */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Prefix that makes leaked tokens recognisable to secret scanners, e.g. {@code rb_3q2…}. */
    static final String PREFIX = "rb_";

    private Tokens() {
    }

    static String newToken() {
        return PREFIX + random();
    }

    /** 256 random bits as 43 URL-safe characters (session cookies, CSRF tokens). */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
