"""The reader shipped with mgpt: a model trained on generated support documents and questions
(scripts/make_reader.py) that `mgpt ask` uses unless given --ckpt."""

import os

from ..errors import MgptError

READER_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "models", "reader.npz")


def reader_path():
    if not os.path.isfile(READER_FILE):
        raise MgptError(f"the shipped reader is missing from this installation ({READER_FILE}); "
                        f"reinstall mgpt, or pass --ckpt with a model trained on the prompt template")
    return READER_FILE
