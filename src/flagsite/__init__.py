"""flagsite: customer flags and notes as schema-validated YAML in Git."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read on demand: importlib.metadata alone costs more than a command's whole start.
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        # Set at install time from the Git tag (setuptools-scm).
        return version("flagsite")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0.dev0"
