/**
 * How a text is matched and ranked: the lexical query and its spelling correction, the scope filter, the dense
 * rescoring of candidates and its fusion with the lexical score, and the confidence in the top hit. Depends on
 * {@code search.index}, {@code search.semantic} and {@code search.analysis}.
 */
package com.replybook.kb.search.ranking;
