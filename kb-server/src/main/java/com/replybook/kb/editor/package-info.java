/**
 * The content editor's console pages: the entries list, the editor with its live preview, review and publishing,
 * revisions with diff and restore, and the stale queue.
 */
package com.replybook.kb.editor;
