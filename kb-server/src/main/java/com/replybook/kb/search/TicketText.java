package com.replybook.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the searchable text out of a ticket, weighted: the latest customer message most, then the subject, then
 * earlier customer messages; agent messages not at all. Quoted history (lines starting with {@code >}, everything
 * after "On … wrote:" / "在…写道："), signatures (after {@code --}, "Best regards", "Sent from my…", "此致") and
 * greetings ("Hi Anna,", "您好，", "亲，") are removed. Stateless.
 */
final class TicketText {

    static final float LATEST = 1.0f;
    static final float SUBJECT = 0.6f;
    static final float EARLIER = 0.3f;
    /** Only the start of a long message is used: customers state the problem first. */
    static final int MAX_CHARS = 300;

    /** A text and how much it counts. */
    record Part(String text, float weight) {
    }

    private static final Pattern CUT = Pattern.compile("(?im)^\\s*(--\\s*|_{3,}|-{3,}.*|on .{1,200} wrote:|在.{1,100}写道[:：]"
            + "|from:.*|发件人[:：].*|best regards.*|kind regards.*|regards,?|cheers,?|sincerely.*|thanks,?"
            + "|thank you,?|sent from my .*|此致.*|祝好.*|顺祝.*|发自我的.*)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("(?m)^\\s*>.*$");
    private static final Pattern GREETING = Pattern.compile("(?i)^\\s*(((hi|hello|hey|dear)\\b[^,，!！.?\\n]{0,30}[,，!！\\n])|((hi|hello|hey)\\b)"
            + "|((您好|你好|亲爱的|亲|客服|在吗|在不在|哈喽|嗨)[^，,！!。？?\\s]{0,4}[，,！!。？?\\s]+))+");

    private TicketText() {
    }

    static List<Part> parts(Ticket ticket) {
        List<Part> parts = new ArrayList<>();
        List<String> customer = ticket.messages().stream().filter(Ticket.Message::fromCustomer)
                .map(m -> clean(m.text())).filter(t -> !t.isBlank()).toList();
        if (!customer.isEmpty()) parts.add(new Part(customer.get(customer.size() - 1), LATEST));
        if (ticket.subject() != null && !clean(ticket.subject()).isBlank()) {
            parts.add(new Part(clean(ticket.subject()), SUBJECT));
        }
        if (customer.size() > 1) {
            String earlier = String.join("\n", customer.subList(Math.max(0, customer.size() - 3), customer.size() - 1));
            parts.add(new Part(earlier, EARLIER));
        }
        return parts;
    }

    /** The message without quoted history, signature and greeting, e.g. {@code "Hi,\nWhere is my refund?\n--\nAnna"} → {@code "Where is my refund?"}. */
    static String clean(String text) {
        if (text == null) return "";
        String t = QUOTED.matcher(text).replaceAll("");
        var cut = CUT.matcher(t);
        if (cut.find()) t = t.substring(0, cut.start());
        t = GREETING.matcher(t.strip()).replaceFirst("").strip();
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t;
    }
}
