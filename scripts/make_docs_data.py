#!/usr/bin/env python3
r"""Training data for the span reader written by people: questions built from the structure of
permissively licensed documentation that installs from Debian, over chunks cut as `mgpt index`
cuts them.

    apt-get install --no-install-recommends manpages manpages-dev python3.11-doc python-django-doc \
        python-flask-doc python-werkzeug-doc python-jinja2-doc python-click-doc python-requests-doc \
        python-attr-doc python-pytest-doc python-sqlalchemy-doc sphinx-doc python-psutil-doc \
        python-tornado-doc python-cryptography-doc python-pygments-doc python-babel-doc \
        python-markdown-doc python-setuptools-doc python-kombu-doc python-mpmath-doc
    python scripts/make_docs_data.py --out out/readerdocs          # every source installed
    python scripts/make_docs_data.py --out /tmp/x --sources man     # the man pages only

Writes into --out: docs-qa.jsonl (training examples), docs-qa-val.jsonl (the examples of a small
share of the documents, --val-fraction) and docs-qa.json (the recipe: packages, versions and
licences, every document kept with its licence and split, every page left out and why, counts
per builder and per source, sha256 of the files, the seed). One example a line:

    {"question": ..., "chunks": [2-6 chunk texts], "answer": str or null,
     "spans": [[chunk index, start, end], ...], "source": "package:path", "kind": builder}

The same installed packages and seed give the same bytes. Sources that are not installed are
skipped with a note; see lab/readerdocs/build.py for the list and lab/readerdocs/ for
how pages are read, licences checked and questions built.
"""

import argparse
import os
import sys
import time

from readerdocs import build

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "out", "readerdocs"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--val-fraction", type=float, default=0.02,
                    help="share of documents whose examples go to docs-qa-val.jsonl (default 0.02)")
    ap.add_argument("--chunk-size", type=int, default=build.DEFAULT_CHUNK_SIZE)
    ap.add_argument("--overlap", type=int, default=build.DEFAULT_OVERLAP)
    ap.add_argument("--per-kind", type=int, default=80,
                    help="at most this many facts of one builder from one document (default 80; fewer for some, "
                         "see KIND_CAPS in lab/readerdocs/build.py)")
    ap.add_argument("--sources", default="man,html",
                    help="comma-separated: man, html (every HTML package), or package names (default man,html)")
    args = ap.parse_args(argv)
    if not 0 <= args.val_fraction < 1:
        ap.error("--val-fraction must be at least 0 and below 1")
    t0 = time.time()
    recipe = build.run(args.out, seed=args.seed, val_fraction=args.val_fraction, chunk_size=args.chunk_size,
                       overlap=args.overlap, per_kind=args.per_kind, sources=tuple(args.sources.split(",")),
                       log=lambda msg: print(msg, file=sys.stderr, flush=True))
    c = recipe["counts"]
    print(f"{c['examples']} examples ({c['answerable']} answerable, {c['unanswerable']} unanswerable) "
          f"in {time.time() - t0:.0f} s -> {args.out}", file=sys.stderr)
    for name, info in recipe["files"].items():
        print(f"  {name}: {info['examples']} examples, sha256 {info['sha256']}", file=sys.stderr)
    for kind, n in sorted(c["by_kind"].items(), key=lambda x: -x[1]):
        print(f"  {n:7d} {kind}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
