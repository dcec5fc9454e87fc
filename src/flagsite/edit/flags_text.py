"""The flags list of one customer.yaml, as lines that can be replaced one flag at a time.

``flag_positions`` gives the line and column of every flag, of each of its
fields, and each flag's end-of-line comments (read with libyaml when the file
is plain, with ruamel.yaml's round-trip loader otherwise). The edit itself is
a splice: a flag is inserted or removed whole, and an edited flag has only the
lines of the fields whose value changes rewritten (from the value's first
character to its last; the key, the spacing and an end-of-line comment stay),
so the rest of the file keeps every byte, whatever its layout, its quoting or
its comments. A reason with a comma that was written plain stays plain.

A flag's lines run from its dash to the next flag (or to the next line that
is not indented under it). Blank lines and comments indented no deeper than
the dash that close that range belong to what follows, and stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..errors import FlagsiteError
from ..models import Flag
from .flag_positions import FieldSpan, FlagItem, read_fast, read_roundtrip
from .yaml_text import plain_value, scalar

FLAG_FIELDS: tuple[str, ...] = tuple(Flag.model_fields)
_OWN_CHANGE = len(FLAG_FIELDS) + 1  # ranks above every inserted field's


@dataclass
class FlagSlot:
    index: int
    values: dict[str, Any]
    start: int  # first line (0-based) of the flag: its dash
    end: int  # the line after its last line
    dash_col: int
    key_col: int
    comments: dict[str, str] = field(default_factory=dict)  # field -> its end-of-line comment
    spans: dict[str, FieldSpan] = field(default_factory=dict)  # field -> where it stands; empty when unknown

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
        return FlagSlot(index, item.values, start, start + 1, dash_col, column, item.comments, item.spans)

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
        """The flag with ``values``: only the fields whose value changes are rewritten."""
        if not slot.spans or set(slot.spans) != set(slot.values):
            rendered = self._render(values, slot.dash_col, slot.key_col, slot.comments)
            return self._text(self.lines[: slot.start] + rendered + self.lines[slot.end :])
        # Each change is (line, rank, apply), made bottom up so that the lines above keep their numbers; at one
        # line a field's own change comes before the fields inserted ahead of it, and those in the schema's order.
        changes: list[tuple[int, int, Callable[[list[str]], None]]] = []
        for name, span in slot.spans.items():
            old, new = slot.values[name], values.get(name)
            if name not in values or (new is None and old is not None):
                changes.append((span.key[0], _OWN_CHANGE, partial(self._drop_field, slot=slot, span=span)))
            elif new is not None and (old is None or plain_value(old) != plain_value(new)):
                changes.append((span.key[0], _OWN_CHANGE, partial(self._rewrite_field, span=span, value=new)))
        for name, value in values.items():
            if name not in slot.spans and value is not None:
                at, rank = self._insertion_point(slot, name)
                changes.append((at, rank, partial(_insert, at=at, line=self._field_line(name, value, slot.key_col))))
        lines = list(self.lines)
        for _, _, change in sorted(changes, key=lambda c: (c[0], c[1]), reverse=True):
            change(lines)
        return self._text(lines)

    def _last_line(self, span: FieldSpan) -> int:
        """The last line holding the field's value (a block scalar's trailing blank lines are not its own)."""
        line, column = span.value_end
        if column == 0 and line > span.value_start[0]:
            line -= 1
            while line > span.value_start[0] and not self.lines[line].strip():
                line -= 1
        return line

    def _rewrite_field(self, lines: list[str], span: FieldSpan, value: Any) -> None:
        """The field on one line with its new value: what stood before the value and after it stays."""
        last = self._last_line(span)
        key_line = self.lines[span.key[0]]
        colon = key_line.index(":", span.colon[1]) + 1
        if span.empty:
            head, tail = key_line[:colon] + " ", key_line[colon:]
        else:
            head = key_line[: span.value_start[1]] if span.value_start[0] == span.key[0] else key_line[:colon] + " "
            tail = self.lines[last][span.value_end[1] :]
        if span.value_end[1] == 0 and span.value_end[0] > span.value_start[0]:  # a block scalar: its line break ends the line
            tail = self.newline
        lines[span.key[0] : last + 1] = [head + scalar(value) + tail]

    def _drop_field(self, lines: list[str], slot: FlagSlot, span: FieldSpan) -> None:
        first, last = span.key[0], self._last_line(span)
        if first != slot.start or "-" not in self.lines[first][: span.key[1]]:
            del lines[first : last + 1]
            return
        # The field after the dash goes: the next field moves up beside the dash.
        following = min((s for s in slot.spans.values() if s.key > span.key), default=None, key=lambda s: s.key)
        if following is None:
            raise FlagsiteError(f"{self.path}:{first + 1}: a flag cannot lose its only field")
        moved = self.lines[first][: span.key[1]] + lines[following.key[0]][following.key[1] :]
        lines[first : following.key[0] + 1] = lines[last + 1 : following.key[0]] + [moved]

    def _insertion_point(self, slot: FlagSlot, name: str) -> tuple[int, int]:
        """Where a field the flag did not have goes (after the last field the schema lists before it, else after
        the last field), and its rank among fields inserted there."""
        order = {field_name: index for index, field_name in enumerate(FLAG_FIELDS)}
        rank = order.get(name, len(order))
        before = [s for n, s in slot.spans.items() if order.get(n, len(order)) < rank]
        span = max(before or slot.spans.values(), key=lambda s: s.key)
        return self._last_line(span) + 1, rank

    def _field_line(self, name: str, value: Any, key_col: int) -> str:
        return f"{' ' * key_col}{name}: {scalar(value)}{self.newline}"

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


def _insert(lines: list[str], at: int, line: str) -> None:
    lines.insert(at, line)
