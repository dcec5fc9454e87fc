"""``flagsite init DIR``: start a new records repository."""

from __future__ import annotations

import click

from ..scaffold.init import init_repository


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a records repository in DIR: example records, configuration, site, workflow, pre-commit.

    DIR may exist, but not with records in it; files already there are kept.
    Git is initialised when DIR is not in a repository yet.
    """
    result = init_repository(directory)
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
    if result.git_initialised:
        click.echo(f"initialised a Git repository in {directory}")
    click.echo(f"Next: cd {directory}, run 'flagsite validate', then commit and push. See .github/CODEOWNERS to name the reviewers.")
    click.echo("The site is published nowhere until you choose a private place for it: see deploy/README.md.")
