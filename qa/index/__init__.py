"""Index stage: tokenizers, sparse BM25, encoders, and the index folder (build, verify, load)."""
