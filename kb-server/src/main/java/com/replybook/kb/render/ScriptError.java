package com.replybook.kb.render;

import com.replybook.kb.web.ErrorCode;

/**
 * What can be wrong with a script, in a small set of plain messages (FreeMarker's own parser and runtime
 * messages are mapped onto these by {@link ScriptProblems}); each is reported at a line and column.
 */
public enum ScriptError implements ErrorCode {
    UNCLOSED("script.unclosed", "{what} is opened here but never closed; add its end ({end})", "what", "end"),
    STRAY_END("script.strayEnd", "{tag} closes nothing here: its opening tag is missing or was closed already", "tag"),
    MISPLACED("script.misplaced", "{tag} can only stand inside the directive it belongs to (e.g. <#else> inside <#if>)",
            "tag"),
    MALFORMED_TAG("script.malformedTag", "The <{directive}> tag is incomplete; write it like <#if order.amount?number gt 100>",
            "directive"),
    UNKNOWN_DIRECTIVE("script.unknownDirective", "<{directive}> is not a directive; scripts use #if, #list and #switch",
            "directive"),
    UNEXPECTED("script.unexpected", "Unexpected \"{token}\" here; check the ${…} or <#…> around it", "token"),
    UNCLOSED_STRING("script.unclosedString", "A quoted text is not closed; add the closing quote"),
    SYNTAX("script.syntax", "This is not valid script syntax: {detail}", "detail"),
    NOT_ALLOWED("script.notAllowed", "{what} is not allowed in scripts; use only ${…}, #if/#elseif/#else, "
            + "#list/#items/#sep, #switch/#case/#on/#default and #compress", "what"),
    BUILT_IN_NOT_ALLOWED("script.builtInNotAllowed", "?{name} is not allowed in scripts", "name"),
    SPECIAL_VARIABLE("script.specialVariable", "special variable .{name} is not allowed in scripts", "name"),
    RANGE("script.range", "ranges (..) are not allowed in scripts"),
    FTL_HEADER("script.ftlHeader", "<#ftl> is not allowed in scripts"),
    UNKNOWN_VARIABLE("script.unknownVariable", "Unknown variable '{name}'; scripts can use {known}.", "name", "known"),
    NOT_A_NUMBER("script.notANumber", "{expression} is not a number here (it is \"{value}\"); ?number reads amounts "
            + "such as 199.00, ¥1,299 or 25 元", "expression", "value"),
    COMPARE_TYPES("script.compareTypes", "{expression} compares a text with a number; read the amount as a number "
            + "first, e.g. order.amount?number gt 100", "expression"),
    NOT_A_CONDITION("script.notACondition", "{expression} is not a yes/no condition; compare it, e.g. "
            + "<#if order.amount?number gt 100> (write gt, lt, gte or lte: > ends the tag)", "expression"),
    WRONG_TYPE("script.wrongType", "{expression} cannot be used like this: {detail}", "expression", "detail"),
    FAILED("script.failed", "The script fails here: {detail}", "detail"),
    TOO_LONG("script.tooLong", "The script has {length} characters; the limit is {max}.", "length", "max"),
    OUTPUT_TOO_LONG("script.outputTooLong", "The script writes more than {max} characters; shorten it or remove loops.",
            "max"),
    TIMEOUT("script.timeout", "The script took longer than {ms} ms to render; remove nested loops.", "ms"),
    TOO_DEEP("script.tooDeep", "The script is nested too deeply.");

    private final Def def;

    ScriptError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
