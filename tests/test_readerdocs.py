"""The data set of human-written documentation for the span reader (lab/readerdocs/,
scripts/make_docs_data.py), on small pages written here: a man page or two in troff and a
Sphinx-like HTML page, not the installed packages, so the tests need none of them.

Checked: the troff reader and its Markdown, the licence filter (a GPL page, a page whose header
and copyright file disagree), every span is the answer verbatim, unanswerable examples have no
span, no distractor holds the answer for the same entity, and one seed gives one output."""

import json
from collections import Counter

import numpy as np
import pytest

from readerdocs import build, licences, manpages, troff
from readerdocs.assemble import Collection, Compiled, make_examples
from readerdocs.bm25 import BM25
from readerdocs.facts import head, to_vocab

FROB = r""".\" Copyright (C) 2024 A. Writer
.\"
.\" SPDX-License-Identifier: Linux-man-pages-copyleft
.\"
.TH frob 2 2024-01-01 "Linux man-pages 6.03"
.SH NAME
frob, frobat \- frobnicate a file
.SH LIBRARY
Standard C library
.RI ( libc ", " \-lc )
.SH SYNOPSIS
.nf
.B #include <frob.h>
.PP
.BI "int frob(const char *" pathname ", int " flags );
.BI "int frobat(int " dirfd ", const char *" pathname ", int " flags );
.fi
.SH DESCRIPTION
The
.BR frob ()
system call frobnicates the file named by
.IR pathname .
The following flags may be given in
.IR flags :
.TP
.B FROB_FAST
Skip the checks and frobnicate the file at once.
.TP
.BR FROB_SAFE " (since Linux 5.4)"
The file is synced to disk before the call returns.
.SH RETURN VALUE
On success, zero is returned.
On error, \-1 is returned, and
.I errno
is set to indicate the error.
.SH ERRORS
.TP
.B EACCES
Search permission is denied for a directory in the path prefix of
.IR pathname .
.TP
.B EBADF
.RB ( frobat ())
.I dirfd
is not a valid file descriptor.
.TP
.B ENOMEM
Insufficient kernel memory was available.
.SH ATTRIBUTES
.TS
allbox;
lbx lb lb
l l l.
Interface	Attribute	Value
T{
.BR frob (),
.BR frobat ()
T}	Thread safety	MT-Safe
.TE
.SH VERSIONS
.BR frobat ()
was added in Linux 5.1.
"""

TWIDDLE = r""".\" SPDX-License-Identifier: Linux-man-pages-copyleft
.TH twiddle 3 2024-01-01 "Linux man-pages 6.03"
.SH NAME
twiddle \- twiddle the bits of a buffer
.SH LIBRARY
Math library
.RI ( libm ", " \-lm )
.SH SYNOPSIS
.nf
.B #include <twiddle.h>
.PP
.BI "size_t twiddle(void *" buf ", size_t " len ", unsigned int " mode );
.fi
.SH DESCRIPTION
.TP
.B TW_LEFT
Rotate the bits of each byte to the left.
.TP
.B TW_RIGHT
Rotate the bits of each byte to the right.
.SH RETURN VALUE
On success,
.BR twiddle ()
returns the number of bytes twiddled.
On error, zero is returned.
.SH ERRORS
.TP
.B EINVAL
.I mode
is not one of the modes listed above.
.TP
.B ENOMEM
Insufficient kernel memory was available.
.TP
.B EOVERFLOW
.I len
is larger than the buffer.
"""

GNU = TWIDDLE.replace("Linux-man-pages-copyleft", "GPL-2.0-or-later").replace("twiddle", "gnufrob")

DEP5 = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: man-pages

Files: *
Copyright: 2024 The authors
License: GPL-2+

Files: man2/frob.2 man3/twiddle.3
Copyright: 2024 A. Writer
License: Linux-man-pages-copyleft

License: Linux-man-pages-copyleft
 Permission is granted to make and distribute verbatim copies of this manual ...
