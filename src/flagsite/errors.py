"""The one exception family flagsite raises on purpose.

Problems in records are never exceptions: they are findings (see findings.py).
These are for conditions that stop a command outright.
"""

from __future__ import annotations


class FlagsiteError(Exception):
    """A condition that ends the command with exit status 1 and a clear message."""


class UsageError(FlagsiteError):
    """The command was called wrongly (exit status 2)."""
