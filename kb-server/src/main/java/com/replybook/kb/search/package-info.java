/**
 * Search, as the other features use it: {@link com.replybook.kb.search.SearchService} (started once by the
 * composition root, with its {@link com.replybook.kb.search.SearchSettings}), the requests and results, ticket
 * suggestions, type-ahead, the synonyms kept in the database, and the {@code /api/v1/search}, {@code /suggest} and
 * {@code /synonyms} servlets. Other packages use this package only; its parts live in subpackages, each depending
 * only on those after it:
 * <ul>
 *   <li>{@code ranking}: the lexical query, the scope filter, dense rescoring and fusion, the confidence;</li>
 *   <li>{@code index}: the Lucene index derived from the entry store;</li>
 *   <li>{@code semantic}: the embedding models, the entries' vectors and the query whitening;</li>
 *   <li>{@code analysis}: the analysis chains and the synonym rules.</li>
 * </ul>
 */
package com.replybook.kb.search;
