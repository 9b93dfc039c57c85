/**
 * Usage events from the help-desk ({@code search}, {@code view}, {@code insert}, the tickets' {@code outcome} and
 * compensation {@code approval} steps): validation, storage and {@code /api/v1/events}.
 */
package com.replybook.kb.events;
