"""A strict, fast YAML loader that remembers where every value stands.

libyaml (PyYAML's C parser, ``yaml.CSafeLoader``) builds the node tree; we walk
it ourselves instead of using PyYAML's constructor, because the walk is where
we reject what PyYAML accepts silently (a duplicate key keeps the last value,
an alias shares a node that can expand to megabytes, ``name: No`` becomes
``False``) and where we record each value's line and column, so that schema
errors can point at ``path:line:col``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..controls import describe, first_forbidden, visible
from ..findings import Finding

MAX_BYTES = 1 << 20
MAX_DEPTH = 16

Loc = tuple[str | int, ...]
Position = tuple[int, int]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# PyYAML resolves a plain '=' and '<<' to these YAML 1.1 types; as values, the writer meant text.
_SPECIAL_PLAIN_TAGS = {"tag:yaml.org,2002:value", _MERGE_TAG}
_IMPLICIT_SCALAR_TAGS = {
    _STR_TAG,
    _BOOL_TAG,
    _INT_TAG,
    _FLOAT_TAG,
    "tag:yaml.org,2002:null",
    _TIMESTAMP_TAG,
}

# Syntax that only an event scan can see (the node tree hides anchors and
# explicit tags): run that scan only when such a character could be syntax.
_MAYBE_ANCHOR_ALIAS_OR_TAG = re.compile(r"(?:^|[\s\[\]{},:?-])[&*!]")
# Every level of nesting needs one of these characters, so their count bounds
# the depth. libyaml's composer recurses in C: above this bound, measure the
# depth with the (iterative) event scan before composing.
_NESTING_CHARS = "[{-:?"
_NESTING_BOUND_FOR_SCAN = 1000
# YAML 1.1 reads these plain words as booleans; only true/false are meant so.
_PLAIN_BOOLEANS_MEANT = {"true", "false"}
_KIND_OF_TAG = {_BOOL_TAG: "a boolean", _INT_TAG: "a number", _FLOAT_TAG: "a number"}
_YAML11_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|0[bx].*|.*_.*|.*:.*)$")

# yaml-language-server reads "# yaml-language-server: $schema=<target>" from a file's comments.
_SCHEMA_LINK = re.compile(r"^\s*#\s*yaml-language-server\s*:\s*\$schema=(\S*)")
_SCHEMA_LINK_LINES = 50

# What libyaml counts as a line break: NEL, LS and PS too.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

_constructor = yaml.constructor.SafeConstructor()


@dataclass
class SourceMap:
    """Positions (1-based line, column) of a file's values and keys, by location."""

    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def position(self, loc: Loc, *, prefer_key: bool = False) -> Position | None:
        """The position of the deepest part of ``loc`` that exists in the file.

        Parts of ``loc`` that name no key (pydantic adds union branch tags)
        are skipped. With ``prefer_key``, a key's own position is preferred to
        its value's (an unknown field is best shown at its name).
        """
        prefix: Loc = ()
        for part in loc:
            if prefix + (part,) in self.values:
                prefix = prefix + (part,)
        if prefer_key and prefix in self.keys:
            return self.keys[prefix]
        return self.values.get(prefix)


@dataclass(frozen=True)
class SchemaLink:
    """The ``# yaml-language-server: $schema=TARGET`` line at the top of a file, as written."""

    target: str
    line: int
    column: int  # of the target


@dataclass
class LoadedYaml:
    """The data of one YAML file (None when it could not be read) and what was wrong."""

    data: dict[str, Any] | None
    source: SourceMap
    findings: list[Finding]
    schema_link: SchemaLink | None = None


