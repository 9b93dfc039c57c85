package com.replybook.kb.analytics;

import com.replybook.kb.web.ApiException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The leads' alert rules: checked input in, stored rules out; shared by the API and the console page. Thread-safe. */
final class AlertRules {

    private final AlertRuleStore store;
    private final Clock clock;

    AlertRules(AlertRuleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<AlertRule> all() {
        return store.all();
    }

    /** Adds the rule {@code input} describes (422 naming bad fields). */
    AlertRule add(AlertRuleInput input, String lead) {
        return store.add(input.rule(UUID.randomUUID().toString(), lead, clock.instant()));
    }

    /** Replaces rule {@code id} with {@code input}, keeping who created it and when; 404 when there is none. */
    AlertRule replace(String id, AlertRuleInput input, String lead) {
        AlertRule old = store.find(id).orElseThrow(() -> ApiException.notFound(InsightsError.RULE_NOT_FOUND, id));
        AlertRule checked = input.rule(id, lead, clock.instant());
        AlertRule rule = new AlertRule(id, checked.label(), checked.kind(), checked.categories(), checked.threshold(),
                checked.days(), old.createdBy(), old.createdAt());
        if (!store.replace(rule)) throw ApiException.notFound(InsightsError.RULE_NOT_FOUND, id);
        return rule;
    }

    boolean delete(String id) {
        return store.delete(id);
    }
}
