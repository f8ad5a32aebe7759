"""The generator's data (the lexicon and the phrase tables, JSON files under data/) and its
editions, each a frozen snapshot of that data.

data/recipe.json says, for each edition, the files it adds (by role: "product_fields",
"phrases", ...), what it turns on in the code ("services", "transposed_tables", ...) and the
options it sets ("chunk_sizes"); an edition holds everything of the editions before it.
data/manifest.json records the sha256 of every file and of every edition (its recipe entries and
its files' digests). The shipped readers were trained on lines generated from these snapshots, so
a file whose bytes differ from the manifest is refused, by name, and so is a recipe whose editions
differ from theirs: new data or a new switch makes a new edition, which freeze() adds to the
manifest.
"""

import hashlib
import json
import os
from functools import lru_cache

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
RECIPE = "recipe.json"
MANIFEST = "manifest.json"


class SnapshotError(Exception):
    """A data file or an edition that is not the frozen snapshot the manifest records."""


def _frozen(value):
    """JSON as the generator's modules hold it: lists as tuples (a dict stays a dict)."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def _digest(data):
    return hashlib.sha256(data).hexdigest()


def _read(root, path):
    with open(os.path.join(root, path), "rb") as f:
        return f.read()


@lru_cache(maxsize=None)
def manifest(root=DATA):
    return json.loads(_read(root, MANIFEST))


@lru_cache(maxsize=None)
def load(path, root=DATA):
    """The data file at `path` (relative to data/), once its sha256 is the manifest's."""
    data = _read(root, path)
    want = manifest(root)["files"].get(path)
    if want is None:
        raise SnapshotError(f"{path} is in no edition of {MANIFEST}: a new file makes a new edition (freeze())")
    got = _digest(data)
    if got != want:
        raise SnapshotError(f"{path} has sha256 {got[:16]}..., not the {want[:16]}... that {MANIFEST} records: "
                            f"an edition's data is frozen (new data makes a new edition)")
    return _frozen(json.loads(data))


@lru_cache(maxsize=None)
def recipe(root=DATA):
    """The editions (number -> entry), each checked against the manifest."""
    editions = {int(number): entry for number, entry in json.loads(_read(root, RECIPE))["editions"].items()}
    recorded = manifest(root)["editions"]
    for number in editions:
        want = recorded.get(str(number))
        got = edition_digest(editions, number, manifest(root)["files"])
        if want != got:
            raise SnapshotError(f"{RECIPE}: edition {number} is not the snapshot {MANIFEST} records "
                                f"({'none' if want is None else want[:16] + '...'}): an edition is frozen")
    return editions


def edition_digest(editions, number, file_digests):
    """sha256 of an edition: the recipe entries of it and the editions before it (their "about" aside), and
    their files' digests."""
    entries = {str(n): {k: v for k, v in editions[n].items() if k != "about"} for n in sorted(editions) if n <= number}
    files = {path: file_digests.get(path) for n in entries for paths in entries[n].get("adds", {}).values()
             for path in paths}
    return _digest(json.dumps({"recipe": entries, "files": files}, sort_keys=True).encode())


def _upto(edition, root):
    editions = recipe(root)
    if edition not in editions:
        raise SnapshotError(f"no edition {edition!r}; {RECIPE} has editions {', '.join(map(str, sorted(editions)))}")
    return [editions[n] for n in sorted(editions) if n <= edition]


def latest(root=DATA):
    return max(recipe(root))


def tables(role, edition=None, root=DATA):
    """The data files of a role in an edition (default: the latest), in the order the editions add them."""
    entries = _upto(latest(root) if edition is None else edition, root)
    return [load(path, root) for entry in entries for path in entry.get("adds", {}).get(role, ())]


def added(role, edition, root=DATA):
    """The data files of a role that this edition adds."""
    return [load(path, root) for path in recipe(root)[edition].get("adds", {}).get(role, ())]


@lru_cache(maxsize=None)
def phrases(root=DATA):
    """The phrase tables of every edition as one dict (name -> phrases); a name is given once."""
    merged = {}
    for path in [path for entry in _upto(latest(root), root) for path in entry.get("adds", {}).get("phrases", ())]:
        table = load(path, root)
        for name in sorted(set(table) & set(merged)):
            raise SnapshotError(f"{path}: the phrase table {name!r} is given by an earlier file too")
        merged.update(table)
    return merged


@lru_cache(maxsize=None)
def features(edition, root=DATA):
    """What an edition turns on in the code: its own switches and those of the editions before it."""
    return frozenset(name for entry in _upto(edition, root) for name in entry.get("turns_on", ()))


def option(edition, name, root=DATA):
    """An option as the edition sets it, or as the latest edition before it that does."""
    found = [entry["sets"][name] for entry in _upto(edition, root) if name in entry.get("sets", {})]
    if not found:
        raise SnapshotError(f"edition {edition} sets no {name!r} and no edition before it does")
    return _frozen(found[-1])


def check(root=DATA):
    """Loads every file of every edition (each refused if not as recorded); returns the editions."""
    for edition in recipe(root):
        for role in {role for entry in _upto(edition, root) for role in entry.get("adds", {})}:
            tables(role, edition, root)
    return sorted(recipe(root))


def freeze(root=DATA):
    """Records in the manifest the files and editions it lacks; one it records is never rewritten."""
    path = os.path.join(root, MANIFEST)
    recorded = json.loads(_read(root, MANIFEST)) if os.path.exists(path) else {"files": {}, "editions": {}}
    editions = {int(n): e for n, e in json.loads(_read(root, RECIPE))["editions"].items()}
    for number in sorted(editions):
        for paths in editions[number].get("adds", {}).values():
            for name in paths:
                recorded["files"].setdefault(name, _digest(_read(root, name)))
        recorded["editions"].setdefault(str(number), edition_digest(editions, number, recorded["files"]))
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(recorded, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(path + ".tmp", path)
    manifest.cache_clear()
    recipe.cache_clear()
    load.cache_clear()
    phrases.cache_clear()
    features.cache_clear()
    return recorded