class _Stop(Exception):
    """A problem that makes the rest of the file meaningless to read."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def load_yaml_file(abs_path: str, rel_path: str) -> LoadedYaml:
    with open(abs_path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    return load_yaml_bytes(raw, rel_path)


def load_yaml_bytes(raw: bytes, path: str) -> LoadedYaml:
    source = SourceMap()
    link = None
    try:
        text = _decode(raw, path)
        link = _schema_link(text)
        maybe_alias = _MAYBE_ANCHOR_ALIAS_OR_TAG.search(text) is not None
        if maybe_alias or _nesting_bound(text) > _NESTING_BOUND_FOR_SCAN:
            _scan_events(text, path)
        root = _compose(text, path)
        walker = _Walker(path, source, text, maybe_alias)
        data = walker.walk(root)
    except _Stop as stop:
        return LoadedYaml(None, source, [stop.finding], link)
    return LoadedYaml(data, source, walker.findings, link)


def _schema_link(text: str) -> SchemaLink | None:
    """The editor's schema line, among the comments before the first value (where the language server reads it)."""
    for number, line in enumerate(text.splitlines()[:_SCHEMA_LINK_LINES], start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return None
        match = _SCHEMA_LINK.match(line)
        if match:
            return SchemaLink(match.group(1), number, match.start(1) + 1)
    return None


def _decode(raw: bytes, path: str) -> str:
    if len(raw) > MAX_BYTES:
        raise _Stop(
            Finding(path, None, None, "Y008", f"file is larger than {MAX_BYTES // 1024} KiB; split it or remove what does not belong in a record")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _Stop(
            Finding(path, line, column, "Y007", f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8")
        ) from error
    return text.removeprefix("\ufeff")


def _code_point(character: int | str) -> int:
    return character if isinstance(character, int) else ord(character)


def _nesting_bound(text: str) -> int:
    return sum(text.count(char) for char in _NESTING_CHARS)


def _mark_position(mark: Any) -> Position:
    if mark is None:
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def _scan_events(text: str, path: str) -> None:
    """Reject anchors, aliases, explicit tags and runaway nesting, from the event stream."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            line, column = _mark_position(event.start_mark)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise _Stop(
                    Finding(path, line, column, "Y003", "anchors (&name) and aliases (*name) are not allowed in records; write the value out in full")
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise _Stop(
                    Finding(path, line, column, "Y004", f"tag {tag!r} is not allowed in records; remove it (quote the value if it must stay text)")
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Stop(_too_deep(path, line, column))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # composing reports the error with its position


def _too_deep(path: str, line: int, column: int) -> Finding:
    return Finding(path, line, column, "Y009", f"values are nested more than {MAX_DEPTH} levels deep; records are flatter than this")


def _special_plain(path: str, node: yaml.ScalarNode, line: int, column: int) -> Finding:
    return Finding(path, line, column, "Y010", f"YAML 1.1 gives the plain value {node.value!r} a special meaning, not text; quote it: \"{node.value}\"")


def _compose(text: str, path: str) -> yaml.Node:
    loader = yaml.CSafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = _mark_position(mark)
        if "expected a single document" in str(error):
            raise _Stop(
                Finding(path, line, column, "Y005", "a second YAML document starts here; a record file holds one document (remove the '---' line and what follows, or move it to its own file)")
            ) from error
        problem = error.problem or "not valid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit, far above ours
            raise _Stop(_too_deep(path, line, column)) from error
        at_opening, advice = _syntax_advice(problem, error.context or "", text, mark)
        if at_opening and error.context_mark is not None:  # an unclosed quote or bracket: shown where it opens
            line, column = _mark_position(error.context_mark)
        if advice is None:
            context = f" {error.context}" if error.context else ""
            advice = f"YAML syntax error: {problem}{context}; fix the syntax here (check indentation and quote values containing ': ' or '#')"
        raise _Stop(Finding(path, line, column, "Y001", advice)) from error
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise _Stop(
            Finding(path, line, column, "Y012", f"character U+{_code_point(error.character):04X} is not allowed in YAML ({error.reason}); remove it")
        ) from error
    except yaml.YAMLError as error:
        raise _Stop(Finding(path, None, None, "Y001", f"YAML error: {error}; fix the file")) from error
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        line, column = _mark_position(root.start_mark if root is not None else None)
        raise _Stop(
            Finding(path, line, column, "Y006", "the file must be a mapping of 'field: value' lines (it is empty or holds a single value or list)")
        )
    return root


def _syntax_advice(problem: str, context: str, text: str, mark: Any) -> tuple[bool, str | None]:
    """What libyaml's complaint means for the person editing, and whether it is best shown where
    the value it complains about opens; None for a complaint without plain words here."""
    if "mapping values are not allowed" in problem:
        return False, ("a ': ' (a colon and a space) inside a value reads as the start of a field; put the whole value in quotes "
                       "(name: \"Ann: Example\"), or, if a field starts here, put it on its own line, lined up with the fields it belongs with")
    if "could not find expected ':'" in problem:
        return True, ("this line has no ':' after a field name and is not a list item either; write 'field: value', start a list item "
                      "with '- ', or indent the line further to continue the value above it")
    if "cannot start any token" in problem:
        character = text[mark.index] if mark is not None and mark.index < len(text) else ""
        if character == "\t":
            return False, "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"
        return False, f"a value cannot start with {character!r} in YAML; put the value in quotes"
    if "did not find expected key" in problem:
        return False, ("this line is not lined up with the fields of the block it stands in; indent it like the fields it belongs with "
                       "(or, for a list item, like the other '- ' lines)")
    if "did not find expected '-' indicator" in problem:
        return False, "this line is not lined up with the list items around it; line its '- ' up with theirs"
    if "quoted scalar" in context and "end of stream" in problem:
        return True, "the quote that opens this value is never closed; end the value with the same quote mark"
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return False, "a backslash inside double quotes starts an escape; write \\\\ for a backslash, or put the value in single quotes"
    if "flow sequence" in context:
        return True, "the list opened with '[' here is not closed; end it with ']' (items separated by ', '), or write one '- item' per line"
    if "flow mapping" in context:
        return True, "the block opened with '{' here is not closed; end it with '}' (fields separated by ', ')"
    return False, None


class _Walker:
    """Builds plain data from the node tree, recording positions and findings."""

    def __init__(self, path: str, source: SourceMap, text: str, maybe_alias: bool = True) -> None:
        self.path = path
        self.source = source
        self.text = text
        self.findings: list[Finding] = []
        self._seen: set[int] = set()
        # Without alias syntax in the file, no node can be shared: nothing to remember.
        self._maybe_alias = maybe_alias
        # Every value is text of the file, but for escapes in double quotes ("\x1b", "\u202e"):
        # a file with no control character and no backslash needs no value checked for one.
        self._maybe_control = "\\" in text or first_forbidden(text) is not None

    def walk(self, root: yaml.Node) -> dict[str, Any]:
        data: dict[str, Any] = self._node(root, (), 0, -1)  # the root is a mapping (checked when composing)
        return data

    @functools.cached_property
    def lines(self) -> list[str]:
        # Only for a value spread over several lines; numbered as libyaml numbers them (its marks).
        return _LINE_BREAK.split(self.text)

    def _node(self, node: yaml.Node, loc: Loc, depth: int, block_indent: int) -> Any:
        """``block_indent``: the column (0-based) of the block collection holding ``node``."""
        start = node.start_mark
        line, column = start.line + 1, start.column + 1
        if depth > MAX_DEPTH:
            raise _Stop(_too_deep(self.path, line, column))
        if self._maybe_alias:
            if id(node) in self._seen:  # the composer shares a node between an anchor and its aliases
                raise _Stop(Finding(self.path, line, column, "Y003", "aliases (*name) are not allowed in records; write the value out in full"))
            self._seen.add(id(node))
        self.source.values[loc] = (line, column)
        if isinstance(node, yaml.ScalarNode):
            if node.style == "'" or node.style == '"':
                self._check_layout(node, block_indent)
            return self._scalar(node, line, column)
        assert isinstance(node, yaml.CollectionNode)
        if node.flow_style:
            self._check_layout(node, block_indent)
            block_indent = -1  # inside [...] or {...}: checked as a whole above
        else:
            block_indent = start.column
        if isinstance(node, yaml.MappingNode):
            self._require_tag(node, _MAP_TAG)
            return self._mapping(node, loc, depth, block_indent)
        assert isinstance(node, yaml.SequenceNode)
        self._require_tag(node, _SEQ_TAG)
        if not node.flow_style:
            for item in node.value:
                self._check_folded_item(item)
        return [self._node(item, loc + (index,), depth + 1, block_indent) for index, item in enumerate(node.value)]

    def _require_tag(self, node: yaml.Node, tag: str) -> None:
        if node.tag != tag:
            line, column = _mark_position(node.start_mark)
            raise _Stop(Finding(self.path, line, column, "Y004", f"tag {node.tag!r} is not allowed in records; remove it"))

    def _check_layout(self, node: yaml.Node, block_indent: int) -> None:
        """What the YAML spec forbids and libyaml lets through: a comment glued to a
        quoted value or a flow collection (``"x"# note``), and a flow value (``[a,``
        then ``b]``) or a quoted value continued on a line not indented past the
        block it stands in."""
        is_flow_collection = isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.flow_style
        is_quoted = isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
        if not (is_flow_collection or is_quoted):
            return
        end = node.end_mark.index
        if self.text[end : end + 1] == "#":
            line, column = _mark_position(node.end_mark)
            self.findings.append(
                Finding(self.path, line, column, "Y013", "a comment must be separated from the value before it by a space; write ' #' (YAML reads '#' here as no comment)")
            )
        if block_indent < 0:
            return
        for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
            text = self.lines[number]
            content = text.lstrip(" ")
            if not content.strip() or (is_flow_collection and content.startswith("#")):
                continue  # blank lines and comment lines may stand anywhere
            if len(text) - len(content) <= block_indent:
                self.findings.append(
                    Finding(self.path, number + 1, 1, "Y014", f"this line continues the value that starts at line {node.start_mark.line + 1}, so it must be indented more "
                                                              f"than the field it belongs to ({block_indent + 1} space(s) at least); indent it or join it to the line before")
                )
                return

    def _check_folded_item(self, item: yaml.Node) -> None:
        """A plain list item continued on a line not indented like the item's text: valid YAML
        that folds what was meant as the next item (a '- ' forgotten, or one space off) into this one."""
        if not isinstance(item, yaml.ScalarNode) or item.style or item.end_mark.line == item.start_mark.line:
            return
        column = item.start_mark.column
        for number in range(item.start_mark.line + 1, item.end_mark.line + 1):
            text = self.lines[number]
            content = text.lstrip(" ")
            indent = len(text) - len(content)
            if content.strip() and indent != column:
                line = item.start_mark.line + 1
                shown = visible(item.value if len(item.value) <= 60 else item.value[:57] + "...")
                self.findings.append(
                    Finding(self.path, number + 1, indent + 1, "Y015", f"this line is read as part of the list item on line {line} ('{shown}'), because it is not "
                                                                       f"indented like that item's text: start it with '- ' if it is an item of its own, or indent it "
                                                                       f"{column} space(s), like the text on line {line}, if it continues that item")
                )
                return

    def _check_folded_list(self, key: str, value: yaml.Node) -> None:
        """A field's plain value continued on a line that starts with '- ': a list meant, folded into the value
        because text stands after the field's ':' (``resolution: done`` then ``- item``) or a '-' lacks its space."""
        if not isinstance(value, yaml.ScalarNode) or value.style or value.end_mark.line == value.start_mark.line:
            return
        for number in range(value.start_mark.line + 1, value.end_mark.line + 1):
            content = self.lines[number].lstrip(" ")
            if content.startswith("- "):
                line = value.start_mark.line + 1
                shown = visible(value.value if len(value.value) <= 60 else value.value[:57] + "...")
                self.findings.append(
                    Finding(self.path, number + 1, len(self.lines[number]) - len(content) + 1, "Y015",
                            f"this line is read as part of the text of '{visible(key)}' on line {line} ('{shown}'), not as a list item: for a list, leave "
                            f"'{visible(key)}:' alone on its line and start every item with '- ' (a dash and a space); for text, join the lines")
                )
                return

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int, block_indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, column = _mark_position(key_node.start_mark)
            if key_node.tag == _MERGE_TAG:
                raise _Stop(Finding(self.path, line, column, "Y011", "merge keys (<<) are not allowed in records; write the fields out in full"))
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _IMPLICIT_SCALAR_TAGS:
                raise _Stop(Finding(self.path, line, column, "Y011", "keys must be plain field names, not lists or mappings"))
            key = key_node.value
            if key in first_line:
                self.findings.append(
                    Finding(self.path, line, column, "Y002", f"duplicate key {key!r} (first at line {first_line[key]}); YAML would keep only this last one: remove one of them")
                )
                continue
            first_line[key] = line
            self.source.keys[loc + (key,)] = (line, column)
            self._check_text(key, line, column)
            self._check_folded_list(key, value_node)
            result[key] = self._node(value_node, loc + (key,), depth + 1, block_indent)
        return result

    def _check_text(self, text: str, line: int, column: int) -> None:
        if not self._maybe_control:
            return
        index = first_forbidden(text)
        if index is not None:
            self.findings.append(
                Finding(self.path, line, column, "S005", f"the text holds {describe(text[index])}, a control character (a terminal "
                                                         f"escape, a line break other than newline or a bidi override); remove it")
            )

    def _scalar(self, node: yaml.ScalarNode, line: int, column: int) -> Any:
        if node.tag == _STR_TAG:
            self._check_text(node.value, line, column)
            return node.value
        if node.tag in _SPECIAL_PLAIN_TAGS and not node.style:
            self.findings.append(_special_plain(self.path, node, line, column))
            return node.value
        if node.tag not in _IMPLICIT_SCALAR_TAGS:
            raise _Stop(Finding(self.path, line, column, "Y004", f"tag {node.tag!r} is not allowed in records; remove it"))
        if not node.style and self._is_yaml11_surprise(node):  # plain (unquoted) scalar
            if node.tag == _BOOL_TAG:
                otherwise = " (or write true/false for a yes/no field)"
            else:
                otherwise = " (or, for a number, write it without leading zeros, '_' or ':')"
            self.findings.append(
                Finding(self.path, line, column, "Y010", f"YAML 1.1 reads the plain value {node.value!r} as {_KIND_OF_TAG[node.tag]}, not as text; quote it: \"{node.value}\"{otherwise}")
            )
            return node.value
        if node.tag == _TIMESTAMP_TAG:
            # As YAML 1.2, editors and JSON Schema tools read it: text. The models parse
            # it, and only in the one written form the schema describes.
            return node.value
        try:
            return _constructor.yaml_constructors[node.tag](_constructor, node)
        except (ValueError, OverflowError):
            return node.value  # e.g. 2026-13-45: the schema reports it as an invalid date

    @staticmethod
    def _is_yaml11_surprise(node: yaml.ScalarNode) -> bool:
        if node.tag == _BOOL_TAG:
            return node.value.lower() not in _PLAIN_BOOLEANS_MEANT
        if node.tag in (_INT_TAG, _FLOAT_TAG):
            return bool(_YAML11_NUMBER.match(node.value))
        return False
