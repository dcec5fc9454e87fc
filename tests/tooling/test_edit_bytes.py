"""Edits touch only what they change: a property over varied real-world values and file styles.

Each example writes a customer.yaml the way people and other tools write them
(plain, single- and double-quoted, folded, literal and multi-line plain
values; comments at the ends of lines, between fields and between flags;
flush or indented dashes, a dash alone on its line; LF or CRLF; flow lists
elsewhere in the file) holding values such as a reason with a comma, a colon,
both quotes, ``#``, surrounding spaces, YAML 1.1 words, numbers, dates, long
text, unicode or a line break. A flag change is then made, and:

- every original line not belonging to the changed fields (or, for add and
  remove, to the added or removed flag) is in the new file byte for byte, in order;
- the new file passes the checks of ``flagsite validate`` and reads back with
  the values asked for, and every other value as it was.

The library-level property tries many files quickly; the command-level one
runs the real commands (``flag add|edit|remove``, ``flag bulk``, ``note new``,
``customer new``) on a few of them.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flagsite.check.context import CheckContext
from flagsite.config import Config
from flagsite.edit.flags import AddFlag, EditFlag, FlagChange, RemoveFlag, apply_change
from flagsite.read import read_customer
from flagsite.rules import all_rules

from ..hostile import examples
from .conftest import Result

FLAG_TYPES = ["on-hold", "warning", "manager", "alert", "at-risk", "delight"]
# Values people write: punctuation YAML cares about, both quotes, spaces around, YAML 1.1 words, numbers, dates, unicode.
REAL_WORLD = [
    "Invoices INV-2031, INV-2044 unpaid", "Call back: after 5 pm", "Said \"no more calls\"", "It's the O'Briens' account",
    "Ticket #4411 open", "  spaces around  ", "no", "on", "Yes", "off", "null", "~", "12", "0755", "1e3", "3.14", "2026-06-03",
    "Prefers Zoë at the Münster branch", "客户要求经理回电", "عميل مهم", "- starts with a dash", "[bracketed]", "{braced}",
    "a: b", "50% off, then 20%", "@kim asked", "`code`", "ends with a colon:", "*star", "&amp", "!bang", "| pipe", "> angle",
    "Refund of $42.50 sent; see note of 2026-06-03.", "x" * 150 + ", then more words to wrap across the line", "Line one\nline two",
]
real_text = st.one_of(
    st.sampled_from(REAL_WORLD),
    st.lists(st.sampled_from(REAL_WORLD), min_size=2, max_size=3).map(" ".join),
    st.text(st.characters(blacklist_categories=("C", "Zl", "Zp")), min_size=1, max_size=40),
).filter(lambda text: text.strip() != "")
STYLES = ["plain", "single", "double", "literal", "folded", "plain lines"]
staff = st.sampled_from(["kim", "max", "j.doe@example.org"])
dates = st.dates(dt.date(2020, 1, 1), dt.date(2026, 6, 1))
later_dates = st.dates(dt.date(2026, 6, 2), dt.date(2099, 12, 31))  # a review after every creation date
PATH = "records/customers/C-10042/customer.yaml"


def _reads_as(snippet: str, value: str) -> bool:
    try:
        return bool(yaml.safe_load(snippet) == {"k": value})
    except yaml.YAMLError:
        return False


def _value_lines(value: str, style: str, indent: int) -> list[str]:
    """The value as written after 'key: ' (its first line) and on the lines below, indented; double-quoted when the style cannot hold it."""
    pad = " " * indent
    words = value.split(" ")
    middle = max(1, len(words) // 2)
    candidates = {
        "plain": [value],
        "single": ["'" + value.replace("'", "''") + "'"],
        "literal": ["|-", *(pad + line for line in value.split("\n"))],
        "folded": [">-", pad + " ".join(words[:middle]), pad + " ".join(words[middle:])],
        "plain lines": [" ".join(words[:middle]), pad + " ".join(words[middle:])],
    }
    lines = candidates.get(style)
    if lines and all(line.strip() and not set(line) & set("\r\n") for line in lines) and _reads_as("k: " + "\n".join(lines) + "\n", value) and (
        len(lines) > 1 or _reads_as(f"k: {lines[0]}  # c\n", value)
    ):
        return lines
    return [json.dumps(value, ensure_ascii=False)]


@dataclass
class Written:
    """A generated customer.yaml: its lines, and which lines each flag and each of its fields holds."""

    lines: list[str] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    flag_lines: list[range] = field(default_factory=list)  # from the dash to the flag's last field
    field_lines: list[dict[str, range]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.lines)


@st.composite
def customer_file(draw: st.DrawFn) -> Written:
    newline = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    out = Written()

    def put(line: str) -> int:
        out.lines.append(line + newline)
        return len(out.lines) - 1

    put("# yaml-language-server: $schema=../../../schema/customer.schema.json")
    put("id: C-10042")
    put("name: " + draw(st.sampled_from(["Alexander Erickson", "'Zoë O''Brien'  # as on the contract", '"Ünal, Deniz"'])))
    if draw(st.booleans()):
        put("contacts:")
        put('  emails: [alex.cmart@covesmart.com, "a.b@example.org"]   # flow list')
        put('  phones: ["+1 555 0100"]')
    count = draw(st.integers(0, 3))
    types = draw(st.lists(st.sampled_from(FLAG_TYPES), min_size=count, max_size=count))
    created = draw(st.lists(dates, min_size=count, max_size=count, unique=True))
    if count == 0:
        put(draw(st.sampled_from(["flags: []", "flags:  # none yet", "status: active"])))
    else:
        put("flags:" + draw(st.sampled_from(["", "   # newest last"])))
    dash = draw(st.sampled_from([0, 2, 2]))
    gap = draw(st.sampled_from([2, 2, 4]))
    for index in range(count):
        for _ in range(draw(st.integers(0, 2))):
            put(draw(st.sampled_from(["", " " * dash + "# Accounts asked for this one."])))
        flag: dict[str, Any] = {"type": types[index], "reason": draw(real_text), "created": created[index], "created_by": draw(staff)}
        if draw(st.booleans()):
            flag["guidance"] = draw(real_text)
        if draw(st.booleans()):
            flag["review_by"] = draw(later_dates)
        names = ["type", *draw(st.permutations([name for name in flag if name != "type"]))]
        alone = draw(st.integers(0, 5)) == 0  # '-' alone on its line, the fields below
        first = put(" " * dash + "-") if alone else len(out.lines)
        spans: dict[str, range] = {}
        for position, name in enumerate(names):
            value = flag[name]
            text_lines = _value_lines(value, draw(st.sampled_from(STYLES)), dash + gap + 2) if isinstance(value, str) else [str(value)]
            prefix = (" " * dash + "-").ljust(dash + gap) if position == 0 and not alone else " " * (dash + gap)
            comment = draw(st.sampled_from(["", "", "  # checked", "   # ärger 😀 #2"])) if len(text_lines) == 1 else ""
            start = put(f"{prefix}{name}: {text_lines[0]}{comment}")
            for more in text_lines[1:]:
                put(more)
            spans[name] = range(start, len(out.lines))
            if position < len(names) - 1 and draw(st.integers(0, 4)) == 0:
                put(" " * (dash + gap) + "# between fields")
        out.flags.append(flag)
        out.flag_lines.append(range(first, len(out.lines)))
        out.field_lines.append(spans)
    if draw(st.booleans()):
        put("preferences:")
        put("  - text: Prefers contact by email.")
        put("    since: 2026-06-03")
    if draw(st.booleans()):
        put("# End of record.")
    if draw(st.integers(0, 5)) == 0:
        out.lines[-1] = out.lines[-1].rstrip("\r\n")  # no line break at the end
    return out


def _errors(text: str) -> list[str]:
    loaded = read_customer(text.encode("utf-8"), PATH, CheckContext(config=Config(), today=dt.date(2026, 6, 10)), "C-10042", policy=False)
    return [f"{f.line}: {f.code} {f.message}" for f in loaded.findings if f.severity == "error"]


def _flags_read(text: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(text)
    return list(data.get("flags") or [])


@st.composite
def change_of(draw: st.DrawFn, written: Written) -> tuple[FlagChange, int | None]:
    """A change and the index of the flag it touches (None: a new flag)."""
    action = draw(st.sampled_from(["add", "edit", "edit", "remove"])) if written.flags else "add"
    if action == "add":
        used = {(flag["type"], flag["created"]) for flag in written.flags}
        flag_type, created = draw(st.tuples(st.sampled_from(FLAG_TYPES), dates).filter(lambda pair: pair not in used))
        guidance = draw(st.one_of(st.none(), real_text))
        return AddFlag(flag_type, draw(real_text), draw(staff), created, guidance, draw(st.one_of(st.none(), later_dates))), None
    index = draw(st.integers(0, len(written.flags) - 1))
    flag = written.flags[index]
    if action == "remove":
        return RemoveFlag(flag["type"], flag["created"]), index
    reason, guidance = draw(st.one_of(st.none(), real_text)), draw(st.one_of(st.none(), real_text))
    review_by = draw(st.one_of(st.none(), later_dates))
    clearable = [name for name in ("guidance", "review_by") if name in flag]
    clear = frozenset(draw(st.sets(st.sampled_from(clearable), max_size=1)) if clearable else ())
    if clear & {"guidance"}:
        guidance = None
    if clear & {"review_by"}:
        review_by = None
    if reason is None and guidance is None and review_by is None and not clear:
        reason = draw(real_text)
    return EditFlag(flag["type"], flag["created"], reason, guidance, review_by, clear), index


def _wanted(written: Written, change: FlagChange, index: int | None) -> list[dict[str, Any]]:
    flags = [dict(flag) for flag in written.flags]
    if isinstance(change, AddFlag):
        new = {name: getattr(change, name) for name in ("type", "reason", "guidance", "created", "created_by", "review_by")}
        flags.append({name: value for name, value in new.items() if value is not None})
    elif isinstance(change, RemoveFlag):
        assert index is not None
        del flags[index]
    else:
        assert index is not None
        for name in ("reason", "guidance", "review_by"):
            if getattr(change, name) is not None:
                flags[index][name] = getattr(change, name)
        for name in change.clear:
            flags[index].pop(name, None)
    return flags


def _may_change(written: Written, change: FlagChange, index: int | None) -> set[int]:
    """The original lines a change may rewrite or remove."""
    if isinstance(change, AddFlag):
        return {len(written.lines) - 1} | {number for number, line in enumerate(written.lines) if line.startswith("flags:")}
    assert index is not None
    if isinstance(change, RemoveFlag):
        lines = set(written.flag_lines[index]) | set(range(written.flag_lines[index].start, written.flag_lines[index].stop))
        if len(written.flags) == 1:
            lines |= {number for number, line in enumerate(written.lines) if line.startswith("flags:")}
        return lines
    spans = written.field_lines[index]
    flag = written.flags[index]
    touched = {name for name in ("reason", "guidance", "review_by") if getattr(change, name) not in (None, flag.get(name))}
    return {number for name in touched | set(change.clear) if name in spans for number in spans[name]}


def assert_only_changed(written: Written, new_text: str, may_change: set[int]) -> None:
    old, new = written.lines, new_text.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, old_start, old_end, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            stray = [number for number in range(old_start, old_end) if number not in may_change]
            assert not stray, f"lines not asked to change were changed: {[old[n] for n in stray]}\n--- new:\n{new_text}"


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_flag_change_touches_only_its_own_lines(data: st.DataObject) -> None:
    written = data.draw(customer_file())
    assume(not _errors(written.text))  # a file the commands would refuse to edit is not what this is about
    assert _flags_read(written.text) == written.flags  # the generator wrote what it meant
    change, index = data.draw(change_of(written))
    new_text = apply_change(written.text, PATH, "C-10042", change)
    assert_only_changed(written, new_text, _may_change(written, change, index))
    assert _errors(new_text) == []
    assert _flags_read(new_text) == _wanted(written, change, index)
    if isinstance(change, EditFlag):  # the newly written value keeps to one line
        assert len(new_text.splitlines()) <= len(written.lines) + 2


def test_a_reason_with_a_comma_stays_as_written_when_the_guidance_changes() -> None:
    text = (
        "id: C-10042\nname: Dana\nflags:\n  - type: alert\n    reason: Moved, then moved again   # twice\n"
        "    guidance: 'Ask for the new address'\n    created: 2026-01-05\n    created_by: kim\n"
    )
    new = apply_change(text, PATH, "C-10042", EditFlag("alert", guidance="Ask, then confirm: by mail"))
    assert new == text.replace("'Ask for the new address'", "'Ask, then confirm: by mail'")


# --- The commands themselves, on a real repository.

def _repo(root: Path, text: str) -> Path:
    path = root / PATH
    path.parent.mkdir(parents=True)
    path.write_bytes(text.encode("utf-8"))
    rules = {rule.code: {"enabled": False} for rule in all_rules()}  # what a note should say is not what is tested here
    (root / "flagsite.yaml").write_text(yaml.safe_dump({"policy": {"rules": rules}}))
    return path


def _argv(change: FlagChange) -> list[str]:
    if isinstance(change, AddFlag):
        args = ["flag", "add", "C-10042", "--type", change.type, "--reason", change.reason, "--by", change.created_by, "--created", str(change.created)]
        args += ["--guidance", change.guidance] if change.guidance else []
        return args + (["--review-by", str(change.review_by)] if change.review_by else [])
    if isinstance(change, RemoveFlag):
        return ["flag", "remove", "C-10042", "--type", change.type, "--created", str(change.created)]
    args = ["flag", "edit", "C-10042", "--type", change.type, "--created", str(change.created)]
    for name in ("reason", "guidance", "review_by"):
        if getattr(change, name) is not None:
            args += [f"--{name.replace('_', '-')}", str(getattr(change, name))]
    return args + [f"--clear-{name.replace('_', '-')}" for name in sorted(change.clear)]


def _bulk_csv(path: Path, change: FlagChange) -> None:
    row = {"action": "add" if isinstance(change, AddFlag) else "remove" if isinstance(change, RemoveFlag) else "edit",
           "customer": "C-10042", "type": change.type, "created": str(change.created or "")}
    for name in ("reason", "guidance", "review_by", "created_by"):
        value = getattr(change, name, None)
        row[name] = "" if value is None else str(value)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)


def _no_surrounding_spaces(change: FlagChange) -> bool:
    # A CSV cell is read without its surrounding spaces; the command line keeps them.
    return all(value == value.strip() for value in (getattr(change, name, None) for name in ("reason", "guidance")) if isinstance(value, str))


@settings(max_examples=examples(25), suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data(), st.booleans())
def test_the_commands_touch_only_what_they_change(tmp_path_factory: Any, run: Callable[..., Result], data: st.DataObject, bulk: bool) -> None:
    written = data.draw(customer_file())
    assume(not _errors(written.text))
    change, index = data.draw(change_of(written))
    assume(not isinstance(change, EditFlag) or not change.clear or not bulk)  # a CSV row cannot clear a field
    root = tmp_path_factory.mktemp("records")
    path = _repo(root, written.text)
    if bulk:
        assume(_no_surrounding_spaces(change))
        _bulk_csv(root / "changes.csv", change)
        done = run("--root", str(root), "flag", "bulk", str(root / "changes.csv"))
    else:
        done = run("--root", str(root), *_argv(change))
    assert done.exit_code == 0, done.stdout + done.stderr
    new_text = path.read_bytes().decode("utf-8")
    assert_only_changed(written, new_text, _may_change(written, change, index))
    wanted = _wanted(written, change, index)
    assert _flags_read(new_text) == wanted
    assert run("--root", str(root), "validate").exit_code == 0
    # Writing new files leaves the existing ones as they were.
    assert run("--root", str(root), "note", "new", "C-10042", "--author", "kim", "--at", "2026-06-03T10:00").exit_code in (0, 1)
    assert run("--root", str(root), "customer", "new", "C-20001", "--name", "Dana Erickson").exit_code == 0
    assert path.read_bytes().decode("utf-8") == new_text
