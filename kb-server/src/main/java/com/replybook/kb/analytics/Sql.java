package com.replybook.kb.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The one way the insights' queries run: bind the arguments in order, map each row. */
final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(Connection c, String sql, List<?> args, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.map(rs));
            }
            return out;
        }
    }

    /** {@code (column = ? OR column LIKE ? ESCAPE '!')} for each prefix, OR-ed: a category and its subcategories. */
    static String underAny(String column, List<String> categories, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (String category : categories) {
            parts.add("(" + column + " = ? OR " + column + " LIKE ? ESCAPE '!')");
            args.add(category);
            args.add(category.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "/%");
        }
        return "(" + String.join(" OR ", parts) + ")";
    }
}
