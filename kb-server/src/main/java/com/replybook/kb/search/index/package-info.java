/**
 * The Lucene index derived from the entry store: one document per entry, with its fields ({@link SearchFields}) and
 * vectors, rebuilt or caught up from the store's change log and kept current in the background. Depends on
 * {@code search.semantic} and {@code search.analysis}.
 */
package com.replybook.kb.search.index;
