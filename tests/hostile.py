"""Hypothesis strategies for hostile record text, shared by the fuzz tests.

Record files come from people and from other systems: they may hold markup,
template syntax, control and bidi characters, YAML 1.1 surprises, anchors,
tags, runaway nesting or bytes that are not UTF-8. These strategies produce
such values and whole record files built around a valid record, so that the
loader, the checks, the editing commands and the site each meet them.
"""

from __future__ import annotations

import json

import yaml
from hypothesis import settings
from hypothesis import strategies as st

# Pieces of markup and syntax that mean something to HTML, Markdown, Jinja, YAML or a terminal.
MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "</div></section>",
    "<a href=\"javascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "<javascript:alert(1)>", "![i](x)",
    "{: onclick=alert(1) }", "{{ 7*7 }}", "{% raw %}", "{# c #}", "${x}", "<!--", "-->", "<![CDATA[", "&lt;", "&#60;",
    "&amp;", "`code`", "**", "__", "# ", "\n# H\n", "> ", "- ", "1. ", "| a | b |", "---", "===", "\\", "'", '"',
    "<div markdown=\"1\">*x*</div>", " onmouseover=alert(1) ", "javascript:", "data:text/html,<script>", "%3Cscript%3E",
]
# Characters a reader cannot see, or that YAML and terminals treat specially.
INVISIBLE = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b[2J", "\x7f", "\x85", "\r", "\r\n", "\t", "\u00a0",
    "\u200b", "\u200d", "\u2028", "\u2029", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffe", "\U0001f600",
]
# Plain words YAML 1.1 reads as booleans, numbers, dates or null.
YAML11 = ["yes", "No", "on", "OFF", "y", "n", "~", "null", "0x1F", "0o17", "017", "1_000", "1:30", ".inf", "-.NaN",
          "1e3", "2026-01-01", "2026-13-45", "=", "<<", "true", "False"]

hostile_piece = st.sampled_from(MARKUP + INVISIBLE + YAML11)
# Any text but surrogates (they cannot be written as UTF-8 at all) and control
# characters, which come from INVISIBLE often enough: not in nearly every value.
any_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
hostile_text = st.one_of(
    any_text,
    st.lists(st.one_of(hostile_piece, any_text), min_size=1, max_size=6).map("".join),
    st.sampled_from(YAML11),
)


