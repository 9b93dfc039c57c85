package com.replybook.kb.exchange;

import com.replybook.kb.cases.CasesModule;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * Import and export of entries (CSV, XLSX, JSON, NDJSON) and cases: {@code POST /api/v1/entries/import} and the
 * console's import jobs, both planned row by row against the library (unchanged rows skipped, changes to published
 * entries stored as pending revisions) and able to wait until what they wrote is searchable. Import jobs are kept in
 * the database and run one at a time per node on a background thread, closed with the module.
 */
public final class ExchangeModule implements FeatureModule {

    private final ImportJobs jobs;
    private final ImportApi api;
    private final ExchangePages pages;

    public ExchangeModule(Platform platform, EntriesModule entries, CasesModule cases, SearchService search) {
        PendingRevisions pending = new ReviewLoopPending(entries.review());
        ImportPlanner planner = new ImportPlanner(entries.parser(), entries.store(), pending);
        ImportWriter writer = new ImportWriter(entries.store(), pending);
        long maxBytes = platform.config().maxRequestBytes();
        ImportMetrics metrics = new ImportMetrics(platform.metrics());
        this.jobs = new ImportJobs(new ImportJobStore(platform.database(), platform.clock()), planner, writer, metrics);
        this.api = new ImportApi(planner, writer, search, maxBytes, metrics);
        this.pages = new ExchangePages(jobs, entries.store(), entries.shops(), new CaseExchange(cases.store(), cases.parser(),
                cases.shops(), cases.collectionScope()),
                maxBytes, platform.clock());
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }

    @Override
    public void console(Router<Page> console) {
        pages.routes(console);
    }

    @Override
    public void close() {
        jobs.close();
    }
}
