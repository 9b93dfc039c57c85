/**
 * Wording rules per locale: phrases a reply must not contain (block) or should not (warn), matched after folding
 * traditional to simplified Chinese, full to half width, case, spaces and punctuation, with gaps where a rule means
 * them ({@code 快递…管不了}); {@code /api/v1/wording}, the save-time check and the console page.
 */
package com.replybook.kb.guardrails.wording;
