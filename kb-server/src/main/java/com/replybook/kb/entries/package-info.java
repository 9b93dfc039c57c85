/** Entries (problem → cause → script → actions): the model, its validation, JDBC store, revisions and HTTP API. */
package com.replybook.kb.entries;
