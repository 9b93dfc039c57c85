package com.replybook.kb.render;

import freemarker.core.TemplateElement;
import freemarker.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.tree.TreeNode;

/**
 * The static rules an editor-written script must pass before it is ever run.
 *
 * <p>Scripts are reply text with interpolations and simple conditions, so everything else is refused:
 * only the directives below, only the built-ins below, no custom directives, macros, functions,
 * assignments, includes or imports, no special variables ({@code .vars}, {@code .get_optional_template}),
 * no ranges. The rules are allow-lists on FreeMarker's parse tree: an element or built-in this class does
 * not know (e.g. after a FreeMarker upgrade) is refused, never let through. Refusing assignments and
 * ranges also closes the memory bombs that no time limit can stop (a string doubled in a loop,
 * {@code (1..999999999)?join("")}); {@code ?replace}, {@code ?left_pad} and {@code ?join} are left out for the
 * same reason.
 */
final class ScriptPolicy {

    /** Parse-tree element classes that may appear in a script; their expressions are checked too. */
    private static final Set<String> ELEMENTS = Set.of(
            "MixedContent", "TextBlock", "Comment", "DollarVariable", "NumericalOutput",
            "IfBlock", "ConditionalBlock", "SwitchBlock", "Case", "On", "BreakInstruction",
            "ListElseContainer", "IteratorBlock", "Items", "Sep", "ElseOfList", "ContinueInstruction",
            "CompressedBlock", "TrimInstruction");

    /** Built-ins that neither reach Java nor multiply the size of their input. */
    private static final Set<String> BUILT_INS = Set.of(
            "upper_case", "lower_case", "cap_first", "uncap_first", "capitalize", "trim", "length",
            "contains", "starts_with", "ends_with", "index_of", "last_index_of", "keep_before", "keep_after",
            "keep_before_last", "keep_after_last", "remove_beginning", "remove_ending",
            "truncate", "truncate_w", "truncate_c", "has_content", "string", "number", "c", "cn", "then",
            "switch", "boolean", "size", "first", "last", "seq_contains", "abs", "round", "floor", "ceiling",
            "is_string", "is_number", "is_sequence", "is_hash", "is_boolean",
            "index", "counter", "has_next", "is_first", "is_last", "is_odd_item", "is_even_item",
            "item_parity", "item_parity_cap", "item_cycle");

    /** The {@code #ftl} header is not in the parse tree, but could change output format or syntax. */
    private static final Pattern FTL_HEADER = Pattern.compile("[<\\[]#ftl\\b");

    private ScriptPolicy() {}

    /** Problems in an already parsed script; empty when it may be rendered. */
    @SuppressWarnings("deprecation") // the parse tree is the only exact view of where FTL is in a script
    static List<ScriptProblem> check(Template script, String source) {
        List<ScriptProblem> problems = new ArrayList<>();
        Matcher header = FTL_HEADER.matcher(source);
        if (header.find()) {
            problems.add(atOffset(source, header.start(), ScriptError.FTL_HEADER));
        }
        walk(script.getRootTreeNode(), problems);
        return problems;
    }

    private static ScriptProblem atOffset(String source, int offset, ScriptError error) {
        String before = source.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return ScriptProblem.of(line, offset - before.lastIndexOf('\n'), error);
    }

    @SuppressWarnings("deprecation")
    private static void walk(TreeNode node, List<ScriptProblem> problems) {
        TemplateElement element = (TemplateElement) node;
        String kind = element.getClass().getSimpleName();
        if (!ELEMENTS.contains(kind)) {
            problems.add(at(element, new Expressions.Found(ScriptError.NOT_ALLOWED, describe(element))));
            return;
        }
        if (!"TextBlock".equals(kind) && !"Comment".equals(kind)) {
            for (Expressions.Found found : Expressions.check(element.getDescription())) {
                problems.add(at(element, found));
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChildAt(i), problems);
        }
    }

    @SuppressWarnings("deprecation")
    private static String describe(TemplateElement element) {
        String description = element.getDescription();
        int cut = description.indexOf(' ');
        String head = cut < 0 ? description : description.substring(0, cut);
        return head.startsWith("@") ? "A custom directive <" + head + ">" : "<" + head + ">";
    }

