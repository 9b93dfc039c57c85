package com.replybook.kb.tone;

import java.util.List;

/** The tone layouts every locale of {@code templates/} provides. */
final class Tone {
    static final String STANDARD = "standard";
    static final String WARM = "warm";
    static final String LIVELY = "lively";
    static final String FORMAL = "formal";
    static final List<String> ALL = List.of(STANDARD, WARM, LIVELY, FORMAL);

    private Tone() {
    }
}
