"""Erasure and rectification that reach Git history.

- ``remove``: ``erase_customers`` (records and order rows removed in one commit,
  the erasure recorded, history rewritten);
- ``rectify``: ``rectify_values`` (a wrong value rewritten out of history);
- ``rewrite``: git-filter-repo over every commit, and the proof that no object
  still holds the values; ``traces``: what history holds of a customer;
- ``checklist``: what must happen outside the repository.
"""

from __future__ import annotations

from .checklist import CHECKLIST
from .rectify import Rectified, rectify_values
from .remove import Erased, erase_customers
from .rewrite import Rewritten

__all__ = ["CHECKLIST", "Erased", "Rectified", "Rewritten", "erase_customers", "rectify_values"]
