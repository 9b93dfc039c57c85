/**
 * Renders an entry's reply script inside a tone layout inside a channel layout, in a hardened FreeMarker
 * sandbox, and owns the one jsoup {@link com.replybook.kb.render.HtmlCleaner} for all stored and served HTML.
 */
package com.replybook.kb.render;
