package com.replybook.kb.search.semantic;

import com.replybook.kb.db.Database;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Entry vectors in the database ({@code entry_vectors}, migrations V11, V13 and V14), keyed by entry id, with the
 * model and the text hash they came from: the centroid as float32, the examples as packed by {@link ExampleVectors}.
 */
final class VectorStore {

    /**
     * Stored vectors, the {@link Embedders.Space#model} that computed them and the hash of their text;
     * {@code examples} null before V13.
     */
    record Stored(String model, String textHash, EntryEmbedding vectors) {
    }

    private final Database db;

    VectorStore(Database db) {
        this.db = db;
    }

    Optional<Stored> get(String entryId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT model, text_hash, vector, examples FROM entry_vectors WHERE entry_id = ?")) {
                ps.setString(1, entryId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getString(2),
                            new EntryEmbedding(decode(rs.getBytes(3)), rs.getBytes(4)))) : Optional.empty();
                }
            }
        });
    }

    /** True when complete vectors (examples included) of {@code model} for the text hashed {@code textHash} are stored. */
    boolean hasComplete(String entryId, String model, String textHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM entry_vectors WHERE entry_id = ? AND model = ?"
                    + " AND text_hash = ? AND examples IS NOT NULL")) {
                ps.setString(1, entryId);
                ps.setString(2, model);
                ps.setString(3, textHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** One entry's vectors to store, with the model and text hash they came from. */
    record Row(String entryId, String model, String textHash, EntryEmbedding vectors) {
    }

    void put(String entryId, String model, String textHash, EntryEmbedding vectors) {
        putAll(List.of(new Row(entryId, model, textHash, vectors)));
    }

    /** Stores (or replaces) every row in one transaction. */
    void putAll(List<Row> rows) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO entry_vectors (entry_id, model, text_hash, dims,"
                    + " vector, examples) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET"
                    + " model = excluded.model, text_hash = excluded.text_hash, dims = excluded.dims,"
                    + " vector = excluded.vector, examples = excluded.examples")) {
                for (Row r : rows) {
                    ps.setString(1, r.entryId());
                    ps.setString(2, r.model());
                    ps.setString(3, r.textHash());
                    ps.setInt(4, r.vectors().centroid().length);
                    ps.setBytes(5, encode(r.vectors().centroid()));
                    ps.setBytes(6, r.vectors().examples());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    static float[] decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
