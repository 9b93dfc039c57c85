/** The one typed server configuration and its loader (flags, {@code REPLYBOOK_*} environment, system properties). */
package com.replybook.kb.config;
