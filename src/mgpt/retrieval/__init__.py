"""Retrieval-augmented generation: chunk documents, embed them, keep them in Milvus, build prompts.

Nothing here imports pymilvus at module level: `mgpt --help`, train and sample must stay fast
and must work without the `rag` extra. Only the store (store.py and its store_* parts) touches
Milvus, and only when opened.
"""
