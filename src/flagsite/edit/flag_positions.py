"""Where the flags of one customer.yaml stand: their positions, values and end-of-line comments.

Two readers give the same answer. ruamel.yaml's round-trip loader reads any
YAML and gives the error messages for files that cannot be edited, but it is
slow: a bulk change over thousands of customers spent ~80% of its time there.
libyaml (PyYAML's C parser) is ~10x faster and gives the same line and column
marks; it is used when the file is plain enough that both readers agree on
every flag value (YAML 1.1 and 1.2 read text, null and dates alike) and on
every comment. For anything else it answers None and the round-trip loader
reads the file, so the edit comes out exactly as it always did.

Each flag also carries where each of its fields stands (``FieldSpan``: the
key, and where its value starts and ends), read from libyaml's marks, so an
edit rewrites the lines of the fields it changes and no other. ruamel gives
no end marks, so for a file the round-trip reader reads the marks come from
libyaml too, and only when both readers see the same fields at the same places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..dates import DateError, parse_date
from ..errors import FlagsiteError

Position = tuple[int, int]  # 0-based line and column


@dataclass(frozen=True)
class FieldSpan:
    """Where one field of a flag stands: ``key: value``, the value perhaps over several lines."""

    key: Position
    colon: Position  # just after the key
    value_start: Position
    value_end: Position  # just after the value's last character (a block scalar: the start of the line after it)
    empty: bool  # no value written ('guidance:' alone)


@dataclass
class FlagItem:
    position: Position  # of the flag's first field
    values: dict[str, Any]
    comments: dict[str, str] = field(default_factory=dict)  # field -> its end-of-line comment
    spans: dict[str, FieldSpan] = field(default_factory=dict)  # field -> where it stands; empty when unknown


@dataclass
class FlagsLayout:
    flags_key: Position | None = None  # of 'flags:'; None when the file has no flags key
    flags_value: Position | None = None  # where its value starts; read only for 'flags: []'
    empty_flow: bool = False  # 'flags: []'
    items: list[FlagItem] = field(default_factory=list)


# --- The round-trip reader: any file, and the errors for those that cannot be edited.


def read_roundtrip(text: str, lines: list[str], path: str) -> FlagsLayout:
    data = _parse_roundtrip(text, path)
    layout = FlagsLayout()
    if "flags" not in data:
        return layout
    layout.flags_key = data.lc.key("flags")
    layout.flags_value = data.lc.value("flags")
    flags = data["flags"]
    if flags is None:
        return layout
    if not isinstance(flags, CommentedSeq):
        raise FlagsiteError(f"{path}:{layout.flags_key[0] + 1}: 'flags' must be a list; fix it first")
    value_line, value_col = layout.flags_value
    if lines[value_line][value_col:].startswith("["):
        if len(flags) == 0:
            layout.empty_flow = True
            return layout
        raise FlagsiteError(
            f"{path}:{layout.flags_key[0] + 1}: the flags are written as a one-line [...] list; write them as a block list ('- type: ...' lines) to edit them with flagsite"
        )
    spans = _libyaml_spans(text)
    for index, item in enumerate(flags):
        if not isinstance(item, CommentedMap):
            raise FlagsiteError(f"{path}:{flags.lc.item(index)[0] + 1}: flag {index + 1} is not a mapping of fields; fix it first")
        found = spans[index] if spans is not None and len(spans) == len(flags) else {}
        if set(found) != set(item) or any(found[str(key)].key != item.lc.key(key) for key in item):
            found = {}  # the readers do not see the same fields at the same places: the flag is rewritten whole
        layout.items.append(FlagItem(flags.lc.item(index), dict(item), _roundtrip_comments(item), found))
    return layout


def _libyaml_spans(text: str) -> list[dict[str, FieldSpan]] | None:
    """Each flag's field spans as libyaml reads the file, or None when it cannot."""
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    flags = next((value for key, value in root.value if isinstance(key, yaml.ScalarNode) and key.value == "flags"), None)
    if not isinstance(flags, yaml.SequenceNode):
        return None
    return [_spans(item) if isinstance(item, yaml.MappingNode) else {} for item in flags.value]


def _mark(mark: Any) -> Position:
    return (mark.line, mark.column)


def _spans(node: yaml.MappingNode) -> dict[str, FieldSpan]:
    """Where each field of one flag stands; empty when a value is not where its key says (an alias, a nested value)."""
    spans: dict[str, FieldSpan] = {}
    for (key, value), following in zip(node.value, [*node.value[1:], None], strict=True):
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
            return {}
        start, end = _mark(value.start_mark), _mark(value.end_mark)
        limit = _mark(following[0].start_mark) if following else None
        if start < _mark(key.end_mark) or (limit is not None and end > limit):
            return {}
        spans[str(key.value)] = FieldSpan(_mark(key.start_mark), _mark(key.end_mark), start, end, not value.style and value.value == "")
    return spans


