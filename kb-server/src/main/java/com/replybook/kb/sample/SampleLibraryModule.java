package com.replybook.kb.sample;

import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;

/**
 * Loads the sample library into an empty database on start-up, when the configuration asks for it
 * ({@code --no-sample-data} turns it off), so a new team sees a working knowledge base at once.
 */
public final class SampleLibraryModule implements FeatureModule {

    public SampleLibraryModule(Platform platform, EntriesModule entries) {
        if (platform.config().sampleData()) SampleLibrary.loadIfEmpty(entries.store(), entries.parser());
    }
}
