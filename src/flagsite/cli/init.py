"""``flagsite init DIR``: start a new records repository."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from ..scaffold import DEFAULT_BRANCH

if TYPE_CHECKING:
    from ..scaffold.init import InitResult

# The name goes into the workflow's YAML, its expressions and its shell scripts: characters that mean nothing in any of them.
_PLAIN_BRANCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def _branch(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not _PLAIN_BRANCH.fullmatch(value):
        raise click.BadParameter(f"{value!r}: name the branch with letters, digits, '.', '_', '-' and '/'", ctx, param)
    from ..git import is_branch_name

    if not is_branch_name(value):
        raise click.BadParameter(f"{value!r} is not a name git accepts for a branch (see 'git check-ref-format --branch')", ctx, param)
    return value


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
@click.option("--git", "make_git", is_flag=True,
              help="Make DIR a new Git repository on the workflow's branch and commit everything written (refused inside a repository).")
@click.option("--branch", default=DEFAULT_BRANCH, show_default=True, callback=_branch,
              help="The branch the workflow builds and publishes the site from; --git makes the repository with it.")
def init(directory: str, make_git: bool, branch: str) -> None:
    """Create a records repository in DIR: example records, configuration, site, workflow, pre-commit.

    DIR may exist, but not with records in it; files already there are kept.
    Git is initialised, on the workflow's branch, when DIR is not in a
    repository yet; with --git, DIR must not be in one, and everything written
    is committed as the repository's first commit.
    """
    from ..scaffold.init import init_repository

    result = init_repository(directory, branch=branch, commit=make_git)
    for path in result.written:
        click.echo(f"wrote {path}")
    for path in result.kept:
        click.echo(f"kept {path} (already there)")
    if result.package is not None:
        click.echo(f"the workflow installs {result.package.requirement!r} (the flagsite that wrote it)")
        if not result.package.reachable:
            click.echo(
                "  CI may not be able to install that: set the repository variable FLAGSITE_PACKAGE to what "
                "pip should install, e.g. 'flagsite==VERSION' or 'flagsite @ git+https://HOST/OWNER/flagsite@TAG'"
            )
    _say_branch(result, directory)
    if result.committed:
        click.echo(f"Next: cd {directory}, add the remote (git remote add origin URL) and push: git push -u origin {branch}. "
                   "See .github/CODEOWNERS to name the reviewers.")
    else:
        click.echo(f"Next: cd {directory}, run 'flagsite validate', then commit and push to {branch}. See .github/CODEOWNERS to name the reviewers.")
    click.echo("The site is published nowhere until you choose a private place for it: see deploy/README.md.")


def _say_branch(result: InitResult, directory: str) -> None:
    if result.git_initialised:
        click.echo(f"initialised a Git repository in {directory} on the branch '{result.branch}'")
    if result.committed:
        click.echo("committed everything written as the first commit")
    click.echo(f"the workflow publishes the site from the branch '{result.branch}'")
    if result.current_branch is not None and result.current_branch != result.branch:
        click.echo(
            f"  this repository's branch is '{result.current_branch}': rename it (git branch -m {result.current_branch} "
            f"{result.branch}), or run init with --branch {result.current_branch}"
        )
