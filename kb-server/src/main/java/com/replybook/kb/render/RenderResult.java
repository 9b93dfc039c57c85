package com.replybook.kb.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rendered reply, ready for the agent to review and send.
 *
 * <p>{@code text} is always set; {@code html} is the same reply as safe HTML (already passed through
 * {@link HtmlCleaner}); for email it comes from the channel's HTML layout. Neither ever contains a raw
 * {@code ${…}}, the word {@code null} from a missing value, or an empty salutation.
 *
 * <p>{@code warnings} are machine-readable strings {@code <kind>:<detail>}, in order of first occurrence:
 * <ul>
 *   <li>{@code missing:<variable>}, e.g. {@code missing:order.id} — the script used a variable the context
 *       lacks and that has no sensible fallback; the text holds the agent-must-fill marker
 *       {@code fillIns().get("order.id")} (e.g. {@code 【请填写：订单号】}) where the value belongs;</li>
 *   <li>{@code sms-segments:<n>}, e.g. {@code sms-segments:3} — the SMS is longer than one segment;</li>
 *   <li>{@code redacted:<variable>}, e.g. {@code redacted:order.id} — a personal value reached a public
 *       review reply and was replaced by {@code ***};</li>
 *   <li>{@code no-review-version:} — a review reply rendered from an entry that has no review version, so from
 *       its script with the personal details cut out (added by the entry's render call).</li>
 * </ul>
 * A missing variable with a natural fallback (e.g. {@code product.name} → "商品") gives no warning.
 *
 * @param text       the reply as plain text
 * @param html       the reply as safe HTML
 * @param warnings   see above; empty when the reply can be sent as is
 * @param locale     the layout locale actually used: {@code zh-CN}, {@code zh-TW} or {@code en}
 * @param channel    the channel rendered, e.g. {@code sms}
 * @param subject    the email subject line, {@code null} for other channels
 * @param characters length of {@code text} in Unicode code points
 * @param segments   messages the SMS is sent as (GSM 7-bit: 160, or 153 per part; UCS-2, e.g. with any CJK:
 *                   70, or 67 per part); 0 for other channels
 * @param fillIns    agent-must-fill marker per missing variable, e.g. {@code order.id → 【请填写：订单号】}
 */
public record RenderResult(
        String text,
        String html,
        List<String> warnings,
        String locale,
        String channel,
        String subject,
        int characters,
        int segments,
        Map<String, String> fillIns) {

    public RenderResult {
        warnings = List.copyOf(warnings);
        fillIns = Map.copyOf(fillIns);
    }

    /** This result with {@code first} before its own warnings, e.g. a note about which script it came from. */
    public RenderResult withWarningsFirst(List<String> first) {
        if (first.isEmpty()) return this;
        List<String> all = new ArrayList<>(first);
        all.addAll(warnings);
        return new RenderResult(text, html, all, locale, channel, subject, characters, segments, fillIns);
    }
}
