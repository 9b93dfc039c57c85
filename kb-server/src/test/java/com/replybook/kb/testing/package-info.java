/**
 * Test support shared by every feature: real databases (SQLite and PostgreSQL), the real server on a free port
 * (in process, or the built WAR as its own process), a headless Chromium, and failure reports for tests that drive
 * them. Published as kb-server's test-jar (this package only) for the help-desk plugin's end-to-end tests, whose
 * classpath has no kb-server classes: what they use ({@link com.replybook.kb.testing.Browser},
 * {@link com.replybook.kb.testing.WarProcess}, {@link com.replybook.kb.testing.FailureReport}) needs only the JDK,
 * Selenium and JUnit.
 */
package com.replybook.kb.testing;
