"""Searching the store: dense, BM25, or both fused by reciprocal rank (hybrid, the default).

BM25 finds the chunk that shares the question's rare words (a product name, a field), the
n-gram vector the one that shares their forms ("weighs" for "weight").
"""

from .store_connection import unreachable

# seconds a search may take before the server counts as not answering (a search is milliseconds,
# 65 ms at 100K chunks with HNSW); without one, a hung server would hold a question forever
SEARCH_TIMEOUT = 10.0
# HNSW's search beam. Measured at 100K chunks (Milvus Lite, 1024 dims): recall@10 against exact
# search 78% at ef 64, 90% at 128, 96% at 256, 98.5% at 512, for 65-68 ms a query at every ef
HNSW_EF = 512
RRF_K = 60  # the reciprocal-rank constant of Cormack et al. (2009), Milvus' default


class ChunkSearch:
    """Store's search (store.py)."""

    def search(self, vector, query, k, mode="hybrid", filter_expression=""):
        """The k best chunks for the query: [{id, score, source, page, position, text}], best
        first. dense: cosine of `vector`; bm25: Milvus' BM25 of `query` (score = BM25);
        hybrid: both lists fused by reciprocal rank (score = the fused RRF score). Only chunks
        that match filter_expression (a Milvus filter) when one is given."""
        fields = ["source", "page", "position", "text"]
        dense_param = {"metric_type": "COSINE"}
        if self.vector_index() == "HNSW":
            dense_param["params"] = {"ef": max(HNSW_EF, k)}
        dense = {"data": [vector], "anns_field": "vector", "param": dense_param, "limit": k,
                 "expr": filter_expression or None}
        sparse = {"data": [query], "anns_field": "sparse", "param": {"metric_type": "BM25"}, "limit": k,
                  "expr": filter_expression or None}

        def run():
            if mode == "hybrid":
                pm = self._pm
                return self.client.hybrid_search(
                    self.name, [pm.AnnSearchRequest(**dense), pm.AnnSearchRequest(**sparse)],
                    ranker=pm.RRFRanker(RRF_K), limit=k, output_fields=fields, timeout=SEARCH_TIMEOUT)
            request = dense if mode == "dense" else sparse
            return self.client.search(self.name, data=request["data"], limit=k, anns_field=request["anns_field"],
                                      search_params=request["param"], output_fields=fields,
                                      filter=filter_expression, timeout=SEARCH_TIMEOUT)

        with self._errors("searching"):
            try:
                result = run()
            except self._pm.MilvusException as e:
                if not self._loaded or unreachable(e, self._pm):
                    raise
                # released since this store loaded it (another process rebuilding the index of a
                # shared server): load it again and search once more
                self.load(again=True)
                result = run()
        hits = []
        for hit in result[0]:
            entity = hit.get("entity", {})
            score = float(hit["distance"])
            hits.append({"id": hit["id"], "score": abs(score) if mode == "bm25" else score,
                         "source": entity["source"], "page": int(entity.get("page") or 0),
                         "position": int(entity["position"]), "text": entity["text"]})
        return hits
