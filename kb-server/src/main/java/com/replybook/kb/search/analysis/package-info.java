/**
 * Text analysis shared by the index and the queries: the Lucene analysis chains (traditional → simplified folding,
 * bigrams, words, type-ahead n-grams) and the query-time synonym rules. Depends on no other search package.
 */
package com.replybook.kb.search.analysis;
