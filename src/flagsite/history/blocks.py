"""Compare two versions of a record file by their top-level blocks, parsing only what changed.

A record file is a block mapping whose keys stand at column 0; everything
else (values, block scalars, continuation lines) is indented or is a list
item ("- ") of the key above, so
the file splits at those lines into one block per top-level key. A commit
usually changes one or two blocks (a flag added, an email changed): only
those are parsed, which makes the history of a whole repository several times
cheaper. Any file that does not split cleanly is compared whole instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..load.yaml_strict import load_yaml_bytes
from .changes import FieldChange, field_changes, jsonable
from .versions import normalise

# First bytes of a line that continues the block above: indentation, a comment, a blank line.
_CONTINUES = frozenset(b" \t#\n\r")
_COMMENT_OR_BLANK = frozenset(b"#\n\r")
_DASH = ord("-")
_NOT_A_KEY = (b"---", b"...", b"?", b"{", b"[", b"&", b"!", b"*", b"%", b"|", b">")


def split_blocks(content: bytes) -> dict[bytes, bytes] | None:
    """Top-level key text → its lines; None when the file is not a plain block mapping."""
    blocks: dict[bytes, list[bytes]] = {}
    current: list[bytes] | None = None
    for line in content.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True):
        first = line[0]
        # A sequence may stand at its key's own indentation ("flags:\n- type: ..."): still the same block.
        if first in _CONTINUES or (first == _DASH and (line[1:2] in (b" ", b"\t") or line.rstrip(b"\r\n") == b"-")):
            if current is not None:
                current.append(line)
            elif first not in _COMMENT_OR_BLANK:
                return None  # content before the first key: not a plain block mapping
            continue
        if line.startswith(_NOT_A_KEY) or b":" not in line:
            return None
        key = line.split(b":", 1)[0]
        if key in blocks:
            return None  # a duplicate key: the whole-file reading reports it
        current = blocks[key] = [line]
    return {key: b"".join(lines) for key, lines in blocks.items()}


@dataclass
class BlockMemo:
    """What was read once and is needed again: a blob is compared twice (as the
    file after one commit and before the next), a block far more often."""

    splits: dict[bytes, dict[bytes, bytes] | None] = field(default_factory=dict)
    parsed: dict[bytes, Any] = field(default_factory=dict)

    def split(self, content: bytes) -> dict[bytes, bytes] | None:
        if content not in self.splits:
            self.splits[content] = split_blocks(content)
        return self.splits[content]


def block_changes(
    file: str, subject: str, old: bytes | None, new: bytes | None, memo: BlockMemo | None = None
) -> list[FieldChange] | None:
    """The same changes as comparing the whole files, or None when they must be compared whole."""
    memo = BlockMemo() if memo is None else memo
    if old is None or new is None:
        return None
    before, after = memo.split(old), memo.split(new)
    if before is None or after is None:
        return None
    parsed = memo.parsed
    old_data: dict[str, Any] = {}
    new_data: dict[str, Any] = {}
    for key in [*before, *(k for k in after if k not in before)]:
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        for block, data in ((a, old_data), (b, new_data)):
            if block is None:
                continue
            if block not in parsed:
                loaded = load_yaml_bytes(block, file).data
                parsed[block] = jsonable(loaded) if isinstance(loaded, dict) and len(loaded) == 1 else None
            if parsed[block] is None:
                return None
            data.update(parsed[block])
    changed = {*old_data, *new_data}
    return field_changes(file, subject, normalise(old_data, file, changed), normalise(new_data, file, changed))
