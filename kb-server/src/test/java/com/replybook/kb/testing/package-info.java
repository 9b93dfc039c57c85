/** Test support shared by every feature: real databases (SQLite and PostgreSQL) and the real server on a free port. */
package com.replybook.kb.testing;
