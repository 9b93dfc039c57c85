/**
 * The case library: model conversations (personal data masked on capture, HTML cleaned), the collections
 * leads curate from cases and entries, and {@code POST /api/v1/cases} for the help-desk plugin.
 */
package com.replybook.kb.cases;
