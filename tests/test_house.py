"""The house's bars (issue 29), for the package (src/mgpt) and the reader's build (lab/): every module
imports on its own in a fresh interpreter, no import circle anywhere in the repository, no module over
600 lines and no class over 150."""

import ast
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"src": ["mgpt"], "lab": ["readergen", "readerdocs"]}  # folder on the path -> its packages
FOLDERS_OF_MODULES = ["scripts", "tests"]  # their files import one another by bare name
MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 150

def package_modules():
    """(dotted name, path) of every module of the package and of the reader's build."""
    out = []
    for folder, packages in PACKAGES.items():
        for package in packages:
            for path in sorted((ROOT / folder / package).rglob("*.py")):
                parts = path.relative_to(ROOT / folder).with_suffix("").parts
                if parts[-1] == "__init__":
                    parts = parts[:-1]
                out.append((".".join(parts), path))
    return out


def repository_modules():
    """Every module of the repository by the name it is imported as."""
    out = dict((name, path) for name, path in package_modules())
    for folder in FOLDERS_OF_MODULES:
        for path in sorted((ROOT / folder).glob("*.py")):
            out.setdefault(path.stem, path)
    return out


def imports_of(name, path, known):
    """The modules of `known` that the module `name` (at `path`) imports, anywhere in it (a function's
    import closes a circle as surely as one at the top)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # `import a.b.c` of a module a.b.c, or a name of a.b
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def circles(graph):
    """The import circles of graph {module: modules it imports}: each strongly connected set of two or more
    modules, as a sorted tuple (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, out, counter = {}, {}, set(), [], [], [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        out.append(tuple(sorted(members)))
    return sorted(out)


def path_round(graph, members):
    """One circle through the members, as a printable chain a -> b -> ... -> a."""
    start, inside = members[0], set(members)
    previous, frontier = {start: None}, [start]
    while frontier:
        node = frontier.pop(0)
        for nxt in sorted(graph[node] & inside):
            if nxt == start:
                chain = [node]
                while previous[chain[-1]] is not None:
                    chain.append(previous[chain[-1]])
                return " -> ".join(reversed(chain)) + " -> " + start
            if nxt not in previous:
                previous[nxt] = node
                frontier.append(nxt)
    return " <-> ".join(members)


def sizes(paths, root=ROOT):
    """(long modules, long classes) among paths: {"path": lines} and {"path:Class": lines}, paths relative to
    root."""
    modules, classes = {}, {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(root).as_posix()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            modules[rel] = len(text.splitlines())
        for node in ast.walk(ast.parse(text, str(path))):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > MAX_CLASS_LINES:
                classes[f"{rel}:{node.name}"] = node.end_lineno - node.lineno + 1
    return modules, classes


def test_no_import_circle_in_the_repository():
    known = repository_modules()
    graph = {name: imports_of(name, path, known) for name, path in known.items()}
    found = [path_round(graph, members) for members in circles(graph)]
    assert not found, "import circles: " + "; ".join(found)


def test_no_module_over_600_lines_and_no_class_over_150():
    modules, classes = sizes(path for _, path in package_modules())
    assert not modules, f"modules over {MAX_MODULE_LINES} lines: {modules}"
    assert not classes, f"classes over {MAX_CLASS_LINES} lines: {classes}"


def _import_alone(name):
    """Imports one module in an interpreter of its own; its error output when that fails."""
    r = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True, timeout=300,
                       env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    return None if r.returncode == 0 else r.stderr.strip().splitlines()[-1]


def test_every_module_imports_on_its_own_in_a_fresh_interpreter():
    """One interpreter per module (not one that clears sys.modules: an interpreter keeps more than that),
    as many at a time as there are cores. __main__ modules run a program when imported: left out."""
    names = [name for name, _ in package_modules() if not name.endswith("__main__")]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        failed = {name: error for name, error in zip(names, pool.map(_import_alone, names)) if error}
    assert not failed, failed


@pytest.mark.parametrize("plant", ["circle", "long class"])
def test_the_bars_catch_what_they_are_for(tmp_path, plant):
    """A circle of two modules, one of its imports inside a function, and a class of 151 lines after a copy of
    a module are found."""
    if plant == "circle":
        (tmp_path / "a.py").write_text("def f():\n    from b import g\n")
        (tmp_path / "b.py").write_text("import a\n\n\ndef g():\n    pass\n")
        (tmp_path / "c.py").write_text("import a\n")
        known = {p.stem: p for p in tmp_path.glob("*.py")}
        graph = {name: imports_of(name, path, known) for name, path in known.items()}
        assert circles(graph) == [("a", "b")]
        assert path_round(graph, ("a", "b")) == "a -> b -> a"
    else:
        copy = tmp_path / "errors.py"
        body = "\n".join(f"    x{i} = {i}" for i in range(150))
        copy.write_text((ROOT / "src" / "mgpt" / "errors.py").read_text() + f"\n\nclass Planted:\n{body}\n")
        assert sizes([copy], tmp_path) == ({}, {"errors.py:Planted": 151})


def test_the_readme_maps_every_module_of_the_package():
    """README.md's "A map of the code" names each top-level module of src/mgpt (and each subpackage as a
    folder), so a new module cannot go unmapped."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## A map of the code"):]
    package = ROOT / "src" / "mgpt"
    names = [f"`{p.name}`" for p in package.glob("*.py")]
    names += [f"`{p.name}/`" for p in package.iterdir() if (p / "__init__.py").exists()]
    missing = sorted(name for name in names if name not in section)
    assert not missing, f"not on README.md's map of the code: {missing}"
