package com.replybook.kb.exchange;

import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.web.FieldError;

import java.util.List;

/**
 * One row of an import as planned against the library: what it would do and, field by field, what it would change.
 *
 * @param number          what the user sees: the spreadsheet row (the header is row 1), the 1-based position in a
 *                        JSON file, or the 0-based index of an API request
 * @param key             the entry key the row names, null when it has none
 * @param action          what importing the row does
 * @param draft           the validated entry, null for an {@link RowAction#ERROR}
 * @param basedOn         the version of the entry the plan was made against, 0 for a new entry
 * @param submit          for {@link RowAction#PENDING}: the row asks for review ({@code in_review})
 * @param replacesPending for {@link RowAction#PENDING}: the entry already has a pending change, which this replaces
 * @param changes         for an update or a pending change: every field that differs from the live entry
 * @param errors          for {@link RowAction#ERROR}: every problem, naming its field
 */
public record ImportRow(int number, String key, RowAction action, EntryDraft draft, long basedOn, boolean submit,
                        boolean replacesPending, List<FieldChange> changes, List<FieldError> errors) {

    public ImportRow {
        changes = List.copyOf(changes);
        errors = List.copyOf(errors);
    }

    static ImportRow error(int number, String key, List<FieldError> errors) {
        return new ImportRow(number, key, RowAction.ERROR, null, 0, false, false, List.of(), errors);
    }
}
