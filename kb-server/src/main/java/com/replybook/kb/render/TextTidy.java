package com.replybook.kb.render;

import java.util.regex.Pattern;

/** Whitespace and punctuation clean-up of rendered text, so layouts can stay readable templates. */
final class TextTidy {

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u3000]+(?=\\n|$)");
    private static final Pattern INNER_SPACES = Pattern.compile("(?<=\\S)[ \\t]{2,}(?=\\S)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    /** A redacted value together with the label colon, currency sign or unit that only made sense with it. */
    private static final Pattern REDACTED = Pattern.compile(
            "[ \\t]*(?:No\\.|[#＃¥￥$])?[ \\t]*" + ScriptModel.REDACTED + "[ \\t]*(?:元|圓|块|塊|RMB|CNY|USD|NTD|TWD)?");
    /** A space left between two Chinese characters where a redacted value stood ("一张 无门槛券"). */
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile(
            "(?<=[\\p{IsHan}，。：；！？、）])[ \\t]+(?=[\\p{IsHan}，。：；！？、（])");
    private static final Pattern DANGLING_COLON = Pattern.compile("[:：]\\s*(?=[，,。.；;！!）)\\n]|$)");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|（\\s*）|【\\s*】|\\[\\s*]");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("[ \\t]+(?=[,.;:!?，。；：！？）)])");
    private static final Pattern REPEATED_COMMA = Pattern.compile("([，,])\\s*[，,]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");

    private TextTidy() {}

    /** Unix newlines, no trailing or doubled spaces, at most one blank line in a row, trimmed. */
    static String normalise(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        s = TRAILING_SPACE.matcher(s).replaceAll("");
        s = INNER_SPACES.matcher(s).replaceAll(" ");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }

    /** Removes redaction stand-ins and the punctuation they leave behind, e.g. "订单号：，" → "订单号，". */
    static String removeRedacted(String text) {
        String s = REDACTED.matcher(text).replaceAll(" ");
        s = SPACE_BETWEEN_HAN.matcher(s).replaceAll("");
        s = DANGLING_COLON.matcher(s).replaceAll("");
        s = EMPTY_BRACKETS.matcher(s).replaceAll("");
        s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("");
        s = REPEATED_COMMA.matcher(s).replaceAll("$1");
        return normalise(s);
    }

    /** One line, as an SMS is read: Chinese joins lines directly, other languages with a space. */
    static String oneLine(String text, boolean chinese) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll(chinese ? "" : " ");
    }
}
