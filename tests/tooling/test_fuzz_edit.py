"""Fuzz: the editing commands with hostile values, on real Git repositories.

Each example copies a committed records repository (comments everywhere, a
customer in a grouping folder) and runs one or two of ``flag add``, ``flag
edit``, ``flag remove``, ``flag bulk`` and ``note new`` with generated values:
markup, control and bidi characters, YAML 1.1 words, bytes an argv decodes to
lone surrogates, odd dates, ids and staff names. Whatever the values:

- the command ends with 0, 1 or 2 (never 3, flagsite's own failure) and
  prints no traceback;
- a refused command (1 or 2) leaves every file as it was, and no stray file;
- a command that succeeds leaves a repository ``flagsite validate`` accepts
  (a new note: only its TODO placeholders are reported), and the values given
  are the values read back.

The policy rules are switched off in this repository: what a note should say
is not what is fuzzed here, and a policy finding would hide the others.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from flagsite.edit.state import BACKUP_DIR, JOURNAL_FILE, STAGED_FILE, STATE_DIR
from flagsite.repository import load_repository
from flagsite.rules import all_rules

from ..hostile import examples, hostile_text
from .conftest import CUSTOMER_YAML, NOTE_YAML, Result, git

pytestmark = pytest.mark.fuzz

GROUPED_YAML = """\
id: C-20001
name: Dana Erickson
flags:
  - type: manager   # a comment to keep
    reason: Asked for a manager on every call since May.
    created: 2026-05-02
    created_by: kim
"""
NOTE = "records/customers/C-10042/notes/2026-06-03-refund.yaml"
CUSTOMERS = {"C-10042": "records/customers/C-10042/customer.yaml", "C-20001": "records/customers/wholesale/C-20001/customer.yaml"}
TEMPLATE_FILES = {CUSTOMERS["C-10042"]: CUSTOMER_YAML, NOTE: NOTE_YAML, CUSTOMERS["C-20001"]: GROUPED_YAML}
FLAG_TYPES = ["on-hold", "warning", "manager", "alert", "at-risk", "delight"]
# The run fixture calls main() in this process: these fixtures only set the environment, which holds for every example.
EXAMPLES_SHARE_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz-edit")
    root = base / "template"
    files = {**TEMPLATE_FILES, "flagsite.yaml": yaml.safe_dump({"policy": {"rules": {r.code: {"enabled": False} for r in all_rules()}}})}
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    # Made before the per-test fixtures isolate the environment: no home or Git configuration of the developer's is read.
    env = {**os.environ, "HOME": str(base), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "Test Editor", "GIT_AUTHOR_EMAIL": "editor@example.invalid",
           "GIT_COMMITTER_NAME": "Test Editor", "GIT_COMMITTER_EMAIL": "editor@example.invalid"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "records"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)
    return root


@pytest.fixture
def fresh(template: Path, tmp_path: Path) -> Iterator[Callable[[], Path]]:
    """A new copy of the template repository for each example (examples share the test's tmp_path)."""

    def copy() -> Path:
        target = Path(tempfile.mkdtemp(dir=tmp_path)) / "repo"
        shutil.copytree(template, target, symlinks=True)
        return target

    yield copy


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the repository but Git's and flagsite's edit state (its lock stays; a journal or a backup must not)."""
    state = root / STATE_DIR
    left = [name for name in (JOURNAL_FILE, STAGED_FILE) if (state / name).exists()]
    left += [f"{BACKUP_DIR}/{name}" for name in (os.listdir(state / BACKUP_DIR) if (state / BACKUP_DIR).is_dir() else [])]
    assert not left, f"an edit left its journal behind: {left}"
    files = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", STATE_DIR) or folder != str(root)]
        for name in names:
            path = os.path.join(folder, name)
            files[os.path.relpath(path, root)] = Path(path).read_bytes()
    return files


def mostly(usual: st.SearchStrategy[str], odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Three examples in four take the usual values, so most commands get past their first check."""
    return st.sampled_from([True, True, True, False]).flatmap(lambda take_usual: usual if take_usual else odd)


# Values as a command line gives them: no NUL (an argv cannot hold one), sometimes a byte that is
# not UTF-8, which Python decodes to a lone surrogate.
argv_text = mostly(hostile_text, st.tuples(hostile_text, st.sampled_from(["\udcff", "\udcc3", "\udce9t\udce9"])).map("".join)).map(
    lambda text: text.replace("\x00", ""))
flag_type = mostly(st.sampled_from(FLAG_TYPES), argv_text)
customer_id = mostly(st.sampled_from(sorted(CUSTOMERS)), st.one_of(st.sampled_from(["c-10042", "C-99999", "../C-10042", "C-10042/", ""]), argv_text))
staff = mostly(st.sampled_from(["kim", "j.doe@example.org"]), argv_text)
past = st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 1)).map(str)
date_text = mostly(past, st.one_of(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(str),
                                   st.sampled_from(["2026-02-30", "2026-6-3", "20260603", "tomorrow"]), argv_text))
