package com.replybook.kb.search.semantic;

/**
 * An entry's dense representation: {@code centroid}, the normalised mean of the embeddings of its problem and
 * similar questions (one vector per entry, for the nearest-neighbour candidates), and {@code examples}, those
 * embeddings packed by {@link ExampleVectors} (for rescoring the candidates); {@code examples} may be null for a
 * vector stored before they were (it is then re-embedded in the background).
 */
public record EntryEmbedding(float[] centroid, byte[] examples) {
}
