"""The synthesis chart: indicators by status in each area, as stacked horizontal bars.

Drawn with matplotlib's Agg canvas (no display, no global pyplot state) in the
DejaVu Sans font shipped with matplotlib, and saved without metadata, so the
same figures give the same PNG bytes. Every segment wide enough carries its
count, and the legend names the statuses: colour is never the only signal.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from piao_rules.documents.wording import status_label
from piao_rules.engine.result import Counts, Status

CM = 1 / 2.54
DPI = 200
_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "piao-rules",
}


@dataclass(frozen=True)
class Bar:
    label: str
    counts: Counts


def _text_colour(fill: str) -> str:
    red, green, blue = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 110 else "white"


def _row_major(count: int, columns: int) -> list[int]:
    """Legend entries in reading order (matplotlib fills legend columns first)."""
    rows = -(-count // max(columns, 1))
    return [row * columns + column for column in range(columns) for row in range(rows) if row * columns + column < count]


def status_by_area(bars: list[Bar], fills: dict[Status, str], width_cm: float = 16.0) -> bytes:
    """PNG bytes of the chart; ``fills`` maps each status to its colour (hex RRGGBB)."""
    labels = [textwrap.fill(bar.label, 34).replace("$", r"\$") for bar in bars]  # «$» would start mathtext
    lines = sum(label.count("\n") + 1 for label in labels)
    height_cm = 3.0 + 0.42 * lines + 0.25 * len(bars)
    with rc_context(_RC):
        figure = Figure(figsize=(width_cm * CM, height_cm * CM), dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = list(range(len(bars)))[::-1]
        left = [0] * len(bars)
        longest = max((bar.counts.total for bar in bars), default=0)
        for status in Status:
            values = [getattr(bar.counts, status.value) for bar in bars]
            if not any(values):
                continue
            colour = "#" + fills[status]
            axes.barh(positions, values, left=left, color=colour, edgecolor="#404040", linewidth=0.5,
                      height=0.62, label=status_label(status))
            for y, start, value in zip(positions, left, values):
                if value and value >= max(longest, 1) * 0.045:
                    axes.text(start + value / 2, y, str(value), ha="center", va="center",
                              color=_text_colour(fills[status]), fontsize=7.5)
            left = [a + b for a, b in zip(left, values)]
        for y, total in zip(positions, left):
            axes.text(total + max(longest, 1) * 0.01, y, str(total), ha="left", va="center", color="#404040")
        axes.set_yticks(positions, labels)
        axes.set_xlabel("Numero di indicatori")
        axes.set_xlim(0, max(longest, 1) * 1.08)
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.grid(axis="x", color="#d9d9d9", linewidth=0.5)
        axes.set_axisbelow(True)
        handles, names = axes.get_legend_handles_labels()
        columns = len(handles) if len(handles) <= 4 else 3
        order = _row_major(len(handles), columns)
        figure.legend([handles[i] for i in order], [names[i] for i in order], loc="outside lower center",
                      ncols=max(columns, 1), frameon=False)
        output = io.BytesIO()
        figure.savefig(output, format="png", dpi=DPI, metadata={"Software": None})
    return output.getvalue()
