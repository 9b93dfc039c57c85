package com.replybook.kb.tone;

/** One mapping line: customers tagged {@code tag} (case-insensitive) get {@code tone}. Example: {@code vip → formal}. */
public record ToneRule(String tag, String tone) {
}
