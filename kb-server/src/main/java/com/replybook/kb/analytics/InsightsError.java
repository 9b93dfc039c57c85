package com.replybook.kb.analytics;

import com.replybook.kb.web.ErrorCode;

/** Messages about insights and their alert rules (see {@link ErrorCode}). */
enum InsightsError implements ErrorCode {
    CATEGORIES_NOT_ARRAY("insights.categoriesNotArray",
            "categories must be an array of category names, e.g. [\"投诉\", \"质量\"]"),
    LABEL_TOO_LONG("insights.labelTooLong", "label must be at most {max} characters", "max"),
    KIND("insights.kind", "kind must be one of {kinds}", "kinds"),
    WHOLE("insights.whole", "{field} must be a whole number from 1 to {max}", "field", "max"),
    WHOLE_WAS("insights.wholeWas", "{field} must be a whole number from 1 to {max}, was '{value}'", "field", "max",
            "value"),
    TOO_MANY_CATEGORIES("insights.tooManyCategories", "at most {max} categories", "max"),
    CATEGORY_NAME("insights.categoryName", "each category must be a name of 1 to {max} characters", "max"),
    CATEGORY_REQUIRED("insights.categoryRequired", "name must name a category"),
    TOO_MANY_RULES("insights.tooManyRules", "At most {max} alert rules; delete one first", "max"),
    RULE_NOT_FOUND("insights.ruleNotFound", "No alert rule {id}", "id"),
    LOCALE("insights.locale", "locale must be one of {locales}, was '{value}'", "locales", "value");

    private final Def def;

    InsightsError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
