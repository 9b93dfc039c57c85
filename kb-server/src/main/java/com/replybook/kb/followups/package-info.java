/**
 * Promised follow-ups: a call-back or an update an agent promised on a ticket, due at a time, recorded from the
 * help-desk widget after inserting a script that promises one; each agent sees their own, leads everyone's and the
 * overdue ones on the console; through {@code /api/v1/followups}.
 */
package com.replybook.kb.followups;
