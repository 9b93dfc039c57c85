/**
 * What leads watch: what agents search for most, which searches find nothing (library gaps), which entries
 * are used or never used, and how insertions split by tone, channel and customer emotion. Reads the usage
 * events and the entries; writes nothing.
 */
package com.replybook.kb.analytics;
