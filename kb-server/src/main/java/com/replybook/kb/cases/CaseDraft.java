package com.replybook.kb.cases;

import java.util.List;

/** The fields of a case a writer supplies, validated, sanitised and masked by {@link CaseParser}. */
public record CaseDraft(String title, String excerptHtml, String agentDid, String whyItWorked, String outcome,
                        List<String> tags, List<String> entryKeys, int rating, String source) {
}
