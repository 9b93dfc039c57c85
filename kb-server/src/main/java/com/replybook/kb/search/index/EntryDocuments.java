package com.replybook.kb.search.index;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryEmbedding;
import com.replybook.kb.vocabulary.Staleness;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns an {@link Entry} into its one Lucene document (one document per entry ranked best: PRODUCT.md §4). */
public final class EntryDocuments {


    /** {@link SearchFields#LONG_FIELDS}: term frequencies for BM25, nothing else. */
    private static final FieldType LONG_TEXT = new FieldType(TextField.TYPE_NOT_STORED);
    static {
        LONG_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        LONG_TEXT.freeze();
    }

    private EntryDocuments() {
    }

    /**
     * The index-time analyzer: bigram for the plain text fields (without unigrams for the long ones), words for
     * {@code *.w}, n-grams for suggest.
     */
    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        Analyzer words = SearchAnalyzers.words();
        for (String f : SearchFields.TEXT) perField.put(SearchFields.words(f), words);
        Analyzer longText = SearchAnalyzers.longText();
        for (String f : SearchFields.LONG_FIELDS) perField.put(f, longText);
        perField.put(SearchFields.SUGGEST, SearchAnalyzers.suggestIndex());
        return new PerFieldAnalyzerWrapper(SearchAnalyzers.bigram(), perField);
    }

    /** The document of {@code entry}; {@code vectors} may be null (hybrid search off, or not embedded yet). */
    static Document toDocument(Entry entry, EntryEmbedding vectors) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.ID, entry.id(), Field.Store.YES));
        doc.add(new StringField(SearchFields.KEY, entry.key(), Field.Store.YES));
        doc.add(new SortedDocValuesField(SearchFields.KEY, new BytesRef(entry.key()))); // the index's tie order
        doc.add(new StringField(SearchFields.LOCALE, nz(entry.locale()), Field.Store.NO));
        doc.add(new StringField(SearchFields.STATUS, entry.status().wire(), Field.Store.NO));
        String owner = entry.personal() ? entry.createdBy() : null;
        doc.add(new StringField(SearchFields.AUDIENCE, SearchFields.audience(owner), Field.Store.NO));
        if (entry.shops().isEmpty()) doc.add(new StringField(SearchFields.SHOP, SearchFields.EVERY_SHOP, Field.Store.NO));
        for (String shop : entry.shops()) doc.add(new StringField(SearchFields.SHOP, shop, Field.Store.NO));
        String scope = SearchFields.scope(nz(entry.locale()), entry.status().wire(), owner);
        doc.add(new StringField(SearchFields.SCOPE, scope, Field.Store.NO));
        doc.add(new SortedDocValuesField(SearchFields.SCOPE, new BytesRef(scope)));
        doc.add(new NumericDocValuesField(SearchFields.VERSION, entry.version()));
        addCategory(doc, nz(entry.category()));
        for (String tag : entry.tags()) doc.add(new StringField(SearchFields.TAG, tag, Field.Store.NO));
        doc.add(new BinaryDocValuesField(SearchFields.HIT, new HitCard(entry.id(), entry.key(), nz(entry.locale()),
                nz(entry.category()), nz(entry.problem()), nz(entry.cause()), freshUntil(entry)).encode()));
        addText(doc, SearchFields.PROBLEM, List.of(nz(entry.problem())));
        addText(doc, SearchFields.QUESTIONS, entry.questions());
        addText(doc, SearchFields.CAUSE, List.of(nz(entry.cause())));
        addText(doc, SearchFields.SCRIPT, List.of(nz(entry.script())));
        addText(doc, SearchFields.ACTIONS, entry.actions());
        doc.add(new TextField(SearchFields.SUGGEST, nz(entry.problem()), Field.Store.NO));
        for (String q : entry.questions()) doc.add(new TextField(SearchFields.SUGGEST, q, Field.Store.NO));
        if (vectors != null) {
            Embedders.Space space = Embedders.Space.of(entry);
            doc.add(new KnnFloatVectorField(space.field, vectors.centroid(), VectorSimilarityFunction.DOT_PRODUCT));
            if (vectors.examples() != null) {
                doc.add(new BinaryDocValuesField(space.examplesField, new BytesRef(vectors.examples())));
            }
        }
        return doc;
    }

    private static void addText(Document doc, String field, List<String> values) {
        boolean any = false;
        for (String value : values) {
            if (value == null || value.isBlank()) continue;
            any = true;
            doc.add(SearchFields.LONG_FIELDS.contains(field) ? new Field(field, value, LONG_TEXT)
                    : new TextField(field, value, Field.Store.YES));
            if (SearchFields.WORD_FIELDS.contains(field)) {
                doc.add(new TextField(SearchFields.words(field), value, Field.Store.NO));
            }
        }
        if (!any) addEmpty(doc, field);
    }

    /**
     * An entry without a cause or actions still gets the field, empty: every document then has a length norm
     * for every text field, and scoring reads norms by position instead of looking each document up in a sparse
     * list (a tenth of a search's CPU at 100,000 entries, where the FAQ-derived entries have no cause). The empty
     * field adds no term, so the field's document count and average length, and every score, stay the same.
     */
    private static void addEmpty(Document doc, String field) {
        doc.add(SearchFields.LONG_FIELDS.contains(field) ? new Field(field, "", LONG_TEXT)
                : new TextField(field, "", Field.Store.NO));
        if (SearchFields.WORD_FIELDS.contains(field)) doc.add(new TextField(SearchFields.words(field), "", Field.Store.NO));
    }

    /** Indexes each prefix of the path: {@code 物流/延误/清关} → {@code 物流}, {@code 物流/延误}, …. */
    private static void addCategory(Document doc, String category) {
        String[] parts = category.split("/");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (part.isBlank()) continue;
            if (!path.isEmpty()) path.append('/');
            path.append(part.trim());
            doc.add(new StringField(SearchFields.CATEGORY_PATH, path.toString(), Field.Store.NO));
        }
    }

    /** Normalises a category filter the way {@link #addCategory} indexes paths. */
    public static String categoryPath(String category) {
        StringBuilder path = new StringBuilder();
        for (String part : category.split("/")) {
            if (part.isBlank()) continue;
            if (!path.isEmpty()) path.append('/');
            path.append(part.trim());
        }
        return path.toString();
    }

    private static long freshUntil(Entry entry) {
        Instant due = Staleness.dueAt(entry.verifiedAt(), entry.createdAt(), entry.verifyEveryDays());
        return due == null ? Long.MAX_VALUE : due.toEpochMilli();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
