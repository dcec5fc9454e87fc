"""What a record check needs to know besides the record itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..load.yaml_strict import SourceMap

if TYPE_CHECKING:  # loaded by whoever makes a context: a reader of old versions needs none
    from ..config import Config


@dataclass(frozen=True)
class CheckContext:
    config: Config
    today: dt.date


@dataclass(frozen=True)
class Located:
    """A record file's path and source positions, for findings that point into it."""

    path: str
    source: SourceMap

    def at(self, *loc: str | int) -> tuple[int | None, int | None]:
        position = self.source.position(loc)
        return position if position else (None, None)