moment = mostly(st.sampled_from(["2026-06-03T14:12", "2026-06-03T14:12:00-05:00", "2026-06-03"]),
                st.one_of(st.sampled_from(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "2026-06-03T25:00"]), argv_text))


def _option(name: str, values: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), values.map(lambda value: [name, value]))


@st.composite
def flag_command(draw: st.DrawFn) -> list[str]:
    action = draw(st.sampled_from(["add", "add", "edit", "edit", "remove"]))
    args = ["flag", action, draw(customer_id), "--type", draw(flag_type)]
    if action == "add":
        args += ["--reason", draw(argv_text)]
        args += draw(_option("--guidance", argv_text)) + draw(_option("--by", staff)) + draw(_option("--created", date_text))
        args += draw(_option("--review-by", date_text))
    elif action == "edit":
        args += draw(_option("--created", date_text))
        changes = draw(_option("--reason", argv_text)) + draw(_option("--guidance", argv_text)) + draw(_option("--review-by", date_text))
        args += changes or ["--reason", draw(argv_text)]
        args += draw(st.sampled_from([[], [], ["--clear-guidance"], ["--clear-review-by"]]))
    else:
        args += draw(_option("--created", date_text))
    return args


@st.composite
def note_command(draw: st.DrawFn) -> list[str]:
    args = ["note", "new", draw(customer_id)]
    for name, values in (("--reason", argv_text), ("--slug", mostly(st.sampled_from(["refund", "call-back-2"]), argv_text)),
                         ("--channel", mostly(st.just("phone"), argv_text)), ("--contact", argv_text), ("--relationship", argv_text),
                         ("--disposition", mostly(st.just("billing-refund"), argv_text)), ("--author", staff), ("--at", moment)):
        args += draw(_option(name, values))
    return args


cell = st.one_of(hostile_text, st.just(""))
csv_date = mostly(past, st.one_of(st.sampled_from(["2026-02-30", "9999-12-31", "20260603"]), hostile_text))


