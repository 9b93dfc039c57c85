package com.replybook.kb.cases;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Makes a conversation excerpt safe to store and serve: the shared HTML cleaner first (the one jsoup
 * cleaner of the server, passed in by the composition root), then {@link PersonalDataMasker} over the text
 * as a reader sees it (so {@code 138<b>1234</b>5678} is one phone number; blocks and {@code <br>} separate
 * text), and the cleaner once more so the masked result is still exactly what the cleaner allows. Plain text
 * (from a plain-text ticket) is escaped into paragraphs first. Thread-safe.
 */
public final class ExcerptSanitizer {

    private final UnaryOperator<String> htmlCleaner;

    public ExcerptSanitizer(UnaryOperator<String> htmlCleaner) {
        this.htmlCleaner = htmlCleaner;
    }

    /** Cleaned, masked HTML of {@code html}. */
    public String fromHtml(String html) {
        Document doc = Jsoup.parseBodyFragment(htmlCleaner.apply(html == null ? "" : html));
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        maskText(doc.body());
        doc.body().select("a[href]").forEach(a -> a.attr("href", PersonalDataMasker.mask(a.attr("href"))));
        return htmlCleaner.apply(doc.body().html());
    }

    /** A text node and where its text starts in the element's joined text. */
    private record Piece(TextNode node, int start) {
    }

    /** Masks the text of {@code root} as one string, then cuts each masked span out of the nodes it covers. */
    private static void maskText(Element root) {
        List<Piece> pieces = new ArrayList<>();
        List<PersonalDataMasker.Span> spans = PersonalDataMasker.spans(joined(root, pieces));
        for (int i = spans.size() - 1; i >= 0; i--) cut(pieces, spans.get(i));
    }

    /** The text of {@code root} as a reader sees it, blocks and {@code <br>} on lines of their own; its pieces. */
    private static String joined(Element root, List<Piece> pieces) {
        StringBuilder joined = new StringBuilder();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode t) {
                pieces.add(new Piece(t, joined.length()));
                joined.append(t.getWholeText());
            } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                joined.append('\n');
            }
        }, root);
        return joined.toString();
    }

    /**
     * The plain text of a stored excerpt, one line per paragraph or line break, for readers that show text only (the
     * help-desk widget): {@code <p>客户：到哪了</p><p>客服：已催</p>} → {@code "客户：到哪了\n客服：已催"}.
     */
    public static String toText(String html) {
        String text = joined(Jsoup.parseBodyFragment(html == null ? "" : html).body(), new ArrayList<>());
        return text.replaceAll("[ \\t]*\n[\\s]*\n*", "\n").strip();
    }

    /** Replaces span {@code sp} of the joined text: its label goes where it starts, the rest is removed. */
    private static void cut(List<Piece> pieces, PersonalDataMasker.Span sp) {
        boolean first = true;
        for (Piece p : pieces) {
            String text = p.node().getWholeText();
            int from = Math.max(sp.start(), p.start()) - p.start();
            int to = Math.min(sp.end(), p.start() + text.length()) - p.start();
            if (from >= to) continue;
            p.node().text(text.substring(0, from) + (first ? sp.label() : "") + text.substring(to));
            first = false;
        }
    }

    /** Escaped, masked HTML paragraphs of plain {@code text}. */
    public String fromText(String text) {
        if (text == null || text.isBlank()) return "";
        StringBuilder html = new StringBuilder();
        for (String para : text.replace("\r\n", "\n").strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(Entities.escape(para.strip()).replace("\n", "<br>")).append("</p>");
        }
        return fromHtml(html.toString());
    }

    /** Masked plain text for the other free-text fields of a case. */
    public static String maskText(String text) {
        return PersonalDataMasker.mask(text);
    }
}
