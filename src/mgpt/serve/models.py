"""The models one server holds, and which of them a request's `model` names.

A generator (--ckpt) writes text (/v1/completions, chat without documents); its adapters
(`--adapter NAME=PATH`) are models of their own, picked per request, decoded in the same batch
as the base (lora.RowAdapters). A reader (--reader, or the shipped one when there are
documents) answers questions (/v1/ask, chat with documents), as `mgpt ask --ckpt` does; an
adapter trained on the reader applies to every question, as `mgpt ask --adapter` applies it.
Either may be missing; a request for what is missing is a 4xx that says how to start the
server.
"""

import os

from ..checkpoint import fingerprint, load_adapter, load_model, parse_adapter_spec
from ..errors import MgptError


class ModelNotFound(MgptError):
    """A request names a model this server does not hold (404, code model_not_found)."""


def parse_named_adapter(spec):
    """'a=x.npz:0.5' -> ('a', 'x.npz', 0.5); 'x.npz' -> ('x', 'x.npz', 1.0): the name is the file's stem."""
    name, sep, rest = spec.partition("=")
    if not sep or not name or os.sep in name or "/" in name:
        name, rest = "", spec
    path, weight = parse_adapter_spec(rest)
    return name or model_id(path), path, weight


def model_id(path):
    return os.path.splitext(os.path.basename(path or "model"))[0]


class NamedAdapter:
    def __init__(self, name, checkpoint, weight):
        self.name, self.checkpoint, self.weight = name, checkpoint, weight

    def describe(self):
        adapter = self.checkpoint.adapter
        return {"name": self.name, "weight": self.weight, "fingerprint": fingerprint(adapter.params),
                "lora": adapter.config.to_dict()}


class Models:
    """generator / reader: ModelCheckpoints or None; adapters: the generator's NamedAdapters, in
    the order of their index in a Job; reader_adapters: applied to the reader already."""

    def __init__(self, generator=None, reader=None, adapters=(), reader_adapters=()):
        if generator is None and reader is None:
            raise MgptError("nothing to serve: give a model to generate with (--ckpt), documents to answer "
                            "questions over (--db or --uri, read by the shipped reader), or a --reader")
        if generator is not None:
            generator.require_language_model(f"generate (serve it with --reader {generator.path})")
        self.generator, self.reader = generator, reader
        self.adapters, self.reader_adapters = list(adapters), list(reader_adapters)
        self.generator_id = model_id(generator.path) if generator is not None else None
        self.reader_id = model_id(reader.path) if reader is not None else None
        names = [n for n in (self.generator_id, self.reader_id) if n] + [a.name for a in self.adapters]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise MgptError(f"two models on this server are named {twice[0]!r} (a model is named after its file, an "
                            f"adapter after its file unless given NAME=PATH); name the adapter --adapter OTHER=PATH, "
                            f"or serve a copy of the file under another name")

    @classmethod
    def load(cls, ckpt=None, reader=None, adapter_specs=(), documents=False):
        """The generator from ckpt, the reader from `reader` (the shipped one when there are
        documents and no reader is named), each adapter given to the model it was trained on."""
        from ..lora import AdapterStack
        from ..retrieval.reader import reader_path

        generator = load_model(ckpt) if ckpt else None
        reader_ck = load_model(reader or reader_path()) if reader or documents else None
        adapters, reader_adapters = [], []
        for spec in adapter_specs:
            name, path, weight = parse_named_adapter(spec)
            base = load_adapter(path).base_fingerprint
            if generator is not None and base == generator.fingerprint:
                adapters.append(NamedAdapter(name, load_adapter(path, base=generator), weight))
            elif reader_ck is not None and base == reader_ck.fingerprint:
                reader_adapters.append(NamedAdapter(name, load_adapter(path, base=reader_ck), weight))
            else:
                load_adapter(path, base=generator or reader_ck)  # says whose adapter it is
        if reader_adapters:
            reader_ck.model.attach_adapter(AdapterStack([a.checkpoint.adapter for a in reader_adapters],
                                                        [a.weight for a in reader_adapters]))
        return cls(generator, reader_ck, adapters, reader_adapters)

    def row_adapters(self):
        """The generator's adapters for the decoding batch (lora.RowAdapters), or None."""
        from ..lora import RowAdapters

        if not self.adapters:
            return None
        return RowAdapters([a.checkpoint.adapter for a in self.adapters], [a.weight for a in self.adapters])

    # --- which model a request names --------------------------------------------------------

    def generation(self, name):
        """(model id, adapter index or -1) for a generation request's `model` (None: the base)."""
        if self.generator is None:
            raise MgptError("this server has no model to generate with, only a reader for questions "
                            "(POST /v1/ask or /v1/chat/completions); start it with --ckpt MODEL to generate")
        if name is None or name == self.generator_id:
            return self.generator_id, -1
        for index, adapter in enumerate(self.adapters):
            if adapter.name == name:
                return name, index
        if name == self.reader_id:
            raise MgptError(f"{name!r} is this server's reader: it answers questions (POST /v1/ask or "
                            f"/v1/chat/completions); generate with {self.generator_id!r}")
        raise self.not_found(name)

    def asks(self, name):
        """Whether a chat request's `model` asks the reader (rather than generating): None picks
        the reader where there is one."""
        if name is None:
            return self.reader is not None
        if name == self.reader_id:
            return True
        self.generation(name)  # a generator, an adapter, or a 404
        return False

    def not_found(self, name):
        known = ", ".join(repr(n) for n in [self.generator_id, *(a.name for a in self.adapters), self.reader_id] if n)
        return ModelNotFound(f"the model {name!r} does not exist on this server; it serves {known} (GET /v1/models)")

    # --- /v1/models ---------------------------------------------------------------------------

    def cards(self, extra):
        """OpenAI's model objects, generator first, then its adapters, then the reader; `job`
        ("generate" or "ask") says what each does; `extra` goes on the base models' cards."""
        cards = []
        if self.generator is not None:
            cards.append(self._card(self.generator, self.generator_id, "generate", self.adapters, extra))
            for adapter in self.adapters:
                path = adapter.checkpoint.path
                cards.append({"id": adapter.name, "object": "model", "created": created(path), "owned_by": "mgpt",
                              "job": "generate", "parent": self.generator_id, **adapter.describe()})
        if self.reader is not None:
            cards.append(self._card(self.reader, self.reader_id, "ask", self.reader_adapters, extra))
        return cards

    @staticmethod
    def _card(ck, name, job, adapters, extra):
        model = ck.model
        return {"id": name, "object": "model", "created": created(ck.path), "owned_by": "mgpt", "job": job,
                "mode": ck.mode, "config": model.config.to_dict(), "parameters": model.num_params,
                "fingerprint": ck.fingerprint, "adapters": [a.describe() for a in adapters],
                # what a prompt may hold (the page keeps a docs-mode prompt to one line: a newline ends a document)
                "vocabulary": {"characters": ck.vocab.chars, "placeholder": ck.vocab.has_placeholder}, **extra}


def created(path):
    return int(os.path.getmtime(path)) if path else 0
