"""The test suite's own rules. No module of it imports a test module: shared fixtures live in
conftest.py (pytest finds them by name), shared helpers and test data in support/, so each test
module reads, and runs, on its own. And the subprocesses it starts prepare corpora into the
session's cache, never the user's."""

import ast
import os
import pathlib

TESTS = pathlib.Path(__file__).parent


def imported_test_modules(source):
    """The test_* modules that a module's source imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module)
    return sorted(name for name in found if name.split(".")[0].startswith("test_"))


def test_no_module_of_the_suite_imports_a_test_module():
    offenders = {str(path.relative_to(TESTS)): names for path in sorted(TESTS.rglob("*.py"))
                 if (names := imported_test_modules(path.read_text(encoding="utf-8")))}
    assert offenders == {}, "move what they share to conftest.py (fixtures) or support/ (helpers, test data)"


def test_subprocesses_prepare_corpora_into_the_sessions_cache():
    """conftest.py sets MGPT_CACHE before support/ copies os.environ for the subprocesses."""
    from support import cli, rag, served

    cache = os.environ["MGPT_CACHE"]
    assert os.path.basename(cache).startswith("mgpt-test-cache-"), cache
    assert cli.ENV["MGPT_CACHE"] == rag.ENV["MGPT_CACHE"] == served.ENV["MGPT_CACHE"] == cache
