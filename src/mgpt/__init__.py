"""mgpt: train, sample, fine-tune and ground a character-level GPT, in NumPy, from the shell or Python.

From Python: mgpt.load, mgpt.train, mgpt.finetune_lora (mgpt.api) and mgpt.KnowledgeBase
(mgpt.knowledge), imported on first use so that `import mgpt` stays cheap (no pymilvus, no
FastAPI, not even the model until a call needs it).
"""

__version__ = "0.1.0"

from .distributed import limit_blas_threads  # noqa: E402
from .errors import MgptError  # noqa: E402,F401

limit_blas_threads()  # under mpiexec, before NumPy loads its BLAS: ranks must not each take every core

_LAZY = {"load": "api", "train": "api", "finetune_lora": "api", "Model": "api",
         "KnowledgeBase": "knowledge", "Answer": "knowledge", "Hit": "knowledge", "IndexReport": "knowledge"}
__all__ = ["MgptError", *_LAZY]


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError(f"module 'mgpt' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_LAZY[name]}", __name__), name)
