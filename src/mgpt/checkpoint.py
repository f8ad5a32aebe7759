"""Checkpoint files: one .npz, never pickled, written atomically, validated on load.

Strings (kind, JSON metadata) are stored as 0-d unicode arrays, which .npz holds without
pickling. docs/FORMAT.md documents every key.
"""

import hashlib
import json
import re
import math
import os
import stat
import tempfile

import numpy as np

from .errors import MgptError
from .npz import NpzReader

FORMAT_VERSION = 1
KINDS = ("model", "adapter", "reader")  # reader: a span reader (span_reader.py)


def fingerprint(params):
    """sha256 of the weights' float32 little-endian bytes, in buffer order."""
    return hashlib.sha256(np.ascontiguousarray(params, dtype="<f4").tobytes()).hexdigest()


def write_text(path, text):
    """Writes a UTF-8 text file atomically, as save writes checkpoints."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path, data):
    """Writes a file atomically, as save writes checkpoints."""
    _atomic_write(path, lambda f: f.write(data), suffix=os.path.splitext(path)[1] or ".tmp")


def save(path, arrays):
    """Writes arrays to path atomically: a temp file in the same folder, fsync, rename."""
    _atomic_write(path, lambda f: np.savez(f, **arrays), suffix=".npz")


def _atomic_write(path, write, suffix):
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise MgptError(f"{path}: folder {folder} does not exist; create it or choose another -o")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=folder)
    except OSError as e:
        raise MgptError(f"{path}: cannot write in {folder} ({e.strerror}); choose another -o") from None
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), _file_mode(path))  # mkstemp makes 0600 files: use the usual mode
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(e, IsADirectoryError):
            raise MgptError(f"{path}: is a directory; choose a file name for -o") from None
        if isinstance(e, OSError):
            raise MgptError(f"{path}: cannot write ({e.strerror}); choose another -o") from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _file_mode(path):
    """The mode a plain write would give path: the existing file's, else 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def check_writable(path, option="-o"):
    """Fails before hours of training if the output could not be saved."""
    if not path or path.endswith(("/", os.sep)):
        raise MgptError(f"{option} {path!r}: needs a file name")
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise MgptError(f"{path}: is a directory; choose a file name for {option}")
    if not os.path.isdir(folder):
        raise MgptError(f"{path}: folder {folder} does not exist; create it or choose another {option}")
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise MgptError(f"{path}: file is not writable; choose another {option}")
    try:  # os.access can say yes where a write fails (read-only mounts, /proc): really try one
        fd, probe = tempfile.mkstemp(prefix=".tmp-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise MgptError(f"{path}: cannot write in {folder} ({e.strerror}); choose another {option}") from None


def text_array(value):
    return np.array(value, dtype=np.str_)


def json_array(value):
    return text_array(json.dumps(value, sort_keys=True))


def load(path, expected_kind=None):
    """An open NpzReader of an mgpt checkpoint (format version and kind checked); its members are
    read, each after its header was checked against its size (see mgpt.npz)."""
    if not os.path.exists(path):
        raise MgptError(f"{path}: no such checkpoint")
    if os.path.isdir(path):
        raise MgptError(f"{path}: is a directory, not a checkpoint file")
    arrays = NpzReader(path)
    try:
        if "format_version" not in arrays or "kind" not in arrays:
            raise MgptError(f"{path}: an .npz file but not an mgpt checkpoint (no format_version/kind)")
        version = arrays.integer("format_version")
        if version > FORMAT_VERSION:
            raise MgptError(f"{path}: checkpoint format version {version} is newer than this mgpt reads "
                            f"({FORMAT_VERSION}); upgrade mgpt")
        kind = arrays.text("kind")
        if kind not in KINDS:
            raise MgptError(f"{path}: not an mgpt model, reader or adapter (kind {kind[:40]!r})")
        if expected_kind is not None and kind != expected_kind:
            raise MgptError(f"{path}: is a checkpoint of kind '{kind}', expected '{expected_kind}'")
    except MgptError:
        arrays.close()
        raise
    return arrays


def read_json(arrays, key):
    if key not in arrays:
        raise KeyError(key)
    return json.loads(arrays.text(key))


def check_weights(arrays, prefix, shapes, what):
    """Every weight the config implies is in the file with that shape, before any is allocated:
    a config with absurd sizes fails here, against the file, not in np.zeros."""
    for name, shape in shapes:
        key = f"{prefix}/{name}"
        if key not in arrays:
            raise MgptError(f"{arrays.path}: damaged {what} ({name} missing)")
        found, dtype, _ = arrays.header(key)
        if tuple(found) != tuple(shape) or dtype.kind != "f":
            raise MgptError(f"{arrays.path}: damaged {what} ({name} is {dtype} {tuple(found)}, its config says "
                            f"float {tuple(shape)})")


def optimizer_state(arrays, size):
    """(m, v) of a resumable file, each (size,), or (None, None) when the file has none."""
    if "optim/m" not in arrays or "optim/v" not in arrays:
        return None, None
    return (arrays.array("optim/m", (size,), kinds="f").astype(np.float32, copy=False),
            arrays.array("optim/v", (size,), kinds="f").astype(np.float32, copy=False))


# --- model checkpoints (kind "model") -----------------------------------------------------

class ModelCheckpoint:
    """A model with everything needed to sample from it, evaluate it, or resume training it."""

    def __init__(self, model, vocab, mode, state, optim_m=None, optim_v=None, path=None):
        self.model, self.vocab, self.mode, self.state = model, vocab, mode, state
        self.optim_m, self.optim_v, self.path = optim_m, optim_v, path

    @property
    def fingerprint(self):
        return fingerprint(self.model.params)

    @property
    def is_span_reader(self):
        return self.mode == PAIRS

    def require_language_model(self, what):
        """Refuses a span reader for what only a model that writes text does (sample, eval, ...)."""
        if self.is_span_reader:
            raise MgptError(f"{self.path} is a span reader: it points at answers in documents (mgpt ask --ckpt "
                            f"{self.path}) and writes no text, so it cannot {what}")
        return self


PAIRS = "pairs"  # the mode of a span reader: it reads (question, chunk) pairs


def save_model(path, model, vocab, mode, state, optimizer=None):
    """state: JSON-able training state (step, best val loss, settings, RNG state, ...). A span
    reader is saved as kind "reader", mode "pairs"."""
    from .span_reader import SpanReader

    header = {"config": json_array(model.config.to_dict()), "vocab": text_array(vocab.chars),
              "mode": text_array(PAIRS if isinstance(model, SpanReader) else mode)}
    _save_weights(path, "reader" if isinstance(model, SpanReader) else "model", header, "params", model, state,
                  optimizer)


def _save_weights(path, kind, header, prefix, weights, state, optimizer):
    """The layout every trained file shares: header, named float32 weights, training state."""
    arrays = {
        "format_version": np.array(FORMAT_VERSION, dtype=np.int64),
        "kind": text_array(kind),
        **header,
        "fingerprint": text_array(fingerprint(weights.params)),
        "step": np.array(state.get("step", 0), dtype=np.int64),
        "state": json_array(state),
    }
    for name, view in weights.p.items():
        arrays[f"{prefix}/{name}"] = np.asarray(view, dtype=np.float32)
    if optimizer is not None:
        arrays["optim/m"] = optimizer.m
        arrays["optim/v"] = optimizer.v
    save(path, arrays)


def _load_weights(path, arrays, prefix, weights, what):
    """Fills weights.p from arrays (shapes already checked) and checks the stored fingerprint."""
    for name, view in weights.p.items():
        view[...] = arrays.array(f"{prefix}/{name}", view.shape, kinds="f")
    stored = arrays.text("fingerprint", "")
    if stored and stored != fingerprint(weights.params):
        raise MgptError(f"{path}: {what} weights do not match their fingerprint; the file is corrupt")


def load_model(path):
    """A model checkpoint: a GPT (kind "model") or a span reader (kind "reader")."""
    from .data import MODES, Vocab
    from .config import GPTConfig
    from .model import GPT
    from .span_reader import SpanReader, SpanReaderConfig

    with load(path) as arrays:
        kind = arrays.text("kind")
        if kind not in ("model", "reader"):
            hint = " (pass it with --adapter)" if kind == "adapter" else ""
            raise MgptError(f"{path}: is an mgpt {kind}, not a model checkpoint{hint}")
        Model, Config = (SpanReader, SpanReaderConfig) if kind == "reader" else (GPT, GPTConfig)
        try:
            config = Config.from_dict(json_object(read_json(arrays, "config")))
            vocab = Vocab.checked(arrays.text("vocab"))
            mode = arrays.text("mode")
            state = json_object(read_json(arrays, "state"))
        except (KeyError, ValueError, TypeError, MgptError) as e:  # MgptError: the config's own checks
            raise MgptError(f"{path}: damaged checkpoint metadata ({e})") from None
        if mode not in ((PAIRS,) if kind == "reader" else MODES[1:]):
            raise MgptError(f"{path}: damaged checkpoint metadata (mode {mode!r})")
        if len(vocab) != config.vocab_size:
            raise MgptError(f"{path}: damaged checkpoint (vocab has {len(vocab)} ids, config says {config.vocab_size})")
        if 8 * config.n_layer + 4 > len(arrays.members):  # before listing the weights an absurd config implies
            raise MgptError(f"{path}: damaged checkpoint ({config.n_layer} layers in its config, "
                            f"{len(arrays.members)} members in the file)")
        check_weights(arrays, "params", Model.parameter_shapes(config), "checkpoint")
        model = Model(config)
        _load_weights(path, arrays, "params", model, "checkpoint")
        m, v = optimizer_state(arrays, model.num_params)
    return ModelCheckpoint(model, vocab, mode, state, m, v, path)


def hex_digest(value, what):
    """A sha256 in hex, as mgpt writes them; anything else means the metadata is damaged."""
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError(f"{what} is not a sha256 in hex")
    return value


def shown(text, limit=60):
    """A string from a file, safe to put in a one-line message."""
    text = str(text)[:limit]
    return text if text.isprintable() else repr(text)


def json_object(value):
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value


# --- adapter checkpoints (kind "adapter") -------------------------------------------------

class AdapterCheckpoint:
    def __init__(self, adapter, base_fingerprint, base_summary, state, optim_m=None, optim_v=None, path=None):
        self.adapter, self.base_fingerprint, self.base_summary = adapter, base_fingerprint, base_summary
        self.state, self.optim_m, self.optim_v, self.path = state, optim_m, optim_v, path

    @property
    def fingerprint(self):
        return fingerprint(self.adapter.params)


def base_summary(ck):
    """What an adapter records of its base: enough to explain a mismatch without the base file."""
    return {"config": ck.model.config.to_dict(), "parameters": ck.model.num_params,
            "mode": ck.mode, "path": os.path.basename(ck.path or "")}


def save_adapter(path, adapter, base, state, optimizer=None):
    header = {"base_fingerprint": text_array(base.fingerprint), "base": json_array(base_summary(base)),
              "lora": json_array({**adapter.config.to_dict(), "scaling_rule": adapter.config.scaling_rule})}
    _save_weights(path, "adapter", header, "lora", adapter, state, optimizer)


def load_adapter(path, base=None):
    """Loads an adapter; with `base` (a ModelCheckpoint) also checks it belongs to that base."""
    from .lora import Adapter, LoraConfig, adapter_shapes, validate
    from .config import GPTConfig

    with load(path) as arrays:
        kind = arrays.text("kind")
        if kind != "adapter":
            raise MgptError(f"{path}: is an mgpt {kind} checkpoint, not an adapter (pass a model with --ckpt or --base)")
        try:
            lora_config = LoraConfig.from_dict(json_object(read_json(arrays, "lora")))
            summary = json_object(read_json(arrays, "base"))
            base_config = GPTConfig.from_dict(json_object(summary["config"]))
            state = json_object(read_json(arrays, "state"))
            base_fp = hex_digest(arrays.text("base_fingerprint"), "base_fingerprint")
            stored_fp = arrays.text("fingerprint", "")
        except (KeyError, ValueError, TypeError, MgptError) as e:  # MgptError: the configs' own checks
            raise MgptError(f"{path}: damaged adapter metadata ({e})") from None
        if base is not None:
            merged = base.state.get("merged_from", {}).get("adapters", [])
            if any(isinstance(m, dict) and m.get("fingerprint") == stored_fp for m in merged):
                raise MgptError(f"{base.path} already has {path} merged into it; use it without --adapter")
            if base_fp != base.fingerprint:
                raise MgptError(f"{path} was trained on base {base_fp[:12]} ({shown(summary.get('path', '?'))}), but "
                                f"{base.path} is {base.fingerprint[:12]}; use the adapter with its own base")
        listed = 2 * len(set(lora_config.targets)) * (len(set(lora_config.layers)) or base_config.n_layer)
        if listed > len(arrays.members):  # before listing the weights an absurd config implies
            raise MgptError(f"{path}: damaged adapter ({listed} weights in its config, {len(arrays.members)} "
                            f"members in the file)")
        try:
            lora_config = validate(lora_config, base_config)
        except MgptError as e:
            raise MgptError(f"{path}: damaged adapter metadata ({e})") from None
        check_weights(arrays, "lora", adapter_shapes(lora_config, base_config), "adapter")
        adapter = Adapter(lora_config, base_config)
        _load_weights(path, arrays, "lora", adapter, "adapter")
        m, v = optimizer_state(arrays, adapter.num_params)
    return AdapterCheckpoint(adapter, base_fp, summary, state, m, v, path)


# --- a model with adapters applied at run time ----------------------------------------------

def load_with_adapters(path, adapter_specs):
    """The model of path with each adapter's (weighted) delta applied at run time."""
    from .lora import AdapterStack

    ck = load_model(path)
    if adapter_specs:
        adapters, weights = [], []
        for spec in adapter_specs:
            adapter_path, weight = parse_adapter_spec(spec)
            adapters.append(load_adapter(adapter_path, base=ck).adapter)
            weights.append(weight)
        ck.model.attach_adapter(AdapterStack(adapters, weights))
    return ck


def parse_adapter_spec(spec):
    """'a.npz' -> ('a.npz', 1.0); 'a.npz:0.5' -> ('a.npz', 0.5)."""
    path, sep, weight = spec.rpartition(":")
    if sep:
        try:
            value = float(weight)
        except ValueError:
            return spec, 1.0
        if not math.isfinite(value):
            raise MgptError(f"--adapter {spec}: the weight must be a finite number")
        return path, value
    return spec, 1.0