def examples(count: int) -> int:
    """A test's number of examples, scaled by the profile (ci has 100; HYPOTHESIS_PROFILE=deep has 1000)."""
    return max(1, count * settings().max_examples // 100)


# One valid customer.yaml and one valid note, as (key, YAML value text) lines a mutation can change.
CUSTOMER_LINES = [
    ("id", "C-10042"),
    ("name", "Alexander Erickson"),
    ("status", "active"),
    ("contacts", "\n  emails: [alex@example.com]\n  phones: [\"+1 555 0100\"]"),
    ("preferences", "\n  - text: Prefers contact by email.\n    since: 2026-06-03"),
    ("flags", "\n  - type: on-hold\n    reason: Invoices unpaid for more than 60 days.\n    guidance: Take no new orders.\n"
              "    created: 2026-06-03\n    created_by: max\n    review_by: 2026-09-03"),
]
NOTE_LINES = [
    ("at", "2026-06-03T14:12:00-05:00"),
    ("author", "jdoe"),
    ("channel", "phone"),
    ("contact", "\n  name: Alexander Erickson\n  relationship: son of the account holder"),
    ("reason", "Charged after the account was cancelled; asked for a refund."),
    ("resolution", "\n  - Cancelled the account and sent the confirmation."),
    ("disposition", "billing-refund"),
    ("follow_up", "none"),
    ("internal", "Approved by Anna."),
]
TEXT_FIELDS = {"name", "reason", "internal", "author", "channel", "status", "disposition", "id", "follow_up"}
FREE_TEXT_FIELDS = {"name", "reason", "internal"}  # any text fits the schema: hostile values reach the checks


def quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar that any YAML reader reads back exactly."""
    return yaml.safe_dump(value, default_style='"', width=float("inf"), allow_unicode=True).strip()


@st.composite
def scalar_text(draw: st.DrawFn, value: str) -> str:
    """``value`` written as a YAML scalar in one of YAML's styles, correctly or carelessly."""
    style = draw(st.sampled_from(["plain", "single", "double", "literal", "folded", "json"]))
    if style == "plain":
        return value
    if style == "single":
        return "'" + (value.replace("'", "''") if draw(st.booleans()) else value) + "'"
    if style == "double":
        return '"' + value + '"'
    if style == "json":
        return json.dumps(value, ensure_ascii=draw(st.booleans()))
    indent = " " * draw(st.sampled_from([1, 2, 4]))
    return ("|" if style == "literal" else ">") + "\n" + "\n".join(indent + line for line in value.split("\n"))


def _nested(kind: str, depth: int) -> str:
    if kind == "flow":
        return "[" * depth + "x" + "]" * depth
    if kind == "flow-map":
        return "{a: " * depth + "x" + "}" * depth
    return "".join("\n" + "  " * (level + 1) + "- " for level in range(depth)) + "x"


@st.composite
def mutation(draw: st.DrawFn, keys: list[str]) -> str:
    """One hostile line (or block) to put somewhere in a record file."""
    key = draw(st.sampled_from(keys))
    choice = draw(st.integers(0, 12))
    if choice == 0:
        return f"{key}: {draw(scalar_text(draw(hostile_text)))}"  # a duplicate key
    if choice == 1:
        return f"{key}: &a {draw(hostile_text)}\nx_{key}: *a"
    if choice == 2:
        return f"{key}: {draw(st.sampled_from(['!!python/object:os.system', '!!binary', '!custom', '!!str', '!!int', '!<tag:x>']))} 1"
    if choice == 3:
        depth = draw(st.sampled_from([2, 15, 16, 17, 40, 999, 1001, 5000]))
        return f"deep: {_nested(draw(st.sampled_from(['flow', 'flow-map', 'block'])), depth)}"
    if choice == 4:
        return f"{key}: " + "x" * draw(st.sampled_from([1000, 100_000, 1 << 20]))
    if choice == 5:
        return draw(st.sampled_from(["---", f"---\n{key}: x", "...\nx: 1", "%YAML 1.1\n---", "--- !!map", "\t" + key + ": x"]))
    if choice == 6:
        return " " * draw(st.integers(1, 5)) + f"{key}: {draw(hostile_text)}"  # odd indentation
    if choice == 7:
        return f"{draw(hostile_text)}: {draw(hostile_text)}"  # a hostile key
    if choice == 8:
        return f"{key}: {draw(st.sampled_from(YAML11))}"
    if choice == 9:
        return draw(hostile_text)
    if choice == 10:
        return f"{key}:\n  - {draw(hostile_text)}\n  - {{{draw(hostile_text)}: 1}}"
    if choice == 11:
        return f"{key}: [{draw(hostile_text)}, {draw(hostile_text)}]"
    return draw(st.sampled_from(["? [a, b]\n: c", "<<: {x: 1}", "[a]: b", "{a: 1}: b", f"? {key}\n: x", "<<: *a"]))


@st.composite
def record_file(draw: st.DrawFn, lines: list[tuple[str, str]]) -> bytes:
    """A record file: the valid record with hostile values, then (half the time) lines mutated and bytes damaged.

    Undamaged files are well-formed YAML (values quoted by PyYAML's emitter), so they reach
    the models, the checks and the policy rules rather than stop at the loader.
    """
    keys = [key for key, _ in lines]
    damaged = draw(st.booleans())
    out = []
    for key, value in lines:
        if draw(st.integers(0, 3)) == 0 and key in (TEXT_FIELDS if damaged else FREE_TEXT_FIELDS):
            hostile = draw(hostile_text)
            value = draw(scalar_text(hostile)) if damaged else quoted(hostile)
        if draw(st.integers(0, 15)) == 0:
            continue  # a field left out
        out.append(f"{key}: {value}" if not value.startswith("\n") else f"{key}:{value}")
    if not damaged:
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
            extra = f"{quoted(draw(hostile_text))}: {quoted(draw(hostile_text))}"
            out.insert(draw(st.integers(0, len(out))), extra)
        return ("\n".join(out) + "\n").encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        out.insert(draw(st.integers(0, len(out))), draw(mutation(keys)))
    text = "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("\n", "\r\n")
    raw = (b"\xef\xbb\xbf" if draw(st.integers(0, 9)) == 0 else b"") + text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # damaged bytes: not UTF-8, or a NUL
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"])) + raw[at:]
    return raw
