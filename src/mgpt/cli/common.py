"""What every command module shares: option types, help texts, shared options, notes and errors.

Command modules import this module, never the group in mgpt.cli, so each of them can be
imported alone.
"""

import sys

import click

from .. import distributed

POSITIVE_INT = click.IntRange(min=1)
NONNEG_INT = click.IntRange(min=0)
POSITIVE_FLOAT = click.FloatRange(min=0, min_open=True)
NONNEG_FLOAT = click.FloatRange(min=0)
FRACTION = click.FloatRange(min=0, max=1, max_open=True)
TOP_P = click.FloatRange(0, 1, min_open=True)

ADAPTER_HELP = "LoRA adapter to apply, as PATH or PATH:WEIGHT; repeat to add several."


def fail(message, code=2, agreed=False):
    """One line on stderr and exit `code`. Under mpiexec a failure of one rank ends the whole job
    (MPI Abort); one that every rank `agreed` on (errors.AgreedStop) ends it in order: rank 0
    says why, every rank exits `code`."""
    world = distributed.joined()
    parallel = world is not None and world.size > 1
    if parallel and agreed:
        if world.is_root:
            click.echo("mgpt: error: " + message, err=True)
        sys.exit(code)
    click.echo("mgpt: error: " + (f"rank {world.rank} of {world.size}: " if parallel else "") + message, err=True)
    if parallel:
        world.abort(code)
    sys.exit(code)


def note(message, quiet=False):
    if not quiet:
        click.echo(f"mgpt: {message}", err=True)


def given(ctx, name):
    """Whether the user typed option `name` (rather than it taking its default)."""
    return ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE


def explicit_options(ctx, names):
    return {n for n in names if given(ctx, n)}


def cache_dir_option():
    return click.option("--cache-dir", metavar="DIR",
                        help="Where prepared corpora are kept [default: $MGPT_CACHE, else ~/.cache/mgpt/corpora].")


def adapter_option(f):
    return click.option("--adapter", "adapters", multiple=True, help=ADAPTER_HELP)(f)


def sampling_options(temperature, seed_help):
    """--temperature, --top-k, --top-p and --seed, as `sample` and `ask` take them."""
    options = [
        click.option("--temperature", type=NONNEG_FLOAT, default=temperature, help="0 means greedy."),
        click.option("--top-k", type=POSITIVE_INT, help="Sample only from the k most likely characters."),
        click.option("--top-p", type=TOP_P, help="Nucleus sampling mass."),
        click.option("--seed", type=NONNEG_INT, help=seed_help),
    ]

    def decorate(f):
        for option in reversed(options):
            f = option(f)
        return f
    return decorate
