/** Serves the help-desk widget (JS, CSS, message bundles) from the plugin jar under {@code /plugin/}. */
package com.replybook.kb.plugin;
