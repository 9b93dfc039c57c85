package com.replybook.kb.search;

/**
 * One type-ahead suggestion: an entry whose problem or similar questions have words starting with what was typed.
 *
 * @param problem the entry's problem statement, shown as the suggestion text
 */
public record Suggestion(String id, String key, String locale, String category, String problem) {
}
