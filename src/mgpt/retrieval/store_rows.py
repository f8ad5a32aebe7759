"""The chunk rows of the store: reading them back, writing and deleting them in batches."""

import json

_BATCH = 512


class ChunkRows:
    """Store's rows (store.py): what indexing reads to skip unchanged files, and what it writes."""

    def _rows(self, filter_expression, fields):
        """Every row matching the filter, in batches (large ones: each is a round trip)."""
        with self._errors("reading stored chunks"):
            iterator = self.client.query_iterator(self.name, batch_size=16384, filter=filter_expression,
                                                  output_fields=fields)
            try:
                while True:
                    batch = iterator.next()
                    if not batch:
                        break
                    yield from batch
            finally:
                iterator.close()

    def file_digests(self):
        """{source: {file_hash: rows}}: what indexing needs to skip unchanged files, one entry per file."""
        digests = {}
        for r in self._rows('id != ""', ["source", "file_hash"]):
            per_file = digests.setdefault(r["source"], {})
            per_file[r["file_hash"]] = per_file.get(r["file_hash"], 0) + 1
        return digests

    def source_ids(self, source):
        """The ids of one file's chunks."""
        return {r["id"] for r in self._rows(f"source == {json.dumps(source)}", ["id"])}

    def upsert(self, rows):
        with self._errors("writing chunks"):
            for i in range(0, len(rows), _BATCH):
                self.client.upsert(self.name, rows[i:i + _BATCH])

    def delete(self, ids):
        ids = list(ids)
        with self._errors("deleting chunks"):
            for i in range(0, len(ids), _BATCH):
                self.client.delete(self.name, ids=ids[i:i + _BATCH])

    def flush(self):
        """Seals what was written: searching a sealed segment is 20x faster than a growing one
        (measured: 5.7 against 124 ms over 2,000 chunks in Milvus Lite)."""
        with self._errors("flushing"):
            self.client.flush(self.name)

    def count(self):
        with self._errors("counting chunks"):
            return int(self.client.get_collection_stats(self.name).get("row_count", 0))

    def matches(self, filter_expression):
        """Whether any chunk matches the filter."""
        with self._errors("reading stored chunks"):
            return bool(self.client.query(self.name, filter=filter_expression, output_fields=["id"], limit=1))
