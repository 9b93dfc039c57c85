package com.replybook.kb.search.analysis;

import org.apache.lucene.analysis.CharFilterFactory;

import java.io.Reader;
import java.util.Map;

/** Factory for {@link SimplifiedChineseCharFilter}; takes no parameters. SPI name {@value #NAME}. */
public final class SimplifiedChineseCharFilterFactory extends CharFilterFactory {

    public static final String NAME = "simplifiedChinese";

    public SimplifiedChineseCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) throw new IllegalArgumentException("Unknown parameters: " + args);
    }

    /** Default ctor for compatibility with SPI. */
    public SimplifiedChineseCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return new SimplifiedChineseCharFilter(input);
    }

    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
