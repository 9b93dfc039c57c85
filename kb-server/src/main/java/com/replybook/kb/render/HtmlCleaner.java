package com.replybook.kb.render;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one HTML cleaner for everything Replybook stores or serves.
 *
 * <p>Keeps basic formatting ({@code b i u em strong small sub sup code pre blockquote q cite span}),
 * paragraphs, line breaks, horizontal rules, lists and links ({@code http}, {@code https}, {@code mailto}
 * only, forced {@code rel="nofollow"}); drops scripts, styles, event handlers, iframes, images, forms and
 * {@code javascript:} URLs. Thread-safe: the safelist is built once and never changed.
 *
 * <pre>{@code
 * HtmlCleaner.clean("<p onclick=x()>Hi<script>alert(1)</script></p>")  // "<p>Hi</p>"
 * HtmlCleaner.fromText("Line 1\nLine 2\n\n<b>")                         // "<p>Line 1<br>Line 2</p><p>&lt;b&gt;</p>"
 * }</pre>
 */
public final class HtmlCleaner {

    private static final Safelist SAFELIST = Safelist.basic()
            .addTags("hr")
            .removeProtocols("a", "href", "ftp");
    private static final Cleaner CLEANER = new Cleaner(SAFELIST);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

    private HtmlCleaner() {}

    /** Returns {@code html} reduced to the safelist, as a body fragment; {@code null} becomes {@code ""}. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = CLEANER.clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        return clean.body().html();
    }

    /** True when {@code html} is already within the safelist, i.e. cleaning would remove nothing. */
    public static boolean isSafe(String html) {
        return html == null || CLEANER.isValidBodyHtml(html);
    }

    /**
     * Turns plain text into safe HTML: blank lines separate {@code <p>} paragraphs, single newlines become
     * {@code <br>}, and every character is escaped, so text can never inject markup.
     */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip())) {
            html.append("<p>").append(escapeLines(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    private static String escapeLines(String paragraph) {
        StringBuilder out = new StringBuilder();
        String[] lines = paragraph.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(Entities.escape(lines[i].strip()));
        }
        return out.toString();
    }
}
