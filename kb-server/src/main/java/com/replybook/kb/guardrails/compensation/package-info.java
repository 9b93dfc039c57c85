/**
 * The compensation policy per locale: what an agent may offer without asking, by category, order value and customer
 * tags ({@code 物流} coupons of ¥5/¥10/¥20 by order value…); {@code /api/v1/compensation}, the render advice
 * ({@code ${compensation.coupon}}, {@code compensation-over-limit:} warnings) and the console page.
 */
package com.replybook.kb.guardrails.compensation;
