"""The trend chart: each area's degree of achievement over the archived years and now.

One line per area, each with its own marker and its code written at the end of the line
(colour is never the only signal); same drawing conventions as :mod:`chart` (Agg canvas,
DejaVu Sans, no metadata: the same figures give the same PNG bytes).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from piao_rules.documents.chart import _RC, CM, DPI

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
COLOURS = ("#1f3864", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a50021", "#595959")


@dataclass(frozen=True)
class Line:
    label: str  # the area's code, written at the end of its line
    points: list[tuple[str, Decimal | None]]  # (column label, degree 0–100 or None when not measurable)


def degree_by_year(lines: list[Line], columns: list[str], width_cm: float = 16.0) -> bytes:
    """PNG bytes of the chart; ``columns`` are the x labels in order («2021», «2022», «al 30/06/2023»)."""
    with rc_context(_RC):
        figure = Figure(figsize=(width_cm * CM, 8.5 * CM), dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        position = {label: n for n, label in enumerate(columns)}
        for n, line in enumerate(lines):
            known = [(position[x], float(y)) for x, y in line.points if y is not None]
            if not known:
                continue
            xs, ys = zip(*known)
            axes.plot(xs, ys, marker=MARKERS[n % len(MARKERS)], color=COLOURS[n % len(COLOURS)], linewidth=1.2,
                      markersize=5, label=line.label)
            axes.annotate(line.label, (xs[-1], ys[-1]), xytext=(6, 0), textcoords="offset points", va="center",
                          fontsize=7.5, color=COLOURS[n % len(COLOURS)])
        axes.set_xticks(range(len(columns)), columns)
        axes.set_xlim(-0.3, len(columns) - 0.4)
        axes.set_ylim(0, 105)
        axes.set_ylabel("Grado di raggiungimento (%)")
        axes.grid(axis="y", color="#d9d9d9", linewidth=0.5)
        axes.set_axisbelow(True)
        handles, names = axes.get_legend_handles_labels()
        if handles:
            figure.legend(handles, names, loc="outside lower center", ncols=min(len(handles), 5), frameon=False)
        output = io.BytesIO()
        figure.savefig(output, format="png", dpi=DPI, metadata={"Software": None})
    return output.getvalue()
