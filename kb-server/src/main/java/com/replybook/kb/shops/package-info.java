/**
 * Shops: the stores a service team serves (Tmall, JD, its own site), each with its key, name, locales and voice
 * (signature, greeting and closing per tone, layout overrides), shared by every node; {@code /api/v1/shops} and the
 * console's shop pages.
 */
package com.replybook.kb.shops;
