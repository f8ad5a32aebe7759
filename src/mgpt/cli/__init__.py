"""The `mgpt` command line: Click commands parse and validate, then call the library.

A user's mistake (MgptError, or a Click usage error) becomes one line on stderr and exit 2.
Under mpiexec a failing rank ends the whole job (MPI Abort) instead of leaving the others
blocked in a collective; a stop every rank takes together (a non-finite reduced loss) ends it
in order, without Abort.

One module per family of commands (train, model, rag, rageval, plot, serve); each imports the shared options
from common.py (never this module), rageval.py rag's store
options, and this module only gathers the commands into the `mgpt` group.
"""

import sys
import traceback

import click

from .. import __version__, distributed, options
from ..errors import AgreedStop, MgptError
from . import model, plot, rag, rageval, serve, train
from .common import fail


class MgptGroup(click.Group):
    """Turns every user error into `mgpt: error: ...` on one line, exit code 2."""

    def main(self, args=None, prog_name=None, **kwargs):
        flags = options.flags_on()
        options.use_flags()  # the library's messages name options as this command's flags
        try:
            distributed.world()  # under mpiexec, join the job first, so that any failure can end it
            rv = super().main(args=args, prog_name=prog_name or "mgpt", standalone_mode=False, **kwargs)
        except MgptError as e:
            fail(str(e), agreed=isinstance(e, AgreedStop))
        except click.exceptions.NoArgsIsHelpError as e:
            click.echo(e.ctx.get_help(), err=True)
            sys.exit(2)
        except click.UsageError as e:
            command = e.ctx.command_path if e.ctx is not None else "mgpt"
            fail(f"{e.format_message()} (see '{command} --help')")
        except click.ClickException as e:
            fail(e.format_message())
        except click.exceptions.Abort:
            fail("aborted", code=130)
        except BrokenPipeError:  # `mgpt sample ... | head`
            sys.stderr.close()
            sys.exit(0)
        except Exception:  # a bug: show it, and under MPI take the other ranks down with this one
            world = distributed.joined()
            if world is not None and world.size > 1:
                traceback.print_exc()
                world.abort(1)
            raise
        finally:
            options.use_flags(flags)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=MgptGroup, context_settings={"help_option_names": ["-h", "--help"],
                                               "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="mgpt")
def cli():
    """Train, sample and evaluate a character-level GPT, in NumPy, from the shell.

    \b
    Quick start:
      mgpt train corpora/census1990_first_names.txt -o names.npz
      mgpt sample --ckpt names.npz -n 10
    """


for command in (train.train, train.finetune_lora, train.prepare,
                model.sample, model.eval_command, model.info, model.merge_lora,
                rag.index, rag.retrieve, rag.ask, rag.rag_examples, rageval.rag_eval,  # pymilvus only when they run
                plot.plot, plot.attention, serve.serve):  # and plot's matplotlib, serve's FastAPI
    cli.add_command(command)


def main():
    cli.main()
