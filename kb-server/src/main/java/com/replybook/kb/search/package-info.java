/**
 * Search: the analyzers, the Lucene index derived from the entry store, lexical and hybrid ranking, type-ahead,
 * ticket suggestions, synonyms, and the {@code /api/v1/search}, {@code /suggest} and {@code /synonyms} servlets.
 */
package com.replybook.kb.search;
