/**
 * Test support shared by every feature: real databases (SQLite and PostgreSQL), the real server on a free port
 * (in process, or the built WAR as its own process) and a headless Chromium. Published as kb-server's test-jar
 * (this package only) for the help-desk plugin's end-to-end tests, whose classpath has no kb-server classes: what
 * they use ({@link com.replybook.kb.testing.Browser}, {@link com.replybook.kb.testing.WarProcess}) needs only the
 * JDK and Selenium.
 */
package com.replybook.kb.testing;
