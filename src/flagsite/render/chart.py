"""A bar chart drawn at build time as SVG: no script, no network."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 160
BAR_WIDTH = 320


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css_class: str


def bar_chart(env: Environment, title: str, bars: list[Bar]) -> Markup:
    top = max((bar.value for bar in bars), default=0) or 1
    rows = [
        {"bar": bar, "y": i * (BAR_HEIGHT + GAP), "width": round(BAR_WIDTH * bar.value / top)}
        for i, bar in enumerate(bars)
    ]
    height = max(len(bars) * (BAR_HEIGHT + GAP) - GAP, BAR_HEIGHT)
    svg = env.get_template("chart.svg").render(
        title=title, rows=rows, height=height, label_width=LABEL_WIDTH, bar_width=BAR_WIDTH, bar_height=BAR_HEIGHT
    )
    return Markup(" ".join(svg.split("\n")))
