package com.replybook.kb.render;

import java.io.IOException;
import java.io.Writer;

/** A {@link StringBuilder} writer that fails once more than {@code max} characters are written. */
final class LimitedWriter extends Writer {

    /** Thrown through FreeMarker when a template writes more than the cap. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(int max) {
            super("output exceeds " + max + " characters");
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final int max;

    LimitedWriter(int max) {
        this.max = max;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (out.length() + length > max) {
            throw new LimitExceeded(max);
        }
        out.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        if (out.length() + length > max) {
            throw new LimitExceeded(max);
        }
        out.append(s, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return out.toString();
    }
}
