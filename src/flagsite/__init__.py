"""flagsite: customer flags and notes as schema-validated YAML in Git."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    # Set at install time from the Git tag (setuptools-scm).
    __version__ = version("flagsite")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0.0.0.dev0"
