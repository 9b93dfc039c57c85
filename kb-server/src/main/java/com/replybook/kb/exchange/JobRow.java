package com.replybook.kb.exchange;

import com.replybook.kb.web.FieldError;

import java.util.List;

/**
 * One stored row of an import job, as its page lists it.
 *
 * @param position  0-based order in the file
 * @param sourceRow the row number the user sees in their file
 * @param selected  the user keeps the row in the import
 * @param outcome   what importing it did ({@code created}, {@code pending}, {@code stale}…), null before
 */
public record JobRow(int position, int sourceRow, String key, RowAction action, boolean selected,
                     boolean replacesPending, List<FieldChange> changes, List<FieldError> errors, String outcome) {

    /** True when the user can keep or leave out the row: it would write something. */
    public boolean selectable() {
        return action.writes();
    }
}
