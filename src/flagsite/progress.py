"""A progress bar on the terminal for work over many records; nothing anywhere else.

Shown on standard error when it is a terminal and ``CI`` is not set (CI=true,
as GitHub Actions and most CI services set it): CI logs, pipes and files get
no bar, and no carriage returns to strip. tqdm draws it; it is imported only
when a bar is shown.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

# Fewer items than this finish before a bar would be read.
MIN_ITEMS = 200


def wanted() -> bool:
    """Whether a bar may be drawn: a person watching a terminal, not a CI log."""
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


@contextmanager
def progress(what: str, total: int | Callable[[], int], unit: str = "record") -> Iterator[Callable[[int], None]]:
    """A function to call with how many more of ``total`` are done; it draws a bar only where one is wanted.

    ``total`` may be a function, called only when a bar is drawn (counting may cost a Git call).
    """
    if not wanted():
        yield _nothing
        return
    count = total() if callable(total) else total
    if count < MIN_ITEMS:
        yield _nothing
        return
    from tqdm import tqdm

    # leave=False: the bar is erased when done, so what the command prints next stands alone.
    with tqdm(total=count, desc=what, unit=f" {unit}", leave=False, file=sys.stderr, dynamic_ncols=True, mininterval=0.2) as bar:
        yield bar.update


def tracked(items: Iterable[T], what: str, total: int | Callable[[], int], unit: str = "record") -> Iterator[T]:
    """``items`` as they come, counted on a bar where one is wanted."""
    with progress(what, total, unit) as advance:
        for item in items:
            yield item
            advance(1)


def _nothing(done: int) -> None:
    pass
