"""The flags list of one customer.yaml, as lines that can be replaced one flag at a time.

``flag_positions`` gives the line and column of every flag and each flag's
end-of-line comments (read with libyaml when the file is plain, with
ruamel.yaml's round-trip loader otherwise). The edit itself is a splice: the
lines of one flag are replaced, removed or inserted, so the rest of the file
keeps every byte, whatever its layout.

A flag's lines run from its dash to the next flag (or to the next line that
is not indented under it). Blank lines and comments indented no deeper than
the dash that close that range belong to what follows, and stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import FlagsiteError
from ..models import Flag
from .flag_positions import FlagItem, read_fast, read_roundtrip
from .yaml_text import scalar

FLAG_FIELDS: tuple[str, ...] = tuple(Flag.model_fields)


@dataclass
class FlagSlot:
    index: int
    values: dict[str, Any]
    start: int  # first line (0-based) of the flag: its dash
    end: int  # the line after its last line
    dash_col: int
    key_col: int
    comments: dict[str, str] = field(default_factory=dict)  # field -> its end-of-line comment

    @property
    def type(self) -> str:
        return str(self.values.get("type", ""))

    @property
    def created(self) -> dt.date | None:
        value = self.values.get("created")
        return value if isinstance(value, dt.date) else None


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class FlagsText:
    """One customer.yaml's text, with its flags located."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.splitlines(keepends=True)
        self.newline = "\r\n" if self.lines and self.lines[0].endswith("\r\n") else "\n"  # keep the file's own line ends
        layout = read_fast(text, self.lines) or read_roundtrip(text, self.lines, path)
        self.flags_key = layout.flags_key  # (line, column) of 'flags:'
        self.flags_value = layout.flags_value
        self.flags_empty_flow = layout.empty_flow
        self.slots = [self._slot(index, item) for index, item in enumerate(layout.items)]
        for slot, following in zip(self.slots, self.slots[1:], strict=False):
            slot.end = self._trimmed_end(slot.start, following.start, slot.dash_col)
        if self.slots:
            last = self.slots[-1]
            last.end = self._trimmed_end(last.start, self._block_end(last.start, last.dash_col), last.dash_col)

    def _slot(self, index: int, item: FlagItem) -> FlagSlot:
        line, column = item.position
        start, dash_col = self._dash(line, column)
        return FlagSlot(index, item.values, start, start + 1, dash_col, column, item.comments)

    def _dash(self, line: int, column: int) -> tuple[int, int]:
        """The line and column of the '-' that opens the flag whose first field is at (line, column)."""
        before = self.lines[line][:column]
        if "-" in before:
            return line, before.rindex("-")
        for earlier in range(line - 1, -1, -1):  # '-' alone on its line, the fields below
            if self.lines[earlier].strip() == "-":
                return earlier, self.lines[earlier].index("-")
        raise FlagsiteError(f"{self.path}:{line + 1}: cannot find where this flag starts; fix its layout first")

    def _block_end(self, start: int, dash_col: int) -> int:
        for number in range(start + 1, len(self.lines)):
            line = self.lines[number]
            if not _is_comment_or_blank(line) and _indent(line) <= dash_col:
                return number
        return len(self.lines)

    def _trimmed_end(self, start: int, end: int, dash_col: int) -> int:
        while end > start + 1:
            line = self.lines[end - 1]
            if line.strip() and not (line.lstrip().startswith("#") and _indent(line) <= dash_col):
                break
            end -= 1
        return end

    # Edits: each returns the whole new text.

    def _render(self, values: dict[str, Any], dash_col: int, key_col: int, comments: dict[str, str]) -> list[str]:
        lines: list[str] = []
        # Fields the schema does not know are written back too, so validation refuses them instead of losing them.
        names = list(FLAG_FIELDS) + [name for name in values if name not in FLAG_FIELDS]
        for name in names:
            value = values.get(name)
            if value is None:
                continue
            prefix = (" " * dash_col + "-").ljust(key_col) if not lines else " " * key_col
            line = f"{prefix}{name}: {scalar(value)}"
            if name in comments:
                line += f"  {comments[name]}"
            lines.append(line + self.newline)
        return lines

    def _text(self, lines: list[str]) -> str:
        return "".join(lines)

    def replace(self, slot: FlagSlot, values: dict[str, Any]) -> str:
        new = self._render(values, slot.dash_col, slot.key_col, slot.comments)
        return self._text(self.lines[: slot.start] + new + self.lines[slot.end :])

    def remove(self, slot: FlagSlot) -> str:
        lines = self.lines[: slot.start] + self.lines[slot.end :]
        if len(self.slots) == 1 and self.flags_key is not None:
            line, column = self.flags_key
            text = lines[line]
            after_key = text.index(":", column) + 1
            lines[line] = text[:after_key] + " []" + text[after_key:]
        return self._text(lines)

    def add(self, values: dict[str, Any]) -> str:
        lines = list(self.lines)
        if self.slots:
            last = self.slots[-1]
            new = self._render(values, last.dash_col, last.key_col, {})
            return self._text(lines[: last.end] + self._ended(lines[: last.end]) + new + lines[last.end :])
        if self.flags_key is None:
            head = lines + self._ended(lines)
            return self._text(head + ["flags:" + self.newline] + self._render(values, 2, 4, {}))
        line, column = self.flags_key
        if self.flags_empty_flow and self.flags_value is not None:
            text = lines[line]
            value_col = self.flags_value[1]
            closing = text.index("]", value_col) + 1
            lines[line] = text[:value_col].rstrip() + text[closing:]
        if not lines[line].endswith("\n"):
            lines[line] += self.newline
        new = self._render(values, column + 2, column + 4, {})
        return self._text(lines[: line + 1] + new + lines[line + 1 :])

    def _ended(self, lines: list[str]) -> list[str]:
        """A line break after the last line, when the file had none."""
        return [self.newline] if lines and not lines[-1].endswith("\n") else []
