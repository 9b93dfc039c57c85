package com.replybook.kb.exchange;

import com.replybook.kb.cases.CasesModule;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.Router;

import java.time.Clock;

/**
 * Import and export of entries (CSV, XLSX, JSON) and cases from the console, with a dry run before anything is
 * written. Import jobs run one at a time on a background thread, closed with the module.
 */
public final class ExchangeModule implements FeatureModule {

    private final ImportJobs jobs;
    private final ExchangePages pages;

    public ExchangeModule(Platform platform, EntriesModule entries, CasesModule cases) {
        Clock clock = platform.clock();
        this.jobs = new ImportJobs(entries.store(), entries.parser(), new EntryPolicy());
        this.pages = new ExchangePages(jobs, entries.store(), new CaseExchange(cases.store(), cases.parser()),
                platform.config().maxRequestBytes(), clock);
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
