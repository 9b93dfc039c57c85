package com.replybook.kb.cases;

/**
 * One member of a collection: {@code type} is {@code case} (ref = case id) or {@code entry} (ref = entry key).
 * {@code title} is filled in for display and is not stored.
 */
public record CollectionItem(String type, String ref, String title) {
}
