/** Tone choice for a reply: the admin-editable customer-tag → tone mapping, the zh/en emotion detector and {@code /api/v1/tone}. */
package com.replybook.kb.tone;
