package com.replybook.kb.exchange;

/**
 * One field an import row changes, as the dry run lists it, e.g. {@code {"field":"script","before":"您好…",
 * "after":"亲，您好…"}}. Values are as in the entry JSON: text, a list of texts, a number, a status.
 */
public record FieldChange(String field, Object before, Object after) {
}
