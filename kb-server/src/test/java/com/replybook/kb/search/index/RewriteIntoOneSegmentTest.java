package com.replybook.kb.search.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RewriteIntoOneSegmentTest {

    @TempDir
    Path dir;

    /** The segment names after writing {@code segments} segments and force-merging to one under {@code policy}. */
    private List<String> namesBeforeAndAfter(int segments, MergePolicy policy) throws Exception {
        try (Directory d = FSDirectory.open(java.nio.file.Files.createTempDirectory(dir, "index"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(
                     org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
            for (int s = 0; s < segments; s++) {
                for (int i = 0; i < 10; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", s + "-" + i, Field.Store.NO));
                    w.addDocument(doc);
                }
                w.flush();
            }
            w.commit();
            String before = String.join(",", SegmentInfos.readLatestCommit(d).asList().stream()
                    .map(info -> info.info.name).toList());
            w.getConfig().setMergePolicy(policy);
            w.forceMerge(1);
            w.commit();
            SegmentInfos after = SegmentInfos.readLatestCommit(d);
            assertEquals(1, after.size());
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertEquals(segments * 10, r.numDocs(), "every document kept");
            }
            return List.of(before, after.info(0).info.name);
        }
    }

    @Test
    void aSingleSegmentIsRewrittenWhereForceMergeWouldKeepIt() throws Exception {
        List<String> plain = namesBeforeAndAfter(1, new TieredMergePolicy());
        assertEquals(plain.get(0), plain.get(1), "forceMerge(1) keeps a single segment as it is");
        List<String> rewritten = namesBeforeAndAfter(1, new RewriteIntoOneSegment(new TieredMergePolicy()));
        assertNotEquals(rewritten.get(0), rewritten.get(1), "rewritten into a new segment");
    }

    @Test
    void severalSegmentsBecomeOne() throws Exception {
        List<String> names = namesBeforeAndAfter(3, new RewriteIntoOneSegment(new TieredMergePolicy()));
        assertEquals(3, names.get(0).split(",").length);
    }
}