"""

HTML = """<html><head><title>spam</title></head><body><div class="body" role="main">
<section id="module-spam"><h1>spam &#8212; Cans of meat<a class="headerlink" href="#x">¶</a></h1>
<p>This module opens cans.</p>
<section id="functions"><h2>Functions<a class="headerlink" href="#y">¶</a></h2>
<dl class="py function">
<dt class="sig sig-object py" id="spam.open_can"><span class="sig-prename descclassname">spam.</span><span class="sig-name descname">open_can</span>(<em class="sig-param"><span class="n">size</span></em>, <em class="sig-param"><span class="n">timeout</span><span class="o">=</span><span class="default_value">30</span></em>, <em class="sig-param"><span class="n">lid</span><span class="o">=</span><span class="default_value">None</span></em>)<a class="headerlink" href="#spam.open_can">¶</a></dt>
<dd><p>Return the opened can.</p>
<div class="versionadded"><p><span class="versionmodified added">New in version 3.2.</span></p></div>
</dd></dl>
<dl class="py function">
<dt class="sig sig-object py" id="spam.close_can"><span class="sig-prename descclassname">spam.</span><span class="sig-name descname">close_can</span>(<em class="sig-param"><span class="n">can</span></em>, <em class="sig-param"><span class="n">force</span><span class="o">=</span><span class="default_value">False</span></em>)<a class="headerlink" href="#spam.close_can">¶</a></dt>
<dd><p>Close a can. Example: <code>spam.close_can(can, force=True)</code>.</p></dd></dl>
<dl class="py exception">
<dt class="sig sig-object py" id="spam.CanError"><em class="property">exception </em><span class="sig-prename descclassname">spam.</span><span class="sig-name descname">CanError</span><a class="headerlink" href="#spam.CanError">¶</a></dt>
<dd><p>A subclass of OSError, raised when a can will not open.</p></dd></dl>
</section>
<section id="sizes"><h2>Can sizes<a class="headerlink" href="#z">¶</a></h2>
<table class="docutils"><thead><tr><th>Size</th><th>Volume</th><th>Meaning</th></tr></thead>
<tbody><tr><td>S</td><td>200 ml</td><td>A small can for one person</td></tr>
<tr><td>M</td><td>400 ml</td><td>A medium can for two people</td></tr>
<tr><td>L</td><td>800 ml</td><td>A large can for the whole family</td></tr></tbody></table>
</section></section></div></body></html>
"""


def man_docs(sources):
    docs = []
    for name, src in sources:
        page = troff.parse(src)
        text = troff.render(page)
        doc = build.Document(f"test:{name}", "test", name, "Linux-man-pages-copyleft", text,
                             build.chunks_of(text, 140, 32), page=page)
        doc.facts = manpages.build(page, doc.key)
        docs.append(doc)
    return docs


def man_examples(seed):
    docs = man_docs([("frob.2", FROB), ("twiddle.3", TWIDDLE)])
    swaps = manpages.swaps(np.random.default_rng([seed, 1]), {d.key: d.page for d in docs},
                           {d.key: d.facts for d in docs}, ["zorpify"])
    coll = Collection("test", docs).build()
    facts = [f for d in docs for f in d.facts] + swaps
    stats = Counter()
    examples = make_examples(coll, facts, lambda key: np.random.default_rng([seed, len(key)]), set(), stats)
    return docs, coll, facts, [ex for _, ex in examples]


def check_examples(examples, coll, facts):
    assert examples
    by_question = {}
    for ex in examples:
        assert 2 <= len(ex["chunks"]) <= 6
        assert all(c in coll.chunks for c in ex["chunks"])
        if ex["answer"] is None:
            assert ex["spans"] == []
            continue
        assert ex["spans"], ex
        for i, s, e in ex["spans"]:
            assert ex["chunks"][i][s:e] == ex["answer"]
        by_question[ex["question"]] = ex
    # a chunk shown without a span may not state the fact, nor hold its answer while naming its entity
    compiled = [Compiled(f, coll) for f in facts if f.answer is not None]
    for ex in examples:
        if ex["answer"] is None:
            continue
        fact = next(c for c in compiled if c.fact.kind == ex["kind"] and c.fact.answer == ex["answer"]
                    and c.fact.doc == ex["source"] and any(c.states(ex["chunks"][i]) for i, _, _ in ex["spans"]))
        with_span = {i for i, _, _ in ex["spans"]}
        for n, chunk in enumerate(ex["chunks"]):
            if n not in with_span:
                assert not fact.refuses(chunk), (ex["question"], chunk)


def test_troff_renders_sections_items_and_tables():
    page = troff.parse(FROB)
    assert (page.name, page.section) == ("frob", "2")
    text = troff.render(page)
    assert "## frob(2): ERRORS" in text
    assert "EACCES\nSearch permission is denied for a directory in the path prefix of pathname." in text
    assert "int frob(const char *pathname, int flags);" in text
    assert "| Interface | Attribute | Value |\n|---|---|---|\n| frob(), frobat() | Thread safety | MT-Safe |" in text
    assert "FROB_SAFE (since Linux 5.4)\nThe file is synced" in text
    chunks = build.chunks_of(text, 140, 32)
    assert all(c.startswith("frob(2): ") for c in chunks)
    assert "frob(2): ATTRIBUTES. Interface: frob(), frobat(); Attribute: Thread safety; Value: MT-Safe." in chunks
    assert troff.parse(".so man2/frob.2\n").alias == "man2/frob.2"


def test_licence_filter_refuses_gpl_and_unclear_pages():
    stanzas = licences.parse_dep5(DEP5)
    assert licences.check_page(stanzas, "man2/frob.2", FROB)[0]
    ok, lic, reason = licences.check_page(stanzas, "man3/gnufrob.3", GNU)
    assert not ok and "GPL" in reason
    # the copyright file says permissive but the page's own header says GPL: left out
    assert not licences.check_page(stanzas, "man2/frob.2", FROB.replace("Linux-man-pages-copyleft", "GPL-2.0-only"))[0]
    # a page that names no licence at all: left out
    assert not licences.check_page(stanzas, "man2/frob.2", FROB.split("\n", 4)[4])[0]
    assert licences.permissive("BSD-4-clause and Linux-man-pages-copyleft")
    assert not licences.permissive("GPL-2+ and Linux-man-pages-copyleft")
    assert licences.text_licence("Permission is hereby granted, free of charge, to any person") == "Expat"
    assert licences.text_licence("This program is free software under the GNU General Public License") is None


def test_man_builders_make_structured_facts():
    docs = man_docs([("frob.2", FROB), ("twiddle.3", TWIDDLE)])
    facts = {(f.kind, f.answer) for d in docs for f in d.facts}
    assert ("man_error_code", "EACCES") in facts
    assert ("man_error_meaning", "Insufficient kernel memory was available") in facts
    assert ("man_header", "<frob.h>") in facts
    assert ("man_library", "libm") in facts and ("man_library", "-lm") in facts
    assert ("man_return", "zero") in facts and ("man_return", "-1") in facts
    assert ("man_return", "the number of bytes twiddled") in facts
    assert ("man_param_type", "size_t") in facts and ("man_return_type", "size_t") in facts
    assert ("man_since", "5.4") in facts and ("man_version", "5.1") in facts
    assert ("man_attribute", "MT-Safe") in facts
    assert ("man_item_name", "FROB_FAST") in facts  # "Which flag of frob do I use to skip the checks ...?"
    assert head("Search permission is denied for a directory, or the file is gone.") == "Search permission is denied for a directory"


def test_examples_spans_distractors_and_unanswerable():
    docs, coll, facts, examples = man_examples(0)
    check_examples(examples, coll, facts)
    kinds = Counter(ex["kind"] for ex in examples if ex["answer"] is None)
    assert kinds["man_error_meaning_unanswerable"] and kinds["man_error_code_unanswerable"]
    # an error code asked of the page that does not list it: no chunk shown says what it means there
    for ex in examples:
        if ex["answer"] is None and ex["kind"] == "man_error_meaning_unanswerable":
            code = ex["question"].split()[2] if ex["question"].lower().startswith("what does") else None
            if code and code.isupper():
                page = ex["source"].split(":")[1].split(".")[0]
                assert not any(c.startswith(f"{page}(") and f" {code} " in c for c in ex["chunks"])
    # same-type distractors: an ERRORS question brings another ERRORS chunk
    errs = [ex for ex in examples if ex["kind"] == "man_error_code" and ex["answer"]]
    assert any(sum(": ERRORS." in c for c in ex["chunks"]) >= 2 for ex in errs)


def test_same_seed_same_examples():
    a = json.dumps(man_examples(3)[3], sort_keys=True)
    b = json.dumps(man_examples(3)[3], sort_keys=True)
    c = json.dumps(man_examples(4)[3], sort_keys=True)
    assert a == b
    assert a != c


def test_sphinx_page_builders():
    pytest.importorskip("bs4")
    from bs4 import BeautifulSoup
    from mgpt.retrieval.formats import read_html
    from readerdocs import pydocs

    text = read_html(HTML.encode(), definitions_and_hidden=False)[0][1]  # as build.py reads pages
    chunks = build.chunks_of(text, 140, 32)
    doc = build.Document("test:spam.html", "test", "spam.html", "PSF-2.0", text, chunks)
    soup = BeautifulSoup(HTML, "html.parser")
    doc.facts = pydocs.build(soup, doc.key, "library/spam.html", {"unique": {"open_can", "close_can", "CanError"},
                                                                 "modules": pydocs.modules(soup)})
    found = {(f.kind, f.answer) for f in doc.facts}
    assert ("py_default", "30") in found and ("py_default", "None") in found and ("py_default", "False") in found
    assert ("py_module", "spam") in found and ("py_exception_base", "OSError") in found
    assert ("py_return", "the opened can") in found
    assert ("py_table_cell", "400 ml") in found and ("py_table_key", "L") in found
    swaps = pydocs.swaps(np.random.default_rng(0), {doc.key: doc.facts}, ["zorpify"])
    coll = Collection("spam", [doc]).build()
    ex = make_examples(coll, doc.facts + swaps, lambda key: np.random.default_rng(1), set(), Counter())
    check_examples([e for _, e in ex], coll, doc.facts)
    # the example in close_can's description (force=True) is not its signature's default
    force = next(f for f in doc.facts if f.kind == "py_default" and f.attr == "default:force")
    c = Compiled(force, coll)
    assert [coll.chunks[i][s:e] for i in c.stating for s, e in c.spans(coll.chunks[i])] == ["False"]
    # the default of a parameter open_can does not take, or takes without a default: unanswerable
    assert any(f.answer is None and f.kind == "py_default" for f in swaps)


def test_bm25_and_split_and_vocabulary():
    bm = BM25(["the cat sat on the mat", "a dog barked at the cat", "stock prices fell"])
    assert bm.search("dog barking cat", 2)[0] == 1
    assert bm.search("prices", 3) == [2]
    keys = [f"pkg:/doc/{i}" for i in range(1000)]
    val = build.val_documents(keys, 0, 0.02)
    assert val == build.val_documents(keys, 0, 0.02) and 5 <= len(val) <= 40
    assert to_vocab("a\u00a0b\u2010c\u00add\u4e2d") == "a b-cd\ufffd"
