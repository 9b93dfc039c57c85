package com.replybook.kb.cases;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

import java.util.function.UnaryOperator;

/**
 * Makes a conversation excerpt safe to store and serve: the shared HTML cleaner first (the one jsoup
 * cleaner of the server, passed in by the composition root), then {@link PersonalDataMasker} over every text
 * node, and the cleaner once more so the masked result is still exactly what the cleaner allows. Plain text
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
        doc.body().select("*").forEach(el -> el.textNodes().forEach(t -> t.text(PersonalDataMasker.mask(t.getWholeText()))));
        doc.body().select("a[href]").forEach(a -> a.attr("href", PersonalDataMasker.mask(a.attr("href"))));
        return htmlCleaner.apply(doc.body().html());
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