def _parse_roundtrip(text: str, path: str) -> CommentedMap:
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise FlagsiteError(f"{where}: cannot edit a file that is not valid YAML ({error.problem}); fix it first (flagsite validate shows how)") from error
    except YAMLError as error:
        raise FlagsiteError(f"{path}: cannot edit a file that is not valid YAML ({error}); fix it first") from error
    if not isinstance(data, CommentedMap):
        raise FlagsiteError(f"{path}: the file must be a mapping of 'field: value' lines; fix it first")
    return data


def _roundtrip_comments(item: CommentedMap) -> dict[str, str]:
    comments = {}
    for key, parts in item.ca.items.items():
        token = parts[2] if len(parts) > 2 else None
        text = getattr(token, "value", "") or ""
        if text.startswith("#"):  # an end-of-line comment; full-line comments after it are not the field's
            comments[str(key)] = text.split("\n", 1)[0].rstrip()
    return comments


# --- The fast reader: libyaml's node tree, for plain files only.

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_YAML12_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Syntax whose meaning the two readers may not share: anchors, aliases, tags, merge keys, directives,
# tabs, a byte order mark, and line breaks other than \n and \r\n (which the readers and the line list may count differently).
_UNUSUAL = re.compile(r"(?:^|[\s\[\]{},:?-])[&*!]|^%|<<|\t|\ufeff|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\r(?!\n)", re.MULTILINE)
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# Plain text that YAML 1.2 (ruamel) may read as a number while YAML 1.1 (libyaml) reads text: 1e5, 0o17.
_MAYBE_NUMBER = re.compile(r"[-+.0-9]\S*")


def read_fast(text: str, lines: list[str]) -> FlagsLayout | None:
    """The layout of the flags, or None when the round-trip reader must decide."""
    if _UNUSUAL.search(text):
        return None
    loader = yaml.CSafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode) or not _unique_keys(root):
        return None
    layout = FlagsLayout()
    for key, value in root.value:
        if key.value == "flags":
            return _flags(key, value, lines, layout)
    return layout


def _unique_keys(node: yaml.Node) -> bool:
    """No mapping repeats a key (ruamel refuses the file) and every key is text."""
    if isinstance(node, yaml.SequenceNode):
        return all(_unique_keys(item) for item in node.value)
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode) and key.tag == _STR]
        return len(keys) == len(node.value) == len(set(keys)) and all(_unique_keys(value) for _, value in node.value)
    return True


def _flags(key: yaml.Node, value: yaml.Node, lines: list[str], layout: FlagsLayout) -> FlagsLayout | None:
    layout.flags_key = (key.start_mark.line, key.start_mark.column)
    layout.flags_value = (value.start_mark.line, value.start_mark.column)
    if isinstance(value, yaml.ScalarNode):
        return layout if value.tag == _NULL else None
    if not isinstance(value, yaml.SequenceNode):
        return None
    if value.flow_style:
        if value.value:
            return None
        layout.empty_flow = True
        return layout
    for item in value.value:
        flag = _item(item, lines)
        if flag is None:
            return None
        layout.items.append(flag)
    return layout


def _item(node: yaml.Node, lines: list[str]) -> FlagItem | None:
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return None
    values: dict[str, Any] = {}
    for key, value in node.value:
        if not isinstance(value, yaml.ScalarNode):
            return None
        plain = _plain_value(value)
        if plain is _UNSURE:
            return None
        values[key.value] = plain
    comments = _comments(node, lines)
    if comments is None:
        return None
    return FlagItem((node.start_mark.line, node.start_mark.column), values, comments, _spans(node))


_UNSURE = object()


def _plain_value(node: yaml.ScalarNode) -> Any:
    """The value as ruamel's round-trip reader gives it, or _UNSURE."""
    if node.style:  # quoted or block: text in both readers
        return node.value
    if node.tag == _STR:
        return _UNSURE if _MAYBE_NUMBER.fullmatch(node.value) else node.value
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:  # yes/no/on/off are booleans in YAML 1.1 only
        return _YAML12_BOOLEANS.get(node.value, node.value)
    if node.tag == _TIMESTAMP and _DATE.fullmatch(node.value):
        try:
            return parse_date(node.value)
        except DateError:
            return _UNSURE
    return _UNSURE


def _comments(node: yaml.MappingNode, lines: list[str]) -> dict[str, str] | None:
    """Each field's end-of-line comment; None when the flag's layout is too unusual to be sure."""
    if not any("#" in line for line in lines[node.start_mark.line : node.end_mark.line + 1]):
        return {}
    comments = {}
    for key, value in node.value:
        if value.tag == _NULL and not value.style and not value.value:  # 'guidance:' alone: a comment follows the colon
            rest = lines[key.end_mark.line][key.end_mark.column :].lstrip().removeprefix(":").strip()
            if rest.startswith("#"):
                comments[key.value] = rest
            elif rest:
                return None
            continue
        end = value.end_mark
        if value.style in ("|", ">") or value.start_mark.line != end.line or key.start_mark.line != end.line:
            return None
        rest = lines[end.line][end.column :].strip()
        if rest.startswith("#"):
            comments[key.value] = rest
        elif "#" in rest:
            return None
    return comments
