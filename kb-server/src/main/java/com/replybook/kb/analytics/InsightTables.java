package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.CompensationRow;
import com.replybook.kb.analytics.LibraryInsights.TopRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The insights' lists as tables for the CSV and XLSX export: one table per list, named as the JSON field
 * ({@code categories}, {@code products}, {@code emotionWords}, {@code alerts}, {@code compensation…},
 * {@code effectiveness}, {@code topQueries}, {@code zeroResultQueries}); columns named as the JSON fields, a
 * TOP list's daily series as one column per date. Nothing personal: no message text (the insights hold none),
 * no agent names (the per-agent view is a coaching view for the page, not a table to pass around).
 */
final class InsightTables {

    /** A table: its name, column names and rows of strings and numbers. */
    record Table(String name, List<String> columns, List<List<Object>> rows) {
    }

    private InsightTables() {
    }

    static List<Table> of(LibraryInsights in, List<LocalDate> dates) {
        LibraryInsights.CompensationSummary comp = in.compensation();
        return List.of(
                top("categories", "category", in.categories(), dates),
                top("products", "product", in.products(), dates),
                new Table("emotionWords", List.of("word", "count", "emotion"), in.emotionWords().stream()
                        .map(w -> List.<Object>of(w.word(), w.count(), w.emotion().id())).toList()),
                new Table("alerts", List.of("kind", "product", "category", "count", "days", "since", "label", "threshold"),
                        in.alerts().stream().map(a -> List.<Object>of(a.kind(), nz(a.product()), nz(a.category()), a.count(),
                                a.days(), a.since().toString(), a.label(), a.threshold())).toList()),
                compensation("compensationByOffer", "offer", comp.byOffer()),
                compensation("compensationByCategory", "category", comp.byCategory()),
                compensation("compensationByProduct", "product", comp.byProduct()),
                new Table("compensationApprovals", List.of("asked", "granted", "denied"), List.of(List.of(
                        comp.approvals().asked(), comp.approvals().granted(), comp.approvals().denied()))),
                new Table("effectiveness", List.of("entryId", "key", "inserts", "tickets", "resolved", "reopened",
                        "satisfied", "dissatisfied"), in.effectiveness().stream().map(e -> List.<Object>of(e.entryId(),
                        e.key(), e.inserts(), e.tickets(), e.resolved(), e.reopened(), e.satisfied(), e.dissatisfied())).toList()),
                queries("topQueries", in.topQueries()),
                queries("zeroResultQueries", in.zeroResultQueries()));
    }

    private static Table top(String name, String column, List<? extends TopRow> rows, List<LocalDate> dates) {
        List<String> columns = new ArrayList<>(List.of(column, "inserts", "searches", "share"));
        dates.forEach(d -> columns.add(d.toString()));
        return new Table(name, columns, rows.stream().map(r -> Stream.concat(
                Stream.<Object>of(r.name(), r.inserts(), r.searches(), r.share()), r.daily().stream()).toList()).toList());
    }

    private static Table compensation(String name, String column, List<CompensationRow> rows) {
        return new Table(name, List.of(column, "count", "amount"), rows.stream()
                .map(r -> List.<Object>of(r.name(), r.count(), r.amount())).toList());
    }

    private static Table queries(String name, List<LibraryInsights.QueryCount> rows) {
        return new Table(name, List.of("query", "count"), rows.stream().map(q -> List.<Object>of(q.query(), q.count())).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
