-- entry_vectors.model named the locale space (ZH, EN); it now names the model (Embedders.Space#model), and stored
-- vectors are reused only while it matches. Every row so far was computed by today's models: keep them all.
UPDATE entry_vectors SET model = 'bge-small-zh-v1.5-q' WHERE model = 'ZH';
UPDATE entry_vectors SET model = 'all-minilm-l6-v2-q' WHERE model = 'EN';
