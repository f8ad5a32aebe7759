"""Training data for the span reader from documentation written by people (scripts/make_docs_data.py).

Permissively licensed documentation that installs from Debian (the Linux man-pages project's
pages, the Python documentation and other Sphinx-built manuals) is read, its licences checked
(licences.py), turned into the text `mgpt index` makes of it (troff/ for man pages, mgpt's own
HTML reader for the rest) and cut by mgpt's chunker. Questions come from the documents'
structure (manpages.py with mancalls.py, manlists.py and manwords.py; pydocs.py with
sphinxpages.py and pybuilders.py; tables.py for both): error lists, return values, signatures and
their defaults, option lists, tables, version notes; each fact knows how to find the chunk that
states it (facts.py). assemble.py gives each question the chunks a retrieval would bring (the stating one,
same-type distractors, then BM25 hits, bm25.py) and the answer's spans, or none when the
documents do not say; build.py runs it all and writes the data set and its recipe.
"""