@st.composite
def bulk_file(draw: st.DrawFn) -> bytes:
    """A CSV of flag changes: hostile cells, sometimes a damaged header or bytes that are not UTF-8."""
    header = ["action", "customer", "type", "reason", "guidance", "review_by", "created", "created_by"]
    if draw(st.integers(0, 9)) == 0:
        header = draw(st.permutations([*header, draw(hostile_text)]))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for _ in range(draw(st.integers(1, 3))):
        customer, existing = draw(st.sampled_from([("C-10042", "on-hold"), ("C-20001", "manager")]))
        action = draw(mostly(st.sampled_from(["add", "add", "edit", "remove"]), hostile_text))
        row = {"action": action, "customer": draw(mostly(st.just(customer), hostile_text)),
               "type": draw(mostly(st.sampled_from(FLAG_TYPES) if action == "add" else st.just(existing), hostile_text)),
               "reason": draw(hostile_text), "guidance": draw(cell), "review_by": draw(mostly(st.just(""), csv_date)),
               "created": draw(mostly(st.just(""), csv_date)), "created_by": draw(mostly(st.sampled_from(["", "kim"]), hostile_text))}
        writer.writerow([row.get(name, draw(cell)) for name in header])
    raw = out.getvalue().encode("utf-8", "surrogateescape")  # a created_by from argv_text may hold a byte that is not UTF-8
    if draw(st.integers(0, 9)) == 0:
        raw += draw(st.sampled_from([b"\xff\xfe", b'add,C-10042,alert,"unclosed\n', b"\x00", b"a,b"]))
    return raw


