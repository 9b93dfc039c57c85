-- The embeddings of an entry's problem and each similar question (int8, see ExampleVectors), next to their
-- centroid in `vector`: search rescores its candidates by the nearest example. Null in rows written before this
-- migration; those are re-embedded in the background while their centroid keeps serving.
ALTER TABLE entry_vectors ADD COLUMN examples BYTEA;
