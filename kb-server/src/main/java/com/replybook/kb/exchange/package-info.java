/**
 * Import and export of entries as CSV, XLSX, JSON and NDJSON (and of cases and collections as JSON): every row planned
 * against the library before anything is written (created, updated, a pending revision of a published entry,
 * unchanged, or an error naming its field), a dry run that lists what each row would change field by field and lets
 * the user leave rows out, import jobs kept in the database with progress any node can report, and a column layout
 * that survives an export → import round trip unchanged.
 */
package com.replybook.kb.exchange;
