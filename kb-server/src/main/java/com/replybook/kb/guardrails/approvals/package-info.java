/**
 * Approvals: an agent asks a lead for compensation above the policy, the lead approves or rejects it once, and the
 * agent's widget lets the reply through once approved; {@code /api/v1/approvals}, the console page, and the check of
 * the grants insert events report.
 */
package com.replybook.kb.guardrails.approvals;
