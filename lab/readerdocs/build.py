"""The whole build: documents from installed Debian packages, their licences checked, chunked as
`mgpt index` chunks them, facts from their structure, unanswerable swaps, examples, the split by
document, and the recipe.

Sources (each package's /usr/share/doc/<package>/copyright is read and recorded):
- manpages, manpages-dev: the Linux man-pages project's troff sources under /usr/share/man
  (only pages whose copyright-file licence and own header licence are both permissive; see
  licences.py), rendered by troff/;
- python3.11-doc: the Python documentation's HTML (PSF licence), read by mgpt's own HTML reader.
"""

import gzip
import hashlib
import json
import os
import re
import subprocess
import zlib
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from mgpt.retrieval.chunking import DEFAULT_CHUNK_SIZE, DEFAULT_OVERLAP, chunk_text
from mgpt.retrieval.formats import read_html

from . import licences, manpages, manwords, pydocs, troff
from .assemble import Collection, make_examples
from .facts import to_vocab

MAN_PACKAGES = ("manpages", "manpages-dev")


@dataclass
class Sphinx:
    """A package of Sphinx (or MkDocs) HTML documentation: where its pages are, what it documents,
    how its command-line options' program is named, which parts are read."""
    package: str
    root: str
    product: str
    cli: tuple = ("{p}", "")
    parts: tuple = ()          # only these folders (and `pages`), when given
    pages: tuple = ()


SPHINX = (
    # the reference parts of the Python documentation; left out: what's new (release notes),
    # the indexes, the search page and the legal pages
    Sphinx("python3.11-doc", "/usr/share/doc/python3.11/html", "Python", ("python -m {p}", "python"),
           parts=("library", "c-api", "reference", "tutorial", "howto", "faq", "using", "extending", "installing",
                  "distributing", "install"), pages=("glossary.html",)),
    Sphinx("python-django-doc", "/usr/share/doc/python-django-doc/html", "Django", ("django-admin {p}", "django-admin")),
    Sphinx("python-flask-doc", "/usr/share/doc/python-flask-doc/html", "Flask", ("flask {p}", "flask")),
    Sphinx("python-werkzeug-doc", "/usr/share/doc/python-werkzeug-doc/html", "Werkzeug"),
    Sphinx("python-jinja2-doc", "/usr/share/doc/python-jinja2-doc/html", "Jinja"),
    Sphinx("python-click-doc", "/usr/share/doc/python-click-doc/html", "Click"),
    Sphinx("python-requests-doc", "/usr/share/doc/python-requests-doc/html", "Requests"),
    Sphinx("python-attr-doc", "/usr/share/doc/python-attr-doc/html", "attrs"),
    Sphinx("python-pytest-doc", "/usr/share/doc/python-pytest-doc/html", "pytest", ("pytest", "pytest")),
    Sphinx("python-sqlalchemy-doc", "/usr/share/doc/python-sqlalchemy-doc/html", "SQLAlchemy"),
    Sphinx("sphinx-doc", "/usr/share/doc/sphinx-doc/html", "Sphinx", ("{p}", "sphinx-build")),
    Sphinx("python-psutil-doc", "/usr/share/doc/python-psutil-doc/html", "psutil"),
    Sphinx("python-tornado-doc", "/usr/share/doc/python-tornado-doc/html", "Tornado"),
    Sphinx("python-cryptography-doc", "/usr/share/doc/python-cryptography-doc/html", "cryptography"),
    Sphinx("python-pygments-doc", "/usr/share/doc/python-pygments-doc/html", "Pygments", ("{p}", "pygmentize")),
    Sphinx("python-babel-doc", "/usr/share/doc/python-babel-doc/html", "Babel", ("pybabel {p}", "pybabel")),
    Sphinx("python-markdown-doc", "/usr/share/doc/python-markdown-doc/docs", "Python-Markdown"),
    Sphinx("python-setuptools-doc", "/usr/share/doc/python-setuptools-doc/html", "setuptools"),
    Sphinx("python-kombu-doc", "/usr/share/doc/python-kombu-doc/html", "Kombu"),
    Sphinx("python-mpmath-doc", "/usr/share/doc/python-mpmath-doc/html", "mpmath"),
    # checked and left out: its docs/ are CC-BY-SA-4.0 (share-alike), see its copyright file
    Sphinx("python-celery-doc", "/usr/share/doc/python-celery-doc/html", "Celery", ("celery {p}", "celery")),
)
# pages that are not documentation of the product (indexes, search, release notes, licences,
# highlighted source code)
SKIP_PAGES = {"genindex.html", "genindex-all.html", "search.html", "py-modindex.html", "404.html", "changes.html",
              "changelog.html", "history.html", "license.html", "copyright.html", "credits.html", "authors.html"}
