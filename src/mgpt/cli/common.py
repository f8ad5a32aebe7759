"""What every command module shares: option types, help texts, shared options, notes and errors.

Command modules import this module, never the group in mgpt.cli, so each of them can be
imported alone.
"""

import sys

import click

from .. import distributed, options


class Checked(click.ParamType):
    """A number checked by the library's own rule (mgpt.options), so the shell and Python refuse
    the same values in the same words."""

    def __init__(self, rule):
        self.rule = rule
        self.name = "integer" if rule.kind is int else "float"

    def convert(self, value, param, ctx):
        return self.rule.check(param.name if param is not None else "value", value)


POSITIVE_INT = Checked(options.POSITIVE_INT)
NONNEG_INT = Checked(options.NONNEG_INT)
POSITIVE_FLOAT = Checked(options.POSITIVE_FLOAT)
NONNEG_FLOAT = Checked(options.NONNEG_FLOAT)
FRACTION = Checked(options.FRACTION)
TOP_P = Checked(options.TOP_P)

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
