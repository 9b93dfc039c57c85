package com.replybook.kb.analytics;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The insights' lists as CSV and XLSX files, the same numbers as the JSON; bad periods and locales named. */
class InsightsExportTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = InsightsScenario.serverWithTheWeek(dir);
        lead = server.userWithRole("lena", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCsvHasOneSectionPerListWithTheDailySeriesByDate() throws IOException {
        ApiClient.Response r = lead.get("/api/v1/analytics/insights.csv?days=7");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/csv"), r.header("Content-Type"));
        assertTrue(r.header("Content-Disposition").contains("replybook-insights-2026-12-10-7d.csv"), r.header("Content-Disposition"));
        assertTrue(r.text().startsWith("\uFEFF\"# categories\""), "a byte-order mark for Excel, then the first list: " + r.text());
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord rec : CSVFormat.RFC4180.parse(new StringReader(r.text().substring(1)))) rows.add(rec.toList());
        assertEquals(List.of("category", "inserts", "searches", "share", "2026-12-04", "2026-12-05", "2026-12-06",
                "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"), rows.get(1));
        assertEquals(List.of("质量/到货故障", "5", "0", "0.625", "0", "2", "0", "3", "0", "0", "0"), rows.get(2));
        int products = rows.indexOf(List.of("# products"));
        assertEquals(List.of("降噪耳机 X2", "6", "1", "0.75", "1", "2", "0", "3", "0", "0", "0"), rows.get(products + 2));
        int offers = rows.indexOf(List.of("# compensationByOffer"));
        assertEquals(List.of("refund", "1", "25.50"), rows.get(offers + 2));
        int approvals = rows.indexOf(List.of("# compensationApprovals"));
        assertEquals(List.of("2", "1", "1"), rows.get(approvals + 2));
        int alerts = rows.indexOf(List.of("# alerts"));
        assertEquals(List.of("product", "降噪耳机 X2", "", "5", "7", "2026-12-05T09:00:00Z", "", "5"), rows.get(alerts + 2));
        for (String list : List.of("# emotionWords", "# effectiveness", "# topQueries", "# zeroResultQueries",
                "# compensationByCategory", "# compensationByProduct")) {
            assertTrue(rows.contains(List.of(list)), list);
        }
        assertFalse(r.text().contains("ann") || r.text().contains("bob"), "no agent names in an export");
    }

    @Test
    void theXlsxHasOneSheetPerListWithNumbersAsNumbers() throws IOException {
        byte[] bytes = lead.getBytes("/api/v1/analytics/insights.xlsx?days=7");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet categories = wb.getSheet("categories");
            Row first = categories.getRow(1);
            assertEquals("质量/到货故障", first.getCell(0).getStringCellValue());
            assertEquals(5, first.getCell(1).getNumericCellValue());
            assertEquals(0.625, first.getCell(3).getNumericCellValue());
            assertEquals(3, first.getCell(7).getNumericCellValue(), "2026-12-07");
            assertEquals("2026-12-07", categories.getRow(0).getCell(7).getStringCellValue());
            Row defect = wb.getSheet("effectiveness").getRow(1);
            assertEquals("defect", defect.getCell(1).getStringCellValue());
            assertEquals(1, defect.getCell(5).getNumericCellValue(), "reopened");
            assertEquals("降噪耳机 X2", wb.getSheet("alerts").getRow(1).getCell(1).getStringCellValue());
        }
    }

    @Test
    void badPeriodsLimitsAndLocalesAreRefusedNamingTheParameter() {
        for (String path : List.of("/api/v1/analytics/insights", "/api/v1/analytics/insights.csv", "/api/v1/analytics/insights.xlsx")) {
            assertEquals("days", lead.get(path + "?days=0").errorField(), path);
            assertEquals("days", lead.get(path + "?days=367").errorField(), path);
            assertEquals("days", lead.get(path + "?days=week").errorField(), path);
            assertEquals("locale", lead.get(path + "?locale=fr").errorField(), path);
            assertEquals("limit", lead.get(path + "?limit=500").errorField(), path);
            assertEquals(400, lead.get(path + "?locale=fr").status(), path);
            assertEquals(403, server.userWithRole("ann", "agent").get(path).status(), path);
        }
    }
}
