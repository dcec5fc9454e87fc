"""Which folder a build may write the site into.

MkDocs empties the site folder before writing it (everything but hidden
entries). So the site folder may not be, hold, or lie inside anything the
repository keeps (records, configuration, schemas, hand-written pages, Git),
nor the repository itself; and an existing folder with something in it must be
a site flagsite built before, which it recognises by the marker file it writes
into every site. Anything else is refused before the engine touches it.
"""

from __future__ import annotations

import os

from .errors import FlagsiteError

# Written into every site flagsite builds; hidden, so the engine's cleaning keeps it and the web server skips it.
SITE_MARKER = ".flagsite-site"
MARKER_TEXT = "This folder is a site built by flagsite: the next build empties it and writes it again.\n"

# What a records repository keeps at its root, and what each is (for the refusal message).
KEPT = {
    "records": "the customer records",
    "flagsite.yaml": "the vocabulary and rules",
    "schema": "the record schemas",
    "docs": "the hand-written pages",
    "mkdocs.yml": "the site configuration",
    ".git": "the Git history",
    ".github": "the workflows",
    ".flagsite": "flagsite's edit journal and lock",
}
_SHOWN_ENTRIES = 3


class SiteDirRefused(FlagsiteError):
    """The site folder would destroy something if the engine emptied it."""


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies somewhere under it."""
    return os.path.commonpath([path, folder]) == folder


def kept_paths(root: str, docs_dir: str | None, config_file: str | None) -> dict[str, str]:
    """Every path the build must not empty or overwrite (real paths) -> what it is."""
    kept = {os.path.realpath(os.path.join(root, name)): what for name, what in KEPT.items()}
    if docs_dir:
        kept.setdefault(os.path.realpath(docs_dir), "the site's source pages (docs_dir)")
    if config_file:
        kept.setdefault(os.path.realpath(config_file), "the site configuration")
    return kept


def check_site_dir(site_dir: str, *, root: str, docs_dir: str | None = None, config_file: str | None = None) -> None:
    """Raise SiteDirRefused, naming the folder and what it would delete, unless a build may empty ``site_dir``."""
    site = os.path.realpath(site_dir)
    repository = os.path.realpath(root)
    again = "choose another --site-dir (or site_dir in mkdocs.yml), e.g. site/"
    if _inside(repository, site):
        what = "is the records repository itself" if site == repository else f"holds the records repository {repository}"
        raise SiteDirRefused(f"refused to build the site into {site}: it {what}, and the build empties its site folder first, which would delete the repository; {again}")
    for path, what in kept_paths(repository, docs_dir, config_file).items():
        if not os.path.lexists(path) and not _inside(site, path):
            continue
        if _inside(site, path):
            where = "is" if site == path else "lies inside"
            raise SiteDirRefused(f"refused to build the site into {site}: it {where} {path} ({what}), which the build would delete; {again}")
        if _inside(path, site):
            raise SiteDirRefused(f"refused to build the site into {site}: it holds {path} ({what}), which the build would delete; {again}")
    _check_foreign_content(site)


def _check_foreign_content(site: str) -> None:
    """An existing folder with something in it must carry the marker of a site flagsite built."""
    if not os.path.isdir(site) or os.path.isfile(os.path.join(site, SITE_MARKER)):
        return
    entries = sorted(name for name in os.listdir(site) if not name.startswith("."))  # the engine keeps hidden entries
    if not entries:
        return
    shown = ", ".join(entries[:_SHOWN_ENTRIES]) + (f" and {len(entries) - _SHOWN_ENTRIES} more" if len(entries) > _SHOWN_ENTRIES else "")
    raise SiteDirRefused(
        f"refused to build the site into {site}: it is not empty ({shown}) and is not a site flagsite built "
        f"(it has no {SITE_MARKER} file), so the build would delete what it holds; empty or remove it yourself, "
        "or choose another --site-dir"
    )


def mark_site(site_dir: str) -> None:
    """Mark a freshly built site as flagsite's, so the next build may empty it."""
    with open(os.path.join(site_dir, SITE_MARKER), "w", encoding="utf-8") as handle:
        handle.write(MARKER_TEXT)
