package com.replybook.kb.web;

/**
 * What is wrong with a JSON text or the text inside it (see {@link ErrorCode}, {@link JsonErrors}, {@link JsonText}).
 * The English words are the problem alone; where it is (line, column) is added to the API's English message by
 * {@link JsonErrors}.
 */
public enum JsonError implements ErrorCode {
    ENDED_EARLY("json.endedEarly", "the body ended before the JSON was complete"),
    TRAILING("json.trailing", "there is more after the JSON value; send exactly one value"),
    WRONG_SHAPE("json.wrongShape", "the body does not have the expected shape"),
    WRONG_TYPE("json.wrongType", "{field} has the wrong type", "field"),
    DUPLICATE("json.duplicate", "\"{name}\" appears twice in the same object", "name"),
    NOT_UTF8("json.notUtf8", "the body is not valid UTF-8 text"),
    CONTROL_CHARACTER("json.controlCharacter",
            "a control character inside a string must be escaped (\\n, \\t, \\u0001)"),
    NOT_A_NUMBER("json.notANumber", "NaN and Infinity are not JSON numbers"),
    COMMA_OR_COLON("json.commaOrColon", "a comma or colon is missing"),
    UNEXPECTED_CHARACTER("json.unexpectedCharacter", "unexpected character '{character}'", "character"),
    UNEXPECTED_WORD("json.unexpectedWord", "unexpected word '{word}' (text must be in double quotes)", "word"),
    NUMBER_FORM("json.numberForm", "a number is not written as JSON numbers are"),
    INVALID("json.invalid", "the body is not valid JSON"),
    TOO_DEEP("json.tooDeep", "the JSON is nested too deep (more than 64 levels of objects and arrays)"),
    NUMBER_TOO_LONG("json.numberTooLong", "a number is too long (more than 1000 digits)"),
    STRING_TOO_LONG("json.stringTooLong", "a string is too long"),
    NAME_TOO_LONG("json.nameTooLong", "a field name is too long"),
    TOO_LARGE("json.tooLarge", "the JSON is too large"),
    BODY_NUL("json.bodyNul", "the body contains a NUL character (\\u0000); remove it"),
    FIELD_NUL("json.fieldNul", "{field} contains a NUL character (\\u0000); remove it", "field"),
    BODY_SURROGATE("json.bodySurrogate",
            "the body contains half of a UTF-16 surrogate pair, which is not a character"),
    FIELD_SURROGATE("json.fieldSurrogate",
            "{field} contains half of a UTF-16 surrogate pair, which is not a character", "field");

    private final Def def;

    JsonError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
