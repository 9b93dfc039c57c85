package com.replybook.kb.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TicketTextTest {

    @Test
    void greetingSignatureAndQuotedHistoryAreRemoved() {
        assertEquals("Where is my refund?", TicketText.clean("Hi Anna,\nWhere is my refund?\n--\nBob"));
        assertEquals("Where is my refund?", TicketText.clean("Hello, Where is my refund?\n\nBest regards,\nBob"));
        assertEquals("my parcel is late", TicketText.clean("my parcel is late\nOn Mon, 3 Mar 2025, Shop wrote:\n> old"));
        assertEquals("我的快递三天没动了", TicketText.clean("您好，我的快递三天没动了\n\n-- \n王女士"));
        assertEquals("退款怎么还没到", TicketText.clean("亲，在吗？退款怎么还没到\n> 上次的回复"));
        assertEquals("Hello I want to cancel my order".substring(6),
                TicketText.clean("Hello I want to cancel my order"));
    }

    @Test
    void latestCustomerMessageWeighsMostAndAgentMessagesAreIgnored() {
        Ticket t = new Ticket("Refund", List.of(new Ticket.Message("customer", "first message"),
                new Ticket.Message("agent", "agent text"), new Ticket.Message("customer", "second message")),
                null, null);
        List<TicketText.Part> parts = TicketText.parts(t);
        assertEquals(new TicketText.Part("second message", TicketText.LATEST), parts.get(0));
        assertEquals(new TicketText.Part("Refund", TicketText.SUBJECT), parts.get(1));
        assertEquals(new TicketText.Part("first message", TicketText.EARLIER), parts.get(2));
    }
}
