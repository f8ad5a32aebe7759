"""Every test prepares its corpora into a cache of the session's own, never the user's
(~/.cache/mgpt): set before any test module builds its subprocess environment from os.environ."""

import atexit
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="mgpt-test-cache-")
os.environ["MGPT_CACHE"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
