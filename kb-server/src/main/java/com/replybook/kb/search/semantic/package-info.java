/**
 * The embeddings of hybrid search: the in-process models and their vector spaces, each entry's vectors (computed in
 * the background, stored in the database, packed for the index) and the query whitening fitted on the library's
 * vectors. Depends on {@code search.analysis} only.
 */
package com.replybook.kb.search.semantic;
