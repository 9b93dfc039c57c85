package com.replybook.kb.search.index;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.List;

/**
 * What a search hit or a suggestion shows of an entry, packed into one binary doc value ({@link SearchFields#HIT}).
 * Read from stored fields, each hit cost a block decompression (a tenth of a search's CPU at 100,000 entries); a
 * binary doc value is read in place from the memory-mapped index.
 *
 * @param freshUntil epoch millis until which the entry counts as verified
 */
public record HitCard(String id, String key, String locale, String category, String problem, String cause,
               long freshUntil) {

    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            for (String s : List.of(id, key, locale, category, problem, cause)) out.writeString(s);
            out.writeZLong(freshUntil);
        } catch (IOException e) {
            throw new AssertionError("in-memory output", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static HitCard decode(BytesRef bytes) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        return new HitCard(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readZLong());
    }

    /** The card of top-level document {@code doc} of {@code searcher}'s reader. */
    public static HitCard of(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), SearchFields.HIT);
        int local = doc - leaf.docBase;
        if (!values.advanceExact(local)) throw new IllegalStateException("document " + doc + " has no hit card");
        return decode(values.binaryValue());
    }
}
