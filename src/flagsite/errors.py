"""The one exception family flagsite raises on purpose.

Problems in records are never exceptions: they are findings (see findings.py).
These are for conditions that stop a command outright.
"""

from __future__ import annotations

from .findings import Finding


class FlagsiteError(Exception):
    """A condition that ends the command with exit status 1 and a clear message."""


class UsageError(FlagsiteError):
    """The command was called wrongly (exit status 2)."""


class RecordsHaveErrors(FlagsiteError):
    """Records that do not validate stop the command (exit status 1); the findings say why.

    The findings are data: the command line prints them with a reporter.
    """

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings
