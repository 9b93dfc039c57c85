package com.replybook.kb.render;

import com.replybook.kb.vocabulary.ScriptVariables;

import freemarker.core.InvalidReferenceException;
import freemarker.core.NonBooleanException;
import freemarker.core.NonNumericalException;
import freemarker.core.ParseException;
import freemarker.core.UnexpectedTypeException;
import freemarker.template.TemplateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns FreeMarker's parser and runtime errors into the few plain {@link ScriptError}s editors read, at the line
 * and column of what is wrong: FreeMarker names grammar tokens ({@code Encountered "..<" <DOT_DOT_LESS>}) and Java
 * wrapper classes, which mean nothing to the people writing replies. An unclosed directive is reported where it
 * was opened, not at the end of the script where the parser noticed. Stateless.
 */
final class ScriptProblems {

    private static final Pattern UNCLOSED = Pattern.compile("You have an unclosed (\"\\{\"|#\\w+)");
    private static final Pattern MALFORMED = Pattern.compile("(#\\w+) is an existing directive, but the tag is malformed");
    private static final Pattern UNKNOWN = Pattern.compile("Unknown directive: (#\\w+)");
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PART_OF_ANOTHER = Pattern.compile(
            "^<#(else|elseif|sep|items|case|on|default|recover)\\b");
    /** Where FreeMarker's message blames an expression: {@code ==> order.amount?number  [in template "script" at line 2, column 6]}. */
    private static final Pattern BLAMED = Pattern.compile(
            "==> (.+?)\\s+\\[in template \"[^\"]*\" at line (\\d+), column (\\d+)]");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("Can't convert this string to number: \"(.*?)\"");

    private ScriptProblems() {
    }

    /** The problem a parse error stands for, in {@code source}. */
    static ScriptProblem of(ParseException e, String source) {
        String message = e.getEditorMessage() == null ? "" : e.getEditorMessage();
        int line = Math.max(1, e.getLineNumber());
        int column = Math.max(1, e.getColumnNumber());
        Matcher m;
        if ((m = UNCLOSED.matcher(message)).find()) return unclosed(m.group(1), source, line, column);
        if ((m = MALFORMED.matcher(message)).find()) return ScriptProblem.of(line, column, ScriptError.MALFORMED_TAG, m.group(1));
        if ((m = UNKNOWN.matcher(message)).find()) return ScriptProblem.of(line, column, ScriptError.UNKNOWN_DIRECTIVE, m.group(1));
        if (message.startsWith("Lexical error") && message.contains("after \"\\\"")) {
            return ScriptProblem.of(line, column, ScriptError.UNCLOSED_STRING);
        }
        if ((m = ENCOUNTERED.matcher(message)).find()) return encountered(m.group(1).replace("\\\"", "\""), line, column);
        return ScriptProblem.of(line, column, ScriptError.SYNTAX, firstSentence(message));
    }

    /** The problem a runtime error stands for, at the blamed expression when FreeMarker names one. */
    static ScriptProblem of(TemplateException e) {
        String message = e.getMessageWithoutStackTop() == null ? "" : e.getMessageWithoutStackTop();
        Matcher blamed = BLAMED.matcher(message);
        boolean found = blamed.find();
        String expression = found ? blamed.group(1) : String.valueOf(e.getBlamedExpressionString());
        int line = found ? Integer.parseInt(blamed.group(2)) : e.getLineNumber() == null ? 1 : e.getLineNumber();
        int column = found ? Integer.parseInt(blamed.group(3)) : e.getColumnNumber() == null ? 1 : e.getColumnNumber();
        if (e instanceof InvalidReferenceException) {
            return unknownVariable(line, column, expression);
        }
        Matcher number = NOT_A_NUMBER.matcher(message);
        if (e instanceof NonNumericalException && number.find()) {
            return ScriptProblem.of(line, column, ScriptError.NOT_A_NUMBER, expression, number.group(1));
        }
        if (e instanceof NonBooleanException) return ScriptProblem.of(line, column, ScriptError.NOT_A_CONDITION, expression);
        if (message.startsWith("Can't compare values of these types")) {
            return ScriptProblem.of(line, column, ScriptError.COMPARE_TYPES, expression);
        }
        if (e instanceof UnexpectedTypeException) {
            return ScriptProblem.of(line, column, ScriptError.WRONG_TYPE, expression, firstSentence(message));
        }
        return ScriptProblem.of(line, column, ScriptError.FAILED, firstSentence(message));
    }

    /** A variable the scripts do not know, e.g. {@code ordr.id}. */
    static ScriptProblem unknownVariable(int line, int column, String name) {
        return ScriptProblem.of(line, column, ScriptError.UNKNOWN_VARIABLE, name, String.join(", ", ScriptVariables.ALL));
    }

    private static ScriptProblem encountered(String token, int line, int column) {
        if (token.startsWith("</#")) return ScriptProblem.of(line, column, ScriptError.STRAY_END, token);
        if (PART_OF_ANOTHER.matcher(token).find()) return ScriptProblem.of(line, column, ScriptError.MISPLACED, token);
        return ScriptProblem.of(line, column, ScriptError.UNEXPECTED, token);
    }

    /** An unclosed {@code #if} or {@code ${}, reported at the last such opening before where the parser gave up. */
    private static ScriptProblem unclosed(String what, String source, int line, int column) {
        boolean interpolation = what.equals("\"{\"");
        String opening = interpolation ? "${" : "<" + what;
        String end = interpolation ? "}" : "</" + what + ">";
        int offset = Math.min(source.length(), offsetOf(source, line, column));
        int at = source.lastIndexOf(opening, offset);
        String shown = interpolation ? "${" : "<" + what + ">";
        if (at < 0) return ScriptProblem.of(line, column, ScriptError.UNCLOSED, shown, end);
        String before = source.substring(0, at);
        int atLine = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return ScriptProblem.of(atLine, at - before.lastIndexOf('\n'), ScriptError.UNCLOSED, shown, end);
    }

    /** The 0-based offset of a 1-based line and column. */
    static int offsetOf(String source, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) offset = source.indexOf('\n', offset) + 1;
        return Math.max(0, offset) + column - 1;
    }

    /**
     * FreeMarker's messages span lines and carry tips; the first statement, on one line and without FreeMarker's
     * internals ({@link ScriptMessages}), is enough.
     */
    private static String firstSentence(String message) {
        return ScriptMessages.plain(message.split("\nThe blamed expression|\n==>|\nWas expecting")[0]);
    }
}
