/** Usage events from the help-desk widget ({@code search}, {@code view}, {@code insert}): validation, storage and {@code /api/v1/events}. */
package com.replybook.kb.events;
