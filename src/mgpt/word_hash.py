"""Hashed word features of the span reader: which word, and which stem, each character is part of.

A character-level reader spends its first layers composing words from characters. With word
features on (SpanReaderConfig.word_buckets N > 0) every character of a word also gets the
embedding of a hash bucket of its word and one of its stem, the word's first STEM characters
("weigh" for weight, weighs, weighed), the fastText way (Bojanowski et al. 2017): computed, no
pretrained vectors, every word (even one never seen in training) has a bucket, and words that
share a bucket share its row.

A word is a maximal run of letters and digits, lowercased: the words the question-match types
compare too (pairs.character_types). Its bucket is 1 + crc32(its UTF-8 bytes) mod (N - 1):
stable across processes and machines, unlike Python's salted hash(). Bucket 0 is every position
outside a word (spaces, punctuation, the BOS separators, padding): a row trained like the others.
Words and stems have tables of their own (span_reader: word_emb, stem_emb), so a short word's
stem bucket equal to its word bucket means nothing.
"""

import re
import zlib

import numpy as np

STEM = 5  # characters of a word its stem keeps
MAX_BUCKETS = 2 ** 20
_WORD = re.compile(r"[^\W_]+")  # exactly the characters str.isalnum() accepts


def words(text):
    """(start, end, lowercase word) of each run of letters and digits (str.isalnum)."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def bucket(word, buckets):
    """The bucket of a (lowercase) word among `buckets` (>= 2): 1 to buckets - 1."""
    return 1 + zlib.crc32(word.encode("utf-8")) % (buckets - 1)


def word_ids(text, buckets):
    """(n, 2) int32: per character of text, the bucket of its word and of its stem (0 outside words)."""
    ids = np.zeros((len(text), 2), np.int32)
    for start, end, word in words(text):
        ids[start:end] = bucket(word, buckets), bucket(word[:STEM], buckets)
    return ids
