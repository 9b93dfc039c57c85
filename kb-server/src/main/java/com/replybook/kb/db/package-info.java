/** The database (SQLite by default, PostgreSQL by configuration): pooled connections, transactions, Flyway migrations. */
package com.replybook.kb.db;
