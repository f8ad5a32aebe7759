"""Content layer of the reader training-data generator: value generators (values) and the
lexicon of fields, phrasings, categories and name material (lexicon)."""
