"""One customer's record, read on its own: from the working tree or from a past commit."""

from __future__ import annotations

from .load import load_customer
from .source import FileSource, WorkingTree

__all__ = ["FileSource", "WorkingTree", "load_customer"]
