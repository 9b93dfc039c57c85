/**
 * The web console for content editors, leads and admins: server-rendered FreeMarker pages (auto-escaped HTML)
 * with a little JavaScript, in en, zh-CN and zh-TW, behind session sign-in with CSRF tokens on every form.
 */
package com.replybook.kb.console;
