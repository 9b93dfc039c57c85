package com.replybook.kb.cases;

import java.time.Instant;
import java.util.List;

/**
 * An ordered set of cases and entries curated by a lead, e.g. "新人第一周" or "Double 11 logistics". Immutable.
 *
 * @param published true once a lead has published it for agents to study; editors and up see it either way
 */
public record CaseCollection(String id, String name, String description, List<CollectionItem> items,
                             Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                             boolean published) {

    public CaseCollection {
        items = List.copyOf(items == null ? List.of() : items);
    }

    /** The same collection with {@code other} items, e.g. their titles filled in. */
    public CaseCollection withItems(List<CollectionItem> other) {
        return new CaseCollection(id, name, description, other, createdAt, createdBy, updatedAt, updatedBy, published);
    }
}
