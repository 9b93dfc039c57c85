/**
 * Guardrails: what an agent may offer and what a reply must never say, enforced where replies are written and
 * inserted. The compensation policy per locale ({@code compensation}), the wording rules ({@code wording}) and the
 * approvals a lead gives above the policy ({@code approvals}), wired by {@link com.replybook.kb.guardrails.GuardrailsModule}.
 */
package com.replybook.kb.guardrails;
