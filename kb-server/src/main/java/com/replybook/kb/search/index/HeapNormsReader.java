package com.replybook.kb.search.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader whose length norms come from the heap instead of the memory-mapped index. BM25 reads one norm per
 * scored document and clause; from a memory segment every one-byte read is bounds- and liveness-checked, which was
 * a tenth of a search's CPU at 100,000 entries. A segment's norms are one byte per document and field (about 1 MB
 * for every scored field at 100,000 entries); each is copied once per segment and field, on first use, and dropped
 * with the segment. Fields with sparse or multi-byte norms are read from the index as before.
 */
final class HeapNormsReader extends FilterDirectoryReader {

    /** Segment core → field → its norms on the heap, or empty where they stay in the index. */
    private static final Map<IndexReader.CacheKey, Map<String, Optional<byte[]>>> NORMS = new ConcurrentHashMap<>();

    HeapNormsReader(DirectoryReader in) throws IOException {
        super(in, new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
                return new Leaf(reader);
            }
        });
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
        return new HeapNormsReader(in);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return in.getReaderCacheHelper();
    }

    /** Whether a segment core has norms on the heap (for tests: they must go with their segment). */
    static boolean cached(IndexReader.CacheKey core) {
        return NORMS.containsKey(core);
    }

    private static final class Leaf extends FilterLeafReader {

        Leaf(LeafReader in) {
            super(in);
        }

        @Override
        public NumericDocValues getNormValues(String field) throws IOException {
            CacheHelper core = in.getCoreCacheHelper();
            if (core == null) return in.getNormValues(field);
            Map<String, Optional<byte[]>> fields = NORMS.computeIfAbsent(core.getKey(), key -> {
                core.addClosedListener(NORMS::remove);
                return new ConcurrentHashMap<>();
            });
            Optional<byte[]> norms = fields.computeIfAbsent(field, this::load);
            return norms.isPresent() ? new OnHeap(norms.get()) : in.getNormValues(field);
        }

        /** The field's norms as one byte per document, if every document has one that fits. */
        private Optional<byte[]> load(String field) {
            try {
                NumericDocValues norms = in.getNormValues(field);
                if (norms == null) return Optional.empty();
                byte[] values = new byte[in.maxDoc()];
                int count = 0;
                for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc(), count++) {
                    long v = norms.longValue();
                    if (v != (byte) v) return Optional.empty();
                    values[doc] = (byte) v;
                }
                return count == values.length ? Optional.of(values) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return in.getCoreCacheHelper();
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return in.getReaderCacheHelper();
        }
    }

    /** Dense norms in an array: every document has a value. */
    static final class OnHeap extends NumericDocValues {
        private final byte[] values;
        private int doc = -1;

        OnHeap(byte[] values) {
            this.values = values;
        }

        @Override
        public long longValue() {
            return values[doc];
        }

        @Override
        public void longValues(int size, int[] docs, int docsOffset, long[] out, int outOffset, long defaultValue) {
            for (int i = 0; i < size; i++) out[outOffset + i] = values[docs[docsOffset + i]];
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return true;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target >= values.length ? NO_MORE_DOCS : target;
            return doc;
        }

        @Override
        public long cost() {
            return values.length;
        }
    }
}
