package com.replybook.kb.entries;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;

import java.util.List;

/**
 * Which entries a reader may see, by shop and visibility: the one rule every read path applies (the API, search,
 * the console's lists, exports, insights). Immutable.
 *
 * @param shops           null for entries of every shop; otherwise the shops whose entries are in scope, with the
 *                        entries of every shop (an empty {@code shops} list on the entry) — never another shop's
 * @param viewer          whose personal entries are in scope (null: nobody's)
 * @param everyPersonal   true when everyone's personal entries are in scope (a lead looking for snippets to promote)
 */
public record EntryScope(List<String> shops, String viewer, boolean everyPersonal) {

    public EntryScope {
        shops = shops == null ? null : List.copyOf(shops);
    }

    /** Every entry of every shop, no personal entry (what the whole team's library holds). */
    public static final EntryScope TEAM_LIBRARY = new EntryScope(null, null, false);

    /**
     * What {@code reader} sees, narrowed to {@code shop} when one is named (already checked: it exists and the reader
     * works for it): that shop, else the reader's shops, else every shop; the team library and the reader's own
     * personal entries.
     */
    public static EntryScope of(Principal reader, String shop) {
        return new EntryScope(shop != null ? List.of(shop) : reader.limitedToShops() ? reader.shops() : null,
                reader.username(), false);
    }

    /** This scope with everyone's personal entries in it, for a lead (who may promote them); unchanged for others. */
    public EntryScope withEveryPersonalFor(Principal reader) {
        return reader.can(Role.LEAD) ? new EntryScope(shops, viewer, true) : this;
    }

    /** True when {@code e} is in this scope. */
    public boolean includes(Entry e) {
        boolean shopOk = shops == null || e.shops().isEmpty() || e.shops().stream().anyMatch(shops::contains);
        return shopOk && (!e.personal() || everyPersonal || e.createdBy().equals(viewer));
    }

    /**
     * The SQL condition of this scope over the {@code entries} columns {@code shops}, {@code visibility} and
     * {@code created_by} (prefixed with {@code alias.} when an alias is given), its arguments appended to {@code args};
     * {@code 1 = 1} when it keeps everything.
     */
    public String sql(String alias, List<Object> args) {
        String p = alias == null ? "" : alias + ".";
        StringBuilder sql = new StringBuilder("1 = 1");
        if (shops != null) {
            sql.append(" AND (").append(p).append("shops = '[]'");
            for (String shop : shops) {
                sql.append(" OR ").append(p).append("shops LIKE ? ESCAPE '!'");
                args.add("%\"" + shop.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\"%");
            }
            sql.append(")");
        }
        if (!everyPersonal) {
            sql.append(" AND (").append(p).append("visibility = 'team'");
            if (viewer != null) {
                sql.append(" OR ").append(p).append("created_by = ?");
                args.add(viewer);
            }
            sql.append(")");
        }
        return sql.toString();
    }
}
