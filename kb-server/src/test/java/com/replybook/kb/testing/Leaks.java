package com.replybook.kb.testing;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a message for a user must never contain: exception, class and package names, stack frames, the names of the
 * libraries that read files. Checked after what the message quotes from the input ({@code 'like this'}) is taken out:
 * echoing the user's own text back is no leak. A script's syntax problems may name FreeMarker, the language scripts
 * are written in. Used by the fuzz tests' oracles.
 */
public final class Leaks {

    static final Pattern LEAK = Pattern.compile("Exception|Error\\b|\\bat [a-z]+\\.|\\b(com|org|java|javax|jakarta)\\.[a-z]+|"
            + "[a-z0-9]\\$[A-Z]|(?i:jackson|\\bpoi\\b|commons|xmlbeans)");
    static final Pattern QUOTED = Pattern.compile("'[^']*'");

    private Leaks() {
    }

    /** Fails unless {@code message} is words for a user: present, not blank, naming nothing of the server's insides. */
    public static void assertPlain(String message) {
        if (message == null || message.isBlank()) fail("a problem without words");
        if (LEAK.matcher(QUOTED.matcher(message).replaceAll("''")).find()) fail("a message leaks internals: " + message);
    }
}
