/**
 * Response clocks: the team's targets per channel (first response, and the FAST stages counted from the customer's
 * first message) kept by leads and shared by every node, through {@code /api/v1/clocks} and the console; the
 * help-desk widget times the ticket against them.
 */
package com.replybook.kb.clocks;
