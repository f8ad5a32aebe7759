"""mgpt from Python: load a model and sample, score or describe it; train a model or an adapter.

The commands `sample`, `eval`, `info`, `train` and `finetune-lora` are shells over these calls,
so a seeded sample here is the text `mgpt sample --seed` prints. Options are the commands'
options as keyword arguments (--n-layer: n_layer), checked by the same rules (mgpt.options); a
mistake raises MgptError. Everything heavy is imported when a call needs it.
"""

import os
import tempfile

from .errors import MgptError
from .options import NONNEG_FLOAT, NONNEG_INT, POSITIVE_INT, TOP_P, settle


def load(path, adapters=()):
    """The model of checkpoint `path`, with LoRA adapters applied ("a.npz" or "a.npz:0.5" each,
    or (path, weight) pairs; their deltas add)."""
    from .checkpoint import load_with_adapters

    specs = [a if isinstance(a, str) else f"{a[0]}:{a[1]}" for a in ([adapters] if isinstance(adapters, str)
                                                                       else adapters)]
    return Model(load_with_adapters(os.fspath(path), specs), os.fspath(path), specs)


class Model:
    """A loaded checkpoint (mgpt.load): sample, eval and info, as the commands of those names."""

    def __init__(self, ck, path, adapters):
        self.checkpoint, self.path, self.adapters = ck, path, list(adapters)

    @property
    def mode(self):
        return self.checkpoint.mode

    def fit_prompt(self, prompt):
        """(the prompt as the model reads it, a note or None): unknown characters are an error, or
        the placeholder where the vocabulary has one (with a note)."""
        ck = self.checkpoint.require_language_model("sample")
        return ck.vocab.fit(prompt, "prompt")

    def sample(self, prompt="", n=1, max_new_tokens=None, temperature=1.0, top_k=None, top_p=None, seed=None,
               stop=None):
        """`n` samples, decoded as one batch: in docs mode each a whole line (prompt included), in
        stream mode the continuation of the prompt; each cut before the first `stop` it generates."""
        from .runs import note
        from .sampling import generate

        n, max_new_tokens = POSITIVE_INT.check("n", n), POSITIVE_INT.check("max_new_tokens", max_new_tokens)
        temperature, seed = NONNEG_FLOAT.check("temperature", temperature), NONNEG_INT.check("seed", seed)
        top_k, top_p = POSITIVE_INT.check("top_k", top_k), TOP_P.check("top_p", top_p)
        prompt, message = self.fit_prompt(prompt)
        if message:
            note(message)
        ck = self.checkpoint
        return generate(ck.model, ck.vocab, ck.mode, prompt, n, max_new_tokens, temperature, top_k, top_p, seed,
                        stop=stop)

    def eval(self, text):
        """{loss, bpc, perplexity, characters, mode} of the model on `text`, every character scored
        once, as `mgpt eval` scores a file holding it."""
        if not isinstance(text, str):
            raise MgptError(f"eval takes the text itself (a str), not {type(text).__name__}; "
                            f"for files use eval_files")
        with tempfile.TemporaryDirectory(prefix="mgpt-eval-") as folder:
            path = os.path.join(folder, "text.txt")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            return self.eval_files([path], cache_dir=folder, progress=False)

    def eval_files(self, paths, cache_dir=None, progress=True):
        """As eval, over the text of files (prepared into the corpus cache, as `mgpt eval` does)."""
        from .evaluate import evaluate_corpus
        from .prepared import Corpus

        ck = self.checkpoint.require_language_model("score text (mgpt rag-eval measures it)")
        with Corpus(list(paths), cache_dir, progress=progress) as data:
            return evaluate_corpus(ck.model, ck.vocab, ck.mode, data.prepared(), ck.state.get("answer_after"))

    def info(self):
        """What `mgpt info --json` prints of the checkpoint (and the adapters applied)."""
        from .describe import describe

        record = describe(self.path)[0]
        if self.adapters:
            record["adapters"] = self.adapters
        return record


def train(corpus, out, *, progress=None, **options):
    """Trains a model on corpus (a path, or a list of them) into out (best val loss) and
    out-last.npz (latest state), as `mgpt train` does; progress(record) sees each step and
    evaluation record the log gets. Returns {out, last, step, best_val_loss, stopped}."""
    from .training import TRAIN_DEFAULTS, train_model

    values, explicit = settle(TRAIN_DEFAULTS, options, "train")
    return _result(train_model(corpus, os.fspath(out), values, explicit, progress))


def finetune_lora(base, corpus, out, *, progress=None, **options):
    """Trains a LoRA adapter on corpus over the frozen model of `base`, as `mgpt finetune-lora`
    does. Returns {out, last, step, best_val_loss, stopped}."""
    from .training import LORA_DEFAULTS, train_adapter

    values, explicit = settle(LORA_DEFAULTS, options, "finetune_lora")
    return _result(train_adapter(os.fspath(base), corpus, os.fspath(out), values, explicit, progress))


def _result(trainer):
    return {"out": trainer.out_path, "last": trainer.last_path, "step": trainer.step,
            "best_val_loss": trainer.best_val_loss, "stopped": trainer.stopped}
