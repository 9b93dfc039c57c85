/**
 * Import and export of entries as CSV, XLSX and JSON (and of cases and collections as JSON): a dry run that
 * names every bad row before anything is written, background jobs with progress for large files, and a
 * column layout that survives an export → import round trip unchanged.
 */
package com.replybook.kb.exchange;
