"""The export as Markdown: our structure around record text escaped to stay text."""

from __future__ import annotations

from typing import Any

from .disclose import Audience, Disclosed, Item, Section
from .escape import markdown_text as esc
from .outline import intro, label, list_headings, scalar, section_title, shown, title, withheld_heading


def render_markdown(disclosed: Disclosed) -> str:
    reviewer = disclosed.audience is Audience.REVIEWER
    lines = [f"# {esc(title(disclosed))}", "", esc(intro(disclosed)), "", "## Customer", ""]
    lines += _items(disclosed.customer.items, 0, reviewer)
    for key, heading in list_headings(disclosed):
        sections = disclosed.lists.get(key, [])
        lines += ["", f"## {heading}"]
        if not sections:
            lines += ["", "None."]
        for index, section in enumerate(sections, 1):
            tag = f" ({section.disclosure.value}: {esc(section.why)})" if reviewer and section.why else ""
            lines += ["", f"### {esc(section_title(section, index, disclosed.labels))}{tag}", ""]
            lines += _items(section.items, 0, reviewer)
    lines += ["", f"## {esc(withheld_heading(disclosed))}", ""]
    if not disclosed.withheld:
        lines.append("Nothing was withheld.")
    for withheld in disclosed.withheld:
        lines.append(f"- **{esc(withheld.what)}**: {withheld.count} — {esc(withheld.why)}")
    return "\n".join(lines) + "\n"


def _items(items: list[Item], depth: int, reviewer: bool) -> list[str]:
    lines = []
    indent = "    " * depth
    for item in items:
        if not shown(item.value):
            continue
        tag = f" *({item.disclosure.value})*" if reviewer else ""
        head = f"{indent}- **{esc(label(item.name))}**{tag}"
        value = item.value
        if isinstance(value, Section):
            lines.append(head)
            lines += _items(value.items, depth + 1, reviewer)
        elif isinstance(value, list):
            lines.append(head)
            lines += _list(value, depth + 1, reviewer)
        else:
            lines.append(f"{head}: {esc(scalar(value))}")
    return lines


def _list(values: list[Any], depth: int, reviewer: bool) -> list[str]:
    lines = []
    indent = "    " * depth
    for index, value in enumerate(values, 1):
        if isinstance(value, Section):
            # One bullet per record of a list (an amount, a change), nested fields below it.
            lines.append(f"{indent}- {esc(section_title(value, index, {}))}")
            lines += _items(value.items, depth + 1, reviewer)
        else:
            lines.append(f"{indent}- {esc(scalar(value))}")
    return lines
