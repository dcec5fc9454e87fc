"""The ``flagsite`` command group and its error handling.

Exit status: 0 success, 1 the records have errors (or the command found
problems), 2 usage error, 3 an unexpected failure (a bug: please report it).

Each command module imports its library inside the command, when it runs:
``--help`` and every command start without loading what the others need
(pydantic, the policy word lists, mkdocs, Jinja2). tests/tooling/test_startup.py keeps it so.
"""

from __future__ import annotations

import os
import sys

import click

from ..controls import visible
from ..edit.state import edit_left_unfinished
from ..errors import FlagsiteError, RecordsHaveErrors, UsageError
from ..report import report_lines
from . import build as build_command
from . import customer as customer_command
from . import diff as diff_command
from . import erase as erase_command
from . import export as export_command
from . import find as find_command
from . import flag as flag_command
from . import history as history_command
from . import init as init_command
from . import note as note_command
from . import request as request_command
from . import retention as retention_command
from . import rules as rules_command
from . import schema as schema_command
from . import show as show_command
from . import suggest as suggest_command
from . import validate as validate_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True),
    default=".",
    show_default=True,
    help="The records repository (the folder that holds records/).",
)
@click.version_option(package_name="flagsite")
@click.pass_context
def cli(ctx: click.Context, root: str) -> None:
    """Customer flags and notes kept as YAML in Git."""
    ctx.obj = root
    # Whatever the command, an edit that was killed is finished or undone before anything is read.
    if not edit_left_unfinished(root):
        return
    from ..edit.transaction import recover

    try:
        recovered = recover(root)
    except FlagsiteError as error:
        click.echo(f"flagsite: warning: {error}", err=True)
    else:
        if recovered is not None:
            click.echo(f"flagsite: {recovered.describe()}", err=True)


cli.add_command(validate_command.validate)
cli.add_command(schema_command.schema)
cli.add_command(flag_command.flag)
cli.add_command(note_command.note)
cli.add_command(customer_command.customer)
cli.add_command(init_command.init)
cli.add_command(rules_command.rules)
cli.add_command(export_command.export)
cli.add_command(find_command.find)
cli.add_command(request_command.request)
cli.add_command(retention_command.retention)
cli.add_command(history_command.history)
cli.add_command(show_command.show)
cli.add_command(diff_command.diff)
cli.add_command(suggest_command.suggest)
cli.add_command(build_command.build)
cli.add_command(build_command.serve)
cli.add_command(erase_command.erase)
cli.add_command(erase_command.rectify)


def main(argv: list[str] | None = None) -> None:
    # Records hold personal data: no pydantic plugin installed beside flagsite (tracing, logging) is shown them.
    # Looking for plugins would also read the metadata of every installed package on the first record checked.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        # Without standalone mode click returns the code of an Exit instead of exiting.
        status = cli.main(args=argv, prog_name="flagsite", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except UsageError as error:
        click.echo(f"flagsite: {visible(str(error), one_line=False)}", err=True)
        sys.exit(2)
    except RecordsHaveErrors as error:
        click.echo(f"flagsite: {visible(str(error), one_line=False)}", err=True)
        click.echo(report_lines(error.findings), nl=False, err=True)
        sys.exit(1)
    except FlagsiteError as error:
        # Messages quote what was given and found (names, values): shown, never obeyed.
        click.echo(f"flagsite: {visible(str(error), one_line=False)}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        click.echo(f"flagsite: unexpected failure ({type(error).__name__}: {visible(str(error))}). This is a bug; please report it.", err=True)
        sys.exit(3)
    sys.exit(status if isinstance(status, int) else 0)
