"""``flagsite build`` and ``flagsite serve``: validate, then build or preview the site."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import TYPE_CHECKING, Any

import click

from ..errors import RecordsHaveErrors, UsageError
from ..report import report_text
from .dates import DATE

if TYPE_CHECKING:
    from ..shards import Shard


def _engine_logging(verbose: bool) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    engine = logging.getLogger("mkdocs")
    engine.handlers[:] = [handler]
    engine.setLevel(logging.INFO if verbose else logging.WARNING)
    engine.propagate = False


today_option = click.option("--today", type=DATE, help="Build as of this date (overdue reviews, follow-ups).")


class ShardType(click.ParamType["Shard"]):
    name = "I/N"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Shard:
        from ..shards import Shard, parse_shard

        if isinstance(value, Shard):
            return value
        try:
            return parse_shard(str(value))
        except UsageError as error:
            self.fail(str(error), param, ctx)


@click.command()
@click.option("--site-dir", type=click.Path(file_okay=False), default=None, help="Where to write the site (default: ROOT/site/, or mkdocs.yml's site_dir).")
@click.option("--strict", is_flag=True, help="Treat the engine's warnings as errors.")
@click.option("-v", "--verbose", is_flag=True, help="Show the engine's progress.")
@click.option("--shard", type=ShardType(), default=None,
              help="Write only slice I of N of the customer and order pages (by a hash of each id), into ROOT/site-I-of-N/ "
                   "unless --site-dir says where; on several machines at once, then --merge.")
@click.option("--merge", is_flag=True, help="Build the home page, lists, dashboards and search, and put the SLICES (folders --shard wrote) into the site.")
@click.option("--plan", is_flag=True, help="Print the slices CI builds, as JSON: [\"1/N\", ...] above build: shards_above in flagsite.yaml, [] below.")
@click.argument("slices", nargs=-1, type=click.Path(file_okay=False))
@today_option
@click.pass_obj
def build(root: str, site_dir: str | None, strict: bool, verbose: bool, shard: Shard | None, merge: bool, plan: bool,
          slices: tuple[str, ...], today: dt.date | None) -> None:
    """Validate the records, then build the site. Records with errors are refused (exit 1).

    Beyond one machine: each of N jobs builds a slice (--shard I/N), then one merges them
    (--merge SLICES...); the merged site is the one a whole build writes.
    """
    if sum((shard is not None, merge, plan)) > 1:
        raise click.UsageError("give one of --shard, --merge and --plan")
    if slices and not merge:
        raise click.UsageError(f"unexpected argument {slices[0]!r}: slice folders go with --merge")
    from ..build import build_site
    from ..shards import plan_shards

    if plan:
        click.echo(json.dumps([str(s) for s in plan_shards(root)]))
        return
    _engine_logging(verbose)
    try:
        result = build_site(root, today=today, site_dir=site_dir, strict=strict, shard=shard, merge=slices if merge else None)
    except RecordsHaveErrors as refused:
        _refuse(refused)
    if result.findings:  # warnings only: errors refuse the build
        click.echo(report_text(result.findings), nl=False, err=True)
    if shard is not None:
        click.echo(f"Built slice {shard} of the site, the pages of {result.customers} customer(s), in {result.site_dir}")
    else:
        click.echo(f"Built the site for {result.customers} customer(s) in {result.site_dir}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback lets other machines in.")
@click.option("--port", type=int, default=8000, show_default=True)
@today_option
@click.pass_obj
def serve(root: str, host: str, port: int, today: dt.date | None) -> None:
    """Serve a live preview that rebuilds when the records change.

    Errors in the records are listed in the browser, on /record-errors/ (every page
    links to it), beside the last good records; the list reloads when they are fixed.

    The preview has no sign-in: it is for one person on this machine. Staff read the
    built site behind a web server that signs them in (see docs/deploy.md).
    """
    from ..build import is_loopback, serve_site

    _engine_logging(True)
    if is_loopback(host):
        click.echo(f"Preview for this machine only, without sign-in: http://{host}:{port}/", err=True)
    else:
        click.echo(f"WARNING: {host} is not loopback: other machines may reach this preview, and it has NO sign-in. "
                   "Anyone who reaches it reads every customer's record and the staff guidance. Stop it unless that "
                   "network is yours alone; for staff, serve the built site behind sign-in (deploy/caddy/).", err=True)
    serve_site(root, today=today, host=host, port=port)


def _refuse(refused: RecordsHaveErrors) -> None:
    """The findings exactly as ``flagsite validate`` prints them, then exit 1."""
    click.echo(report_text(refused.findings), nl=False, err=True)
    click.echo("The records have errors; the site was not built. Correct them and build again.", err=True)
    raise click.exceptions.Exit(1)
