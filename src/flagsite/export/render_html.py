"""The export as one self-contained HTML page (inline CSS, no scripts) to print or save as PDF.

Every piece of record text goes through ``markupsafe`` escaping: ``Markup.format``
escapes its arguments, so only our own tags are markup.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from .disclose import Audience, Disclosed, Item, Section
from .outline import intro, label, list_headings, scalar, section_title, shown, title, withheld_heading

EXPORT_CSS = Markup("""
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #ccc; margin-top: 2rem; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
dt { font-weight: 600; color: #444; }
dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
ul { margin: .2rem 0; padding-left: 1.2rem; }
.record { break-inside: avoid; page-break-inside: avoid; }
.intro, .none, .why { color: #555; }
.why { margin: 0 0 .3rem; font-style: italic; }
.tag { font-size: .75rem; border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; font-weight: 600; vertical-align: middle; }
.tag-factual { background: #e3f1e5; color: #1d5d2a; }
.tag-internal { background: #fde7e4; color: #8a1f11; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #ddd; padding: .3rem .4rem; vertical-align: top; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
""")


def render_html(disclosed: Disclosed) -> str:
    body = [Markup("<h1>{}</h1>").format(title(disclosed)), record_body(disclosed)]
    body.append(Markup("<h2>{}</h2>").format(withheld_heading(disclosed)))
    body.append(_withheld(disclosed))
    return Markup(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}\n</body>\n</html>\n"
    ).format(title(disclosed), EXPORT_CSS, Markup("\n").join(body))


def record_body(disclosed: Disclosed) -> Markup:
    """The record without its title and manifest: the customer, then each list of records."""
    reviewer = disclosed.audience is Audience.REVIEWER
    body: list[Markup] = [
        Markup('<p class="intro">{}</p>').format(intro(disclosed)),
        Markup("<h2>Customer</h2>"),
        _fields(disclosed.customer.items, reviewer),
    ]
    for key, heading in list_headings(disclosed):
        sections = disclosed.lists.get(key, [])
        body.append(Markup("<h2>{}</h2>").format(heading))
        if not sections:
            body.append(Markup('<p class="none">None.</p>'))
        for index, section in enumerate(sections, 1):
            tag = _tag(section.disclosure.value, section.why) if reviewer and section.why else Markup("")
            why = Markup('<p class="why">{}</p>').format(section.why) if reviewer and section.why else Markup("")
            body.append(
                Markup('<section class="record" data-kind="{}"><h3>{}{}</h3>{}{}</section>').format(
                    section.kind, section_title(section, index, disclosed.labels), tag, why, _fields(section.items, reviewer)
                )
            )
    return Markup("\n").join(body)


def _tag(disclosure: str, why: str = "") -> Markup:
    return Markup('<span class="tag tag-{0}" title="{1}">{0}</span>').format(disclosure, why)


def _fields(items: list[Item], reviewer: bool) -> Markup:
    rows = [
        Markup("<dt>{}{}</dt><dd>{}</dd>").format(label(item.name), _tag(item.disclosure.value) if reviewer else "", _value(item.value, reviewer))
        for item in items
        if shown(item.value)
    ]
    return Markup("<dl>{}</dl>").format(Markup("").join(rows)) if rows else Markup("")


def _value(value: Any, reviewer: bool) -> Markup:
    if isinstance(value, Section):
        return _fields(value.items, reviewer)
    if isinstance(value, list):
        return Markup("<ul>{}</ul>").format(Markup("").join(Markup("<li>{}</li>").format(_value(v, reviewer)) for v in value))
    return escape(scalar(value))


def _withheld(disclosed: Disclosed) -> Markup:
    if not disclosed.withheld:
        return Markup('<p class="none">Nothing was withheld.</p>')
    rows = Markup("").join(
        Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(w.what, w.count, w.why) for w in disclosed.withheld
    )
    return Markup("<table><thead><tr><th>What</th><th>How many</th><th>Why</th></tr></thead><tbody>{}</tbody></table>").format(rows)
