"""`mgpt train` and `mgpt finetune-lora`: the commands that run the training loop.

Both share every training option (schedule, evaluation, checkpoints, resume, log, signals); the
work is mgpt.training's, which mgpt.train and mgpt.finetune_lora call too: a command reads its
options, notes which were typed (on --resume the rest come from the checkpoint), and turns a
signal's saved state into exit 130/143. `prepare` prepares a corpus ahead.
"""

import sys

import click

from ..errors import MgptError
from ..kernels import ACTIVATIONS
from ..lora import TARGETS
from ..config import GPTConfig
from ..prepared import Corpus
from ..training import CHOICES, LORA_DEFAULTS, RULES, TRAIN_DEFAULTS, train_adapter, train_model
from .common import Checked, cache_dir_option, explicit_options


def checked(name):
    return Checked(RULES[name])


def training_options(d):
    """The options both commands share, with each command's defaults (d)."""
    options = [
        click.argument("corpus", nargs=-1, required=True),
        click.option("-o", "--out", required=True, help="Checkpoint to write (best val loss); NAME-last.npz keeps the latest state."),
        click.option("--steps", type=checked("steps"), default=d["steps"], help="Total optimizer steps of the run."),
        click.option("--batch-size", type=checked("batch_size"), default=d["batch_size"]),
        click.option("--lr", type=checked("lr"), default=d["lr"], help="Peak learning rate."),
        click.option("--min-lr", type=checked("min_lr"), default=d["min_lr"], help="Learning rate at the end of the cosine decay."),
        click.option("--warmup", type=checked("warmup"), default=d["warmup"], help="Linear warmup steps."),
        click.option("--beta1", type=checked("beta1"), default=d["beta1"]),
        click.option("--beta2", type=checked("beta2"), default=d["beta2"]),
        click.option("--weight-decay", type=checked("weight_decay"), default=d["weight_decay"], help="AdamW decay on matrices."),
        click.option("--grad-clip", type=checked("grad_clip"), default=d["grad_clip"], help="Global gradient-norm clip (0: off)."),
        click.option("--eval-every", type=checked("eval_every"), default=d["eval_every"], help="Steps between evaluations (and checkpoints)."),
        click.option("--eval-iters", type=checked("eval_iters"), default=d["eval_iters"], help="Batches per evaluation."),
        click.option("--full-val/--no-full-val", default=d["full_val"],
                     help="Score the whole validation split at each evaluation, not --eval-iters batches: exact "
                          "figures to choose -o's checkpoint, for a split that scores in seconds."),
        click.option("--patience", type=checked("patience"), metavar="N",
                     help="Stop after N evaluations in a row without a better val loss (-o keeps the best) [default: never]."),
        click.option("--val-fraction", type=checked("val_fraction"), default=d["val_fraction"], help="Held out for validation."),
        click.option("--seed", type=checked("seed"), default=d["seed"]),
        click.option("--shards", type=checked("shards"), metavar="N",
                     help="Cut each step's batch in N parts run on threads of their own; the run records N and "
                          "its bytes depend on it, not on the cores [default: this process's cores, 1 for a tiny "
                          "model; a resumed run keeps its own]."),
        click.option("--save-every", type=checked("save_every"), help="Also save NAME-last.npz every N steps."),
        click.option("--drop-unknown", is_flag=True, help="Skip corpus characters the base model's vocabulary lacks."),
        click.option("--answer-after", metavar="MARKER",
                     help="docs mode: score only what follows the last MARKER of each line (prompt/answer lines, "
                          "e.g. ' A: ') [default: the whole line; finetune-lora: as its base]."),
        click.option("--resume", help="Continue a run exactly from its checkpoint (NAME-last.npz)."),
        click.option("--log", type=click.Path(dir_okay=False), help="Write one JSON object per step/eval here."),
        cache_dir_option(),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes."),
        click.pass_context,
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f
    return decorate


def run(call):
    """Runs a training call; a signal's saved state (train.TrainingInterrupted) exits 128 + signal."""
    from ..loop import TrainingInterrupted

    try:
        call()
    except TrainingInterrupted as e:
        sys.exit(128 + e.signum)


@click.command(context_settings={"show_default": True})
@training_options(TRAIN_DEFAULTS)
@click.option("--preset", type=click.Choice(CHOICES["preset"]), default=TRAIN_DEFAULTS["preset"],
              help="Model size; explicit flags override it.")
@click.option("--n-layer", type=checked("n_layer"), help="Transformer blocks.")
@click.option("--n-head", type=checked("n_head"), help="Attention heads (must divide --n-embd).")
@click.option("--n-embd", type=checked("n_embd"), help="Embedding width.")
@click.option("--block-size", type=checked("block_size"), help="Context length in characters.")
@click.option("--activation", type=click.Choice(list(ACTIVATIONS)), help=f"MLP activation [default: {GPTConfig.activation}].")
@click.option("--dropout", type=checked("dropout"), help=f"Dropout rate [default: {GPTConfig.dropout:g}].")
@click.option("--mode", type=click.Choice(CHOICES["mode"]), default="auto", help="docs: one document per line; stream: running text.")
@click.option("--init", help="Start from this model's weights (full fine-tuning).")
@click.option("--vocab", metavar="latin|FILE",
              help="Fixed vocabulary instead of the corpus's characters: 'latin' (printable ASCII, Latin-1, "
                   "typographic signs, placeholder) or the characters of a file.")
@click.option("--kind", type=click.Choice(CHOICES["kind"]), default="gpt",
              help="gpt: a language model; span-reader: a reader that points at answers in retrieved chunks "
                   "(CORPUS: JSON lines of examples, as rag-examples writes them; docs/RAG.md).")
@click.option("--attention", type=click.Choice(CHOICES["attention"]), default="split",
              help="span-reader: how heads see the (question, chunk) pair: split (half look left, half right; "
                   "the ablations' best, docs/RAG.md), both (every head both ways) or causal (left to right).")
@click.option("--match-features/--no-match-features", default=True,
              help="span-reader: mark the chunk's words that the question holds.")
@click.option("--word-buckets", type=checked("word_buckets"), default=0, metavar="N",
              help="span-reader: give each character the embeddings of its word's and its stem's hash bucket, "
                   "N buckets each (0: none; from 2 to 1048576; docs/RAG.md).")
def train(ctx, corpus, out, **options):
    """Train a model on CORPUS (files, or - for stdin).

    \b
    Examples:
      mgpt train corpora/census1990_first_names.txt -o names.npz --steps 1000
      mgpt train big.txt -o big.npz       # prepared once into the cache (see mgpt prepare)
      cat notes/*.txt | mgpt train - -o notes.npz --preset small
      mgpt train shakespeare.txt -o s.npz --resume s-last.npz   # continue a run
      mgpt train domain.txt --init base.npz -o tuned.npz        # full fine-tuning
      mgpt train names.txt -o n.npz --eval-every 100 --patience 3   # stop once val loss stops improving
      mpiexec -n 4 mgpt train big.txt -o big.npz                # data-parallel (mgpt[mpi])
      mgpt train examples.jsonl --kind span-reader -o reader.npz  # a span reader (docs/RAG.md)
    """
    run(lambda: train_model(list(corpus), out, options, explicit_options(ctx, options)))


# --- prepare ------------------------------------------------------------------------------

@click.command()
@click.argument("corpus", nargs=-1, required=True)
@cache_dir_option()
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def prepare(corpus, cache_dir, quiet):
    """Prepare CORPUS (files) once: its token ids, kept in the cache that train, finetune-lora and
    eval read.

    \b
    train prepares a corpus the first time it reads it; prepare does it ahead, e.g. before a
    long run or an MPI job. A corpus that changes is prepared again.
    Examples:
      mgpt prepare big.txt
      MGPT_CACHE=/shared/mgpt mgpt prepare big.txt   # a folder every machine of an MPI job sees
    """
    from ..data import choose_mode

    if "-" in corpus:
        raise MgptError("prepare keeps files prepared; stdin is prepared by the command that reads it "
                        "(e.g. mgpt train -)")
    with Corpus(corpus, cache_dir, progress=not quiet) as data:
        prepared = data.prepared()
        mode, reason = choose_mode(prepared.lines, "auto")
        click.echo(prepared.describe())
        click.echo(f"{prepared.lines['lines']:,} non-blank lines; --mode auto would train in {mode} mode ({reason})")


# --- finetune-lora ------------------------------------------------------------------------

@click.command(name="finetune-lora", context_settings={"show_default": True})
@training_options(LORA_DEFAULTS)
@click.option("--base", required=True, help="The frozen base model checkpoint.")
@click.option("--rank", type=checked("rank"), default=LORA_DEFAULTS["rank"], help="Rank r of each A (d_in x r) @ B (r x d_out).")
@click.option("--alpha", type=checked("alpha"), help="Delta scale numerator [default: 2 x rank].")
@click.option("--targets", default=LORA_DEFAULTS["targets"], help=f"Adapted weights, any of {','.join(TARGETS)}.")
@click.option("--layers", default="all", help="Adapted layers: 'all' or indices such as 0,2,3.")
@click.option("--lora-dropout", type=checked("lora_dropout"), default=0.0, help="Dropout on the adapter's input.")
@click.option("--rslora", is_flag=True, help="Scale by alpha/sqrt(rank) instead of alpha/rank.")
def finetune_lora(ctx, corpus, out, base, **options):
    """Train a LoRA adapter on CORPUS over a frozen base model.

    \b
    Only the adapter's A and B matrices train; the base file is never written. The adapter is
    saved alone (-o), tied to its base by the base's fingerprint.
    Examples:
      mgpt finetune-lora --base base.npz domain.txt -o adapter.npz
      mgpt finetune-lora --base base.npz domain.txt -o a.npz --rank 4 --targets q,k,v,o
      mgpt sample --ckpt base.npz --adapter adapter.npz -n 5
    """
    run(lambda: train_adapter(base, list(corpus), out, options, explicit_options(ctx, options)))