def _assert_accepted(root: Path, before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """A repository after a successful edit: validate accepts it, bar the placeholders of the notes written since the start."""
    added = after.keys() - before.keys()
    assert len(added) <= 1 and all("/notes/" in path for path in added), f"stray files: {sorted(added)}"
    assert before.keys() <= after.keys(), "a file disappeared"
    new_notes = {path for path in after if "/notes/" in path} - set(TEMPLATE_FILES)
    result = load_repository(str(root))
    # A new note holds TODO (S004) and 'todo' for an unchosen channel and disposition (R007, R006) until a person writes them.
    refused = [f for f in result.findings if f.severity == "error" and not (f.path in new_notes and f.code in ("S004", "R006", "R007"))]
    assert refused == [], "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in refused)


def _given_values(args: list[str]) -> dict[str, str]:
    return {args[i].lstrip("-"): args[i + 1] for i in range(len(args) - 1) if args[i] in ("--reason", "--guidance", "--contact", "--relationship")}


def _assert_values_kept(root: Path, args: list[str], before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """What was given is what the records now say (the model strips surrounding white space)."""
    given_values = _given_values(args)
    if args[:2] in (["flag", "add"], ["flag", "edit"]):
        data = yaml.safe_load(after[CUSTOMERS[args[2]]].decode("utf-8"))
        wanted = {name: value.strip() for name, value in given_values.items() if value.strip()}
        assert any(all(str(flag.get(name)).strip() == value for name, value in wanted.items()) for flag in data.get("flags", [])), wanted
    elif args[:2] == ["note", "new"]:
        (path,) = after.keys() - before.keys()
        data = yaml.safe_load(after[path].decode("utf-8"))
        stored = {"reason": data["reason"], "contact": data["contact"]["name"], "relationship": data["contact"].get("relationship")}
        for name, value in given_values.items():
            if value.strip():
                assert (stored[name] or "").strip() == value.strip(), (name, value, stored[name])


def _check(run: Callable[..., Result], root: Path, args: list[str]) -> Result:
    before = snapshot(root)
    done = run("--root", str(root), *args)
    output = done.stdout + done.stderr
    event(f"{' '.join(args[:2])}: exit {done.exit_code}")
    assert done.exit_code in (0, 1, 2), f"exit {done.exit_code}: {output}"
    assert "Traceback" not in output, output
    after = snapshot(root)
    if done.exit_code != 0:
        assert after == before, f"refused (exit {done.exit_code}) but files changed: {sorted(k for k in after if after.get(k) != before.get(k))}"
        assert output.strip(), "refused without a word"
        return done
    _assert_accepted(root, before, after)
    _assert_values_kept(root, args, before, after)
    return done


@settings(max_examples=examples(60), suppress_health_check=EXAMPLES_SHARE_FIXTURES)
@given(st.lists(st.one_of(flag_command(), note_command()), min_size=1, max_size=2))
def test_flag_and_note_commands_refuse_cleanly_or_write_what_validate_accepts(
    fresh: Callable[[], Path], run: Callable[..., Result], commands: list[list[str]],
) -> None:
    root = fresh()
    for args in commands:
        _check(run, root, args)


# Text a person can type: letters, marks, numbers, punctuation, symbols and spaces of any script; markup included.
typed_text = st.text(st.characters(blacklist_categories=("C", "Zl", "Zp")), min_size=1, max_size=60).filter(str.strip)


@settings(max_examples=examples(30), suppress_health_check=EXAMPLES_SHARE_FIXTURES)
@given(typed_text, st.one_of(st.none(), typed_text), st.sampled_from(["flag", "note"]))
def test_any_typed_text_is_written_and_read_back_unchanged(
    fresh: Callable[[], Path], run: Callable[..., Result], text: str, more: str | None, command: str,
) -> None:
    """Nothing a person can type is refused by the commands' own writing, or changed on the way to the file."""
    root = fresh()
    if command == "flag":
        args = ["flag", "add", "C-20001", "--type", "alert", "--by", "kim", "--created", "2026-06-10", "--reason", text]
        args += ["--guidance", more] if more is not None else []
    else:
        args = ["note", "new", "C-10042", "--author", "kim", "--at", "2026-06-10T10:00", "--reason", text]
        args += ["--contact", more, "--relationship", more] if more is not None else []
    done = _check(run, root, args)
    assert done.exit_code == 0, done.stderr


@settings(max_examples=examples(40), suppress_health_check=EXAMPLES_SHARE_FIXTURES)
@given(bulk_file(), st.booleans())
def test_flag_bulk_applies_every_row_or_writes_nothing(fresh: Callable[[], Path], run: Callable[..., Result], raw: bytes, dry_run: bool) -> None:
    root = fresh()
    csv_path = root.parent / "changes.csv"
    csv_path.write_bytes(raw)
    _check(run, root, ["flag", "bulk", str(csv_path), *(["--dry-run"] if dry_run else [])])
    if dry_run:
        assert not git(root, "status", "--porcelain"), "a dry run wrote"


@settings(max_examples=examples(6), suppress_health_check=EXAMPLES_SHARE_FIXTURES)
@given(st.lists(st.sampled_from([b"\xff", b"\xc3(", b"<script>\xe9", b"\x1b[2J", b"\xe2\x80\xae"]), min_size=1, max_size=3).map(b"".join),
       st.sampled_from(["--reason", "--guidance", "--type"]))
def test_a_real_process_given_bytes_that_are_not_utf8_refuses_or_keeps_them(fresh: Callable[[], Path], raw: bytes, option: str) -> None:
    """The installed command, with an argv no Python string literal can hold (the OS passes bytes)."""
    root = fresh()
    before = snapshot(root)
    values = {"--type": b"alert", "--reason": b"Moved in October.", option: raw}
    # The console script installed beside this Python (the venv's bin/).
    argv = [os.fsencode(os.path.join(os.path.dirname(sys.executable), "flagsite")), b"--root", os.fsencode(root), b"flag", b"add", b"C-10042", b"--by", b"kim"]
    for name, value in values.items():
        argv += [name.encode(), value]
    done = subprocess.run(argv, capture_output=True, timeout=60, check=False)
    output = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode in (0, 1, 2), output
    assert "Traceback" not in output, output
    if done.returncode != 0:
        assert snapshot(root) == before
    else:
        assert load_repository(str(root)).ok


def test_note_new_refuses_a_moment_in_the_future(fresh: Callable[[], Path], run: Callable[..., Result]) -> None:
    root = fresh()
    notes = sorted(p.name for p in (root / "records/customers/C-10042/notes").iterdir())
    done = run("--root", str(root), "note", "new", "C-10042", "--at", "9999-12-31T23:59:59-12:00")
    assert done.exit_code == 1 and " R010 " in done.stderr, done.stderr  # as validate would report the note
    assert sorted(p.name for p in (root / "records/customers/C-10042/notes").iterdir()) == notes
