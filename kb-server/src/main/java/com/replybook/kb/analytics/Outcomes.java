package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.AgentActivity;
import com.replybook.kb.analytics.LibraryInsights.EntryEffect;
import com.replybook.kb.events.TicketOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What became of the tickets scripts were inserted into: the {@code outcome} events of a ticket (same help-desk
 * and ticket id) reported at or after an insert, counted as distinct tickets per outcome. Per entry (the
 * effectiveness list, the tickets that reopen most first) and per agent (alphabetical). Stateless.
 */
final class Outcomes {

    private static final String TICKET = "i.helpdesk || ':' || i.ticket_id";
    /** One count per outcome, in {@link TicketOutcome}'s order: resolved, reopened, satisfied, dissatisfied. */
    private static final String OUTCOMES = String.join(", ", Arrays.stream(TicketOutcome.values()).map(Outcomes::outcome).toList());
    private static final String JOIN = " LEFT JOIN usage_events o ON o.event_type = 'outcome' AND o.helpdesk = i.helpdesk"
            + " AND o.ticket_id = i.ticket_id AND o.created_at >= i.created_at";

    private Outcomes() {
    }

    /**
     * Every entry inserted in the period (in {@code locale} and {@code category} when they are not null) with its
     * tickets' outcomes: most reopened, then most dissatisfied first.
     */
    static List<EntryEffect> perEntry(Connection c, Period p, String locale, String category, int limit,
                                      InsightScope scope) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        String where = "";
        if (locale != null) {
            where += " AND e.locale = ?";
            args.add(locale);
        }
        if (category != null) {
            where += " AND e.category = ?";
            args.add(category);
        }
        where += scope.events("i", args) + scope.entries("e", args);
        args.add(limit);
        String sql = "SELECT i.entry_id, e.entry_key, e.problem, COUNT(DISTINCT i.id), COUNT(DISTINCT " + TICKET + "), "
                + OUTCOMES + " FROM usage_events i JOIN entries e ON e.id = i.entry_id" + JOIN
                + " WHERE i.event_type = 'insert' AND i.created_at >= ?" + where
                + " GROUP BY i.entry_id, e.entry_key, e.problem ORDER BY 7 DESC, 9 DESC, 4 DESC, 2 LIMIT ?";
        return Sql.list(c, sql, args, rs -> new EntryEffect(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)));
    }

    /** Each agent (the help-desk's name, else the kb-server user) who inserted in the period, alphabetical. */
    static List<AgentActivity> perAgent(Connection c, Period p, String locale, int limit, InsightScope scope)
            throws SQLException {
        String agent = "COALESCE(i.agent, i.user_name)";
        String entries = locale == null ? "" : " JOIN entries e ON e.id = i.entry_id AND e.locale = ?";
        List<Object> args = new ArrayList<>();
        if (locale != null) args.add(locale);
        args.add(p.fromMillis());
        String scoped = scope.events("i", args);
        String daily = "SELECT " + agent + ", " + Period.epochDayOf("i.created_at") + ", COUNT(*) FROM usage_events i"
                + entries + " WHERE i.event_type = 'insert' AND i.created_at >= ?" + scoped + " GROUP BY 1, 2";
        Map<String, Map<Long, Long>> days = new HashMap<>();
        for (var r : Sql.list(c, daily, args, rs -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3)})) {
            days.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((Long) r[1], (Long) r[2]);
        }
        String sql = "SELECT " + agent + ", COUNT(DISTINCT i.id), COUNT(DISTINCT " + TICKET + "), " + OUTCOMES
                + " FROM usage_events i" + entries + JOIN + " WHERE i.event_type = 'insert' AND i.created_at >= ?"
                + scoped + " GROUP BY 1 ORDER BY 1 LIMIT ?";
        List<Object> all = new ArrayList<>(args);
        all.add(limit);
        Map<String, long[]> promises = followUps(c, p, scope);
        List<AgentActivity> agents = new ArrayList<>(Sql.list(c, sql, all, rs -> {
            long[] f = promises.getOrDefault(rs.getString(1), new long[2]);
            return new AgentActivity(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), f[0], f[1], p.series(days.getOrDefault(rs.getString(1), Map.of())));
        }));
        // An agent who promised follow-ups but inserted nothing in the period still has a card.
        Set<String> shown = new HashSet<>();
        agents.forEach(a -> shown.add(a.agent()));
        promises.forEach((name, f) -> {
            if (agents.size() < limit && shown.add(name)) {
                agents.add(new AgentActivity(name, 0, 0, 0, 0, 0, 0, f[0], f[1], p.series(Map.of())));
            }
        });
        agents.sort(Comparator.comparing(AgentActivity::agent));
        return agents;
    }

    /**
     * Per agent, the promised follow-ups that fell due in the period up to now: {kept on time, late} where late is
     * done after its due time or still open past it. Not narrowed by locale: a promise belongs to its agent. Narrowed
     * to {@code scope}'s shops as the events are (a lead of some shops never counts another shop's promises).
     */
    private static Map<String, long[]> followUps(Connection c, Period p, InsightScope scope) throws SQLException {
        long now = p.to().toEpochMilli();
        List<Object> args = new ArrayList<>(List.of(p.fromMillis(), now));
        String sql = "SELECT agent, SUM(CASE WHEN status = 'done' AND done_at <= due_at THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN (status = 'done' AND done_at > due_at) OR status = 'open' THEN 1 ELSE 0 END)"
                + " FROM followups WHERE due_at >= ? AND due_at <= ?" + scope.events(null, args) + " GROUP BY agent";
        Map<String, long[]> out = new HashMap<>();
        for (var r : Sql.list(c, sql, args,
                rs -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3)})) {
            out.put((String) r[0], new long[]{(Long) r[1], (Long) r[2]});
        }
        return out;
    }

    private static String outcome(TicketOutcome outcome) {
        return "COUNT(DISTINCT CASE WHEN o.outcome = '" + outcome.id() + "' THEN o.helpdesk || ':' || o.ticket_id END)";
    }
}
