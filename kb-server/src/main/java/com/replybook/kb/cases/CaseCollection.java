package com.replybook.kb.cases;

import java.time.Instant;
import java.util.List;

/** An ordered set of cases and entries curated by a lead, e.g. "新人第一周" or "Double 11 logistics". Immutable. */
public record CaseCollection(String id, String name, String description, List<CollectionItem> items,
                             Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public CaseCollection {
        items = List.copyOf(items == null ? List.of() : items);
    }
}