SKIP_DIRS = {"_modules", "_sources", "_static", "_images", "_downloads", "releases", "whatsnew", "changes", "changelog",
             "change-log", "release-notes", "changelog.d"}
UNANSWERABLE_SHARE = 0.3


@dataclass
class Document:
    key: str             # "package:path", the example's source
    package: str
    path: str
    licence: str
    text: str
    chunks: list
    facts: list = field(default_factory=list)
    page: object = None  # a man page's parsed form


def package_version(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True,
                             check=True).stdout.strip()
        return out or None
    except (OSError, subprocess.CalledProcessError):
        return None


def package_files(package):
    path = f"/var/lib/dpkg/info/{package}.list"
    if not os.path.exists(path):
        path = f"/var/lib/dpkg/info/{package}:all.list"
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def chunks_of(text, chunk_size, overlap):
    # as mgpt cut them when docs.jsonl was recorded (make_span_reader.py: its sha256)
    return chunk_text(to_vocab(text), chunk_size=chunk_size, overlap=overlap, rows_and_lines=False)


def read_man(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def collect_manpages(chunk_size, overlap, packages=MAN_PACKAGES, log=print):
    docs, excluded, info, undocumented = [], [], [], set()
    documented = set()
    for package in packages:
        version = package_version(package)
        copyright_path = f"/usr/share/doc/{package}/copyright"
        if version is None or not os.path.exists(copyright_path):
            log(f"readerdocs: {package} is not installed; skipped (apt-get install {package})")
            continue
        with open(copyright_path, encoding="utf-8") as f:
            stanzas = licences.parse_dep5(f.read())
        kept, lic_counts = 0, Counter()
        files = sorted(p for p in package_files(package)
                       if p.startswith("/usr/share/man/man") and p.endswith(".gz") and os.path.isfile(p)
                       and not os.path.islink(p))
        for path in files:
            rel = path[len("/usr/share/man/"):-len(".gz")]
            source = read_man(path)
            page = troff.parse(source)
            if page.alias:
                continue  # `.so`: another page's other name
            ok, lic, reason = licences.check_page(stanzas, rel, source)
            if not ok:
                excluded.append({"source": f"{package}:{path}", "licence": lic, "reason": reason})
                if page.section[:1] in ("2", "3"):  # calls (not devices, files or overviews)
                    undocumented.update(manwords.functions(page))
                continue
            if not page.name or not page.sections:
                excluded.append({"source": f"{package}:{path}", "licence": lic, "reason": "no page could be read"})
                continue
            text = troff.render(page)
            doc = Document(f"{package}:{path}", package, path, lic, text, chunks_of(text, chunk_size, overlap), page=page)
            doc.facts = manpages.build(page, doc.key)
            documented.update(manwords.functions(page))
            docs.append(doc)
            kept += 1
            lic_counts[lic] += 1
        info.append({"package": package, "version": version, "copyright": copyright_path,
                     "licence": "per page (DEP-5 copyright file and each page's header); kept pages' licences below",
                     "pages_kept": kept, "licences": dict(sorted(lic_counts.items()))})
        log(f"readerdocs: {package} {version}: {kept} pages kept")
    undocumented -= documented
    return docs, excluded, info, sorted(n for n in undocumented if len(n) >= 4)


def sphinx_pages(spec):
    rels = []
    for d, dirs, files in os.walk(spec.root):
        dirs[:] = sorted(x for x in dirs if x not in SKIP_DIRS and not x.startswith("genindex"))
        for f in files:
            if f.endswith(".html") and f not in SKIP_PAGES and not f.startswith("genindex"):
                rels.append(os.path.relpath(os.path.join(d, f), spec.root))
    if spec.parts:
        rels = [r for r in rels if r.split(os.sep)[0] in spec.parts or r in spec.pages]
    return sorted(rels)


def collect_sphinx(spec, chunk_size, overlap, log=print):
    """(documents, recipe entry) of one package of HTML documentation."""
    from bs4 import BeautifulSoup
    import logging
    import warnings

    version = package_version(spec.package)
    copyright_path = f"/usr/share/doc/{spec.package}/copyright"
    if version is None or not os.path.isdir(spec.root) or not os.path.exists(copyright_path):
        log(f"readerdocs: {spec.package} is not installed; skipped (apt-get install {spec.package})")
        return [], None
    with open(copyright_path, encoding="utf-8") as f:
        copyright_text = f.read()
    entry = {"package": spec.package, "version": version, "copyright": copyright_path, "root": spec.root}
    if spec.package.startswith("python3") and spec.product == "Python":
        with open(os.path.join(spec.root, "license.html"), encoding="utf-8") as f:
            lic = licences.python_doc_licence(copyright_text, f.read())
        entry["licence_checked_in"] = [copyright_path, os.path.join(spec.root, "license.html")]
    else:
        lic = licences.package_licence(copyright_text)
        entry["licence_checked_in"] = [copyright_path + " (the stanza or text for its docs/ sources)"]
    entry["licence"] = lic
    if lic is None:
        log(f"readerdocs: {spec.package}: no permissive licence found in its copyright file; left out")
        entry["excluded"] = "licence not recognised as permissive"
        return [], entry
    logging.getLogger("bs4").setLevel(logging.CRITICAL + 1)
    soups, docs = [], []
    for rel in sphinx_pages(spec):
        path = os.path.join(spec.root, rel)
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = read_html(data, definitions_and_hidden=False)[0][1]  # as docs.jsonl was recorded (its sha256)
        except ValueError:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(data, "html.parser")
        chunks = chunks_of(text, chunk_size, overlap)
        if not chunks:
            continue
        soups.append((rel, soup))
        docs.append(Document(f"{spec.package}:{path}", spec.package, path, lic, text, chunks))
    # a name documented in one place only can be asked "which module provides it?"
    homes, mods = Counter(), set()
    for rel, soup in soups:
        for name, _ in pydocs.names(soup):  # every entry counts: two setdefault() on one page are two
            homes[name] += 1
        mods |= pydocs.modules(soup)
    context = {"unique": {n for n, c in homes.items() if c == 1}, "modules": mods}
    for doc, (rel, soup) in zip(docs, soups):
        doc.facts = pydocs.build(soup, doc.key, rel, context, spec.product, spec.cli)
    entry["pages_kept"] = len(docs)
    log(f"readerdocs: {spec.package} {version}: {len(docs)} pages, {sum(len(d.chunks) for d in docs)} chunks")
    return docs, entry


def val_documents(keys, seed, fraction):
    """The documents of the validation split: those whose hash with the seed falls under the fraction."""
    out = set()
    for key in keys:
        h = int(hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()[:12], 16) / 16 ** 12
        if h < fraction:
            out.add(key)
    return out


# builders whose answers repeat a few values (int, size_t, libc, a module's name) get fewer
# facts from one document than the per_kind cap allows
KIND_CAPS = {"man_param_type": 10, "man_return_type": 8, "capi_param_type": 10, "capi_return_type": 8,
             "py_module": 40, "man_struct_type": 12, "py_table_cell": 40, "man_table_cell": 40,
             "py_setting_default": 250}  # Django's settings page: a default for each of 160 settings


def cap_facts(rng, facts, per_kind):
    """At most per_kind facts of one builder from one document (a page of 300 flags would
    otherwise outweigh a hundred small pages)."""
    by = {}
    for f in facts:
        by.setdefault(f.kind, []).append(f)
    out = []
    for kind in sorted(by):
        fs = by[kind]
        cap = KIND_CAPS.get(kind, per_kind)
        if len(fs) > cap:
            keep = sorted(rng.choice(len(fs), cap, replace=False).tolist())
            fs = [fs[i] for i in keep]
        out += fs
    return out


def balance_unanswerable(rng, examples, share):
    """Keeps as many unanswerable examples as make `share` of the whole, taken in turn from each
    builder's (so that the builder with the most candidates does not fill the quota alone)."""
    answerable = [x for x in examples if x[1]["answer"] is not None]
    pools = {}
    for n, x in enumerate(examples):
        if x[1]["answer"] is None:
            pools.setdefault(x[1]["kind"], []).append(n)
    target = int(round(share / (1 - share) * len(answerable)))
    for kind in sorted(pools):
        order = rng.permutation(len(pools[kind]))
        pools[kind] = [pools[kind][i] for i in order]
    keep = set()
    while len(keep) < target and any(pools.values()):
        for kind in sorted(pools):
            if pools[kind] and len(keep) < target:
                keep.add(pools[kind].pop())
    return [x for n, x in enumerate(examples) if x[1]["answer"] is not None or n in keep]


def run(out_dir, seed=0, val_fraction=0.02, chunk_size=DEFAULT_CHUNK_SIZE, overlap=DEFAULT_OVERLAP,
        per_kind=80, sources=("man", "html"), log=print):
    """Writes docs-qa.jsonl, docs-qa-val.jsonl and the recipe docs-qa.json into out_dir. sources:
    "man" (the man pages), "html" (every package of SPHINX) or single package names."""
    os.makedirs(out_dir, exist_ok=True)
    stats = Counter()
    recipe_sources, excluded, collections = [], [], []

    def rng_for(key):
        return np.random.default_rng([seed, zlib.crc32(key.encode())])

    if "man" in sources or any(p in sources for p in MAN_PACKAGES):
        docs, excl, info, undocumented = collect_manpages(
            chunk_size, overlap, packages=MAN_PACKAGES if "man" in sources else [p for p in MAN_PACKAGES if p in sources],
            log=log)
        excluded += excl
        recipe_sources += info
        for d in docs:
            d.facts = cap_facts(rng_for("cap:" + d.key), d.facts, per_kind)
        facts_by_doc = {d.key: d.facts for d in docs}
        swaps = manpages.swaps(np.random.default_rng([seed, 1]), {d.key: d.page for d in docs}, facts_by_doc,
                               undocumented)
        collections.append(("man pages", docs, swaps))
    man_names = sorted({n for _, docs, _ in collections for d in docs for n in manwords.functions(d.page)
                        if len(n) >= 5 and n.isidentifier()})
    for spec in SPHINX:
        if "html" not in sources and spec.package not in sources:
            continue
        docs, info = collect_sphinx(spec, chunk_size, overlap, log=log)
        if info:
            recipe_sources.append(info)
        if not docs:
            continue
        words_seen = set()
        for d in docs:
            d.facts = cap_facts(rng_for("cap:" + d.key), d.facts, per_kind)
            for c in d.chunks:
                words_seen.update(re.findall(r"\w+", c))
        foreign = [n for n in man_names if n not in words_seen]  # C calls these pages never name
        swaps = pydocs.swaps(np.random.default_rng([seed, zlib.crc32(spec.package.encode())]),
                             {d.key: d.facts for d in docs}, foreign)
        collections.append((spec.package, docs, swaps))

    all_docs = [d for _, docs, _ in collections for d in docs]
    val = val_documents([d.key for d in all_docs], seed, val_fraction)
    train_lines, val_lines = [], []
    counts = {"by_kind": Counter(), "by_source": Counter(), "by_package": Counter(), "answerable": 0, "unanswerable": 0}
    for name, docs, swaps in collections:
        coll = Collection(name, docs).build()
        facts = [f for d in docs for f in d.facts]
        keyed = {}
        for f in facts + swaps:
            keyed.setdefault(f.doc, []).append(f)
        ordered = [f for d in docs for f in keyed.get(d.key, [])]
        log(f"readerdocs: {name}: {len(docs)} documents, {len(coll.chunks)} chunks, {len(facts)} facts, "
            f"{len(swaps)} unanswerable")
        examples = make_examples(coll, ordered, rng_for, val, stats)
        examples = balance_unanswerable(np.random.default_rng([seed, 3, zlib.crc32(name.encode())]), examples,
                                        UNANSWERABLE_SHARE)
        for key, ex in examples:
            line = json.dumps(ex, ensure_ascii=False, sort_keys=False)
            (val_lines if key in val else train_lines).append(line)
            counts["by_kind"][ex["kind"]] += 1
            counts["by_source"][name] += 1
            counts["by_package"][key.split(":", 1)[0]] += 1
            counts["answerable" if ex["answer"] is not None else "unanswerable"] += 1
    files = {}
    for fname, lines in (("docs-qa.jsonl", train_lines), ("docs-qa-val.jsonl", val_lines)):
        data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        with open(os.path.join(out_dir, fname), "wb") as f:
            f.write(data)
        files[fname] = {"examples": len(lines), "sha256": hashlib.sha256(data).hexdigest()}
    recipe = {
        "what": "extractive QA examples for the span reader from human-written documentation (scripts/make_docs_data.py)",
        "seed": seed, "val_fraction": val_fraction, "chunk_size": chunk_size, "overlap": overlap,
        "per_kind_per_document": per_kind, "unanswerable_share": UNANSWERABLE_SHARE,
        "chunker": "mgpt.retrieval.chunking.chunk_text; HTML through mgpt.retrieval.formats.read_html; "
                   "man pages rendered by lab/readerdocs/troff",
        "vocabulary": "latin (characters outside it replaced, see lab/readerdocs/facts.py:to_vocab)",
        "files": files,
        "sources": recipe_sources,
        "counts": {"examples": len(train_lines) + len(val_lines), "answerable": counts["answerable"],
                   "unanswerable": counts["unanswerable"], "by_kind": dict(sorted(counts["by_kind"].items())),
                   "by_source": dict(sorted(counts["by_source"].items())),
                   "by_package": dict(sorted(counts["by_package"].items())), "dropped": dict(sorted(stats.items()))},
        "documents": {"train": sorted({d.key: d.licence for d in all_docs if d.key not in val}.items()),
                      "val": sorted({d.key: d.licence for d in all_docs if d.key in val}.items())},
        "excluded": excluded,
    }
    with open(os.path.join(out_dir, "docs-qa.json"), "w", encoding="utf-8") as f:
        json.dump(recipe, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return recipe
