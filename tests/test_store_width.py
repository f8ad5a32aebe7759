"""The collection's vector width and what Milvus Lite holds (issue 27): a new collection is
DEFAULT_DIM wide and says so, one made at another width is searched and answered at its own, and an embedded store reads through the allocator that gives
memory back. In process, through mgpt.KnowledgeBase: the commands are shells over it."""

from mgpt.knowledge import KnowledgeBase

from support.rag import needs_milvus, write_docs

QUESTION = "What is the price of the Kestrel 2 tent?"


def stored(db):
    """(embedder name, dim) recorded with the collection, and the dim of its vector field."""
    from mgpt.retrieval.store import Location, opened

    with opened(Location(db=str(db))) as store:
        fields = store.client.describe_collection(store.name)["fields"]
        vector = next(f for f in fields if f["name"] == "vector")
        return store.embedder(), int(vector["params"]["dim"])


@needs_milvus
def test_a_new_collection_is_the_default_width_and_records_it(tmp_path):
    from mgpt.retrieval.embedding import DEFAULT_DIM, NAME

    KnowledgeBase(db=tmp_path / "kb.db").index(write_docs(tmp_path / "docs"))
    assert stored(tmp_path / "kb.db") == ((NAME, DEFAULT_DIM), DEFAULT_DIM)


@needs_milvus
def test_a_collection_of_another_width_is_searched_and_answered_at_its_own(tmp_path):
    from mgpt.retrieval.embedding import DEFAULT_DIM

    other = 512 if DEFAULT_DIM != 512 else 1024
    docs = write_docs(tmp_path / "docs")
    kb = KnowledgeBase(db=tmp_path / "old.db")
    assert kb.index(docs, dim=other).added == 5
    again = kb.index(docs)  # no dim: the collection's own, nothing written
    assert (again.added, again.unchanged, again.total) == (0, 5, 5)
    assert stored(tmp_path / "old.db")[1] == other
    top = kb.search(QUESTION, k=1, retrieval="dense")  # a query embedded at the default would not match the field
    assert "price: 349 EUR" in top[0].text and top[0].path.endswith("tents.md")
    answer = kb.ask(QUESTION, k=3)  # the shipped reader, as `mgpt ask --db old.db` reads it
    assert any("price: 349 EUR" in s.text for s in answer.sources)


@needs_milvus
def test_an_embedded_store_reads_through_the_system_allocator_unless_one_was_chosen(tmp_path, monkeypatch):
    import pyarrow

    from mgpt.retrieval.store import Location, opened

    before = pyarrow.default_memory_pool()
    try:
        pyarrow.set_memory_pool(pyarrow.mimalloc_memory_pool())
        monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
        with opened(Location(db=str(tmp_path / "kb.db")), create=True):
            assert pyarrow.default_memory_pool().backend_name == "system"
        pyarrow.set_memory_pool(pyarrow.mimalloc_memory_pool())
        monkeypatch.setenv("ARROW_DEFAULT_MEMORY_POOL", "mimalloc")
        with opened(Location(db=str(tmp_path / "kb.db")), create=True):
            assert pyarrow.default_memory_pool().backend_name == "mimalloc"
    finally:
        pyarrow.set_memory_pool(before)
