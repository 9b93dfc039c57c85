/**
 * The product's own words, defined once: tones, emotions, channels, compensation offers, the supported locales, the script variables
 * and when an entry is stale. Below every feature; depends on nothing of the application.
 */
package com.replybook.kb.vocabulary;