    @SuppressWarnings("deprecation")
    private static ScriptProblem at(TemplateElement element, Expressions.Found found) {
        return found.arg() == null ? ScriptProblem.of(element.getBeginLine(), element.getBeginColumn(), found.error())
                : ScriptProblem.of(element.getBeginLine(), element.getBeginColumn(), found.error(), found.arg());
    }

    /** Scans the canonical FTL of one element for built-ins, special variables and ranges. */
    static final class Expressions {

        /** One thing found that is not allowed, with the name it is about (null for a range). */
        record Found(ScriptError error, String arg) {
        }

        private final String ftl;
        private final List<Found> problems = new ArrayList<>();

        private Expressions(String ftl) {
            this.ftl = ftl;
        }

        static List<Found> check(String ftl) {
            Expressions scan = new Expressions(ftl);
            scan.code(0, ftl.length());
            return scan.problems;
        }

        /** Scans code in [from, to); string literals are skipped except for their interpolations. */
        private void code(int from, int to) {
            int i = from;
            while (i < to) {
                char c = ftl.charAt(i);
                if (c == '"' || c == '\'') {
                    i = string(i, to);
                } else if (c == '?' && i + 1 < to && ftl.charAt(i + 1) == '?') {
                    i += 2; // the ?? existence test
                } else if (c == '?') {
                    i = builtIn(i + 1, to);
                } else if (c == '.' && i + 1 < to && ftl.charAt(i + 1) == '.') {
                    add(new Found(ScriptError.RANGE, null));
                    i += 2;
                } else if (c == '.' && startsSpecialVariable(i)) {
                    i = specialVariable(i + 1, to);
                } else {
                    i++;
                }
            }
        }

        private int builtIn(int from, int to) {
            int end = identifierEnd(skipSpaces(from, to), to);
            String name = ftl.substring(skipSpaces(from, to), end);
            if (!BUILT_INS.contains(name)) {
                add(new Found(ScriptError.BUILT_IN_NOT_ALLOWED, name));
            }
            return end;
        }

        private int specialVariable(int from, int to) {
            int end = identifierEnd(skipSpaces(from, to), to);
            add(new Found(ScriptError.SPECIAL_VARIABLE, ftl.substring(skipSpaces(from, to), end)));
            return end;
        }

        /** A dot starts a special variable unless it follows something it could be a member of. */
        private boolean startsSpecialVariable(int dot) {
            int j = dot - 1;
            while (j >= 0 && Character.isWhitespace(ftl.charAt(j))) {
                j--;
            }
            if (j < 0) {
                return true;
            }
            char before = ftl.charAt(j);
            return !(Character.isLetterOrDigit(before) || before == '_' || before == ')' || before == ']'
                    || before == '}' || before == '"' || before == '\'' || before == '$' || before == '@');
        }

        /** Skips a string literal starting at {@code quote}, scanning the code of its interpolations. */
        private int string(int quote, int to) {
            char delimiter = ftl.charAt(quote);
            int i = quote + 1;
            while (i < to && ftl.charAt(i) != delimiter) {
                if (ftl.charAt(i) == '\\') {
                    i += 2;
                } else if ((ftl.charAt(i) == '$' || ftl.charAt(i) == '#') && i + 1 < to && ftl.charAt(i + 1) == '{') {
                    int close = closingBrace(i + 2, to);
                    code(i + 2, close);
                    i = close + 1;
                } else {
                    i++;
                }
            }
            return i + 1;
        }

        private int closingBrace(int from, int to) {
            int depth = 0;
            for (int i = from; i < to; i++) {
                char c = ftl.charAt(i);
                if (c == '"' || c == '\'') {
                    i = string(i, to) - 1;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && depth-- == 0) {
                    return i;
                }
            }
            return to;
        }

        private int skipSpaces(int from, int to) {
            int i = from;
            while (i < to && Character.isWhitespace(ftl.charAt(i))) {
                i++;
            }
            return i;
        }

        private int identifierEnd(int from, int to) {
            int i = from;
            while (i < to && (Character.isLetterOrDigit(ftl.charAt(i)) || ftl.charAt(i) == '_')) {
                i++;
            }
            return i;
        }

        private void add(Found found) {
            if (!problems.contains(found)) {
                problems.add(found);
            }
        }
    }
}
