"""Matplotlib figures as inline PNG <img> tags, rendered on the server: the analytics answer's chart and the Market charts."""
from __future__ import annotations

import base64
import io
import logging
from typing import Any

from app.ui.render import esc

log = logging.getLogger(__name__)
DPI = 144  # rendered at 1.5× the size they are shown at, so they stay sharp on dense screens
CSS_PX_PER_INCH = 96


def figure_png(figure) -> str:
    """The figure as a data:image/png;base64 URI (Agg, no pyplot)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_html(figure, css_class: str = "aisec-chart") -> str:
    """<figure><img></figure> with the figure's title as escaped alt text."""
    title = next((axes.get_title() for axes in figure.axes if axes.get_title()), "chart")
    width = round(figure.get_figwidth() * CSS_PX_PER_INCH)  # every chart at the same scale, so their text matches
    return (f'<figure class="{css_class}"><img src="{figure_png(figure)}" style="width: {width}px" '
            f'alt="{esc("Chart: " + title)}"></figure>')


def answer_chart_html(answer: dict[str, Any]) -> str:
    """The chart under an analytics answer (Answer.to_dict()), or "" for passage answers and figures with nothing to plot."""
    if answer.get("route") != "analytics" or answer.get("abstained") or not answer.get("data"):
        return ""
    from app.analytics.chart import answer_chart

    try:
        figure = answer_chart(answer["data"])
        return figure_html(figure) if figure is not None else ""
    except Exception:  # a chart is a bonus: the answer's text already has the numbers
        log.exception("could not draw the chart for %r", answer.get("question"))
        return ""
