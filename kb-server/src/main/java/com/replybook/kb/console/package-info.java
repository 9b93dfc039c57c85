/**
 * The web console's shell: the one servlet under {@code /console/} (sign-in, CSRF, security headers, error pages),
 * {@link com.replybook.kb.console.Page} for the features' pages, the page templates' renderer and the UI text in
 * en, zh-CN and zh-TW. Features contribute their pages through their module; this package owns none of them.
 */
package com.replybook.kb.console;
