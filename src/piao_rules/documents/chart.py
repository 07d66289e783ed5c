"""The annex's charts as native Word charts: indicators by status (stacked bars) and
degrees over the years (lines).

A DrawingML chart part with its data in an embedded workbook, so a user changes colours, labels or numbers in
Word («Modifica dati») like any chart they made themselves. python-docx has no
chart API: the parts are written here with lxml and openpyxl. Every bar segment
carries its count, every line its own marker, and the legend names them, so
colour is never the only signal; the drawing has a title and a description
(alt text) that says the same figures in words.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from docx.shared import Cm, Length
from docx.text.run import Run
from lxml import etree

from piao_rules.documents import package, styles
from piao_rules.documents.wording import degree, status_counts, status_label
from piao_rules.engine.result import Counts, Status

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
SHEET = "Dati"
AXIS_TITLE = "Numero di indicatori"
DEGREE_AXIS_TITLE = "Grado di raggiungimento (%)"
MARKERS = ("circle", "square", "triangle", "diamond", "x", "star", "plus", "dash")
LINE_COLOURS = ("1F3864", "C55A11", "548235", "7030A0", "BF9000", "2E75B6", "A50021", "595959")
_CATEGORY_AXIS, _VALUE_AXIS = "500000001", "500000002"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # refused by XML and by xlsx cells


@dataclass(frozen=True)
class Bar:
    label: str
    counts: Counts

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", _CONTROL.sub("", self.label))


@dataclass(frozen=True)
class Line:
    """One area's degree (0–100, None when not measurable) at each column of a line chart."""

    label: str
    points: list[Decimal | None]

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", _CONTROL.sub("", self.label))


def _text_colour(fill: str) -> str:
    red, green, blue = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 110 else "FFFFFF"


def _statuses(bars: list[Bar]) -> list[Status]:
    """The statuses that occur: one series each (an empty series would only crowd the legend)."""
    return [status for status in Status if any(getattr(bar.counts, status.value) for bar in bars)]


def _column(index: int) -> str:
    return chr(ord("A") + index)


def description(bars: list[Bar], by: str = "area") -> str:
    """The bar chart in words (alt text): the counts of each bar (an area, an office: ``by``)."""
    counts = "; ".join(f"{bar.label}: {status_counts(bar.counts)}" for bar in bars)
    return f"Grafico a barre: stato degli indicatori per {by}. {counts}."


def line_description(lines: list[Line], columns: list[str], title: str) -> str:
    """The line chart in words (alt text): each line's degree at every column."""
    points = "; ".join(f"{line.label}: " + ", ".join(
        f"{column} {degree(point)}" for column, point in zip(columns, line.points)) for line in lines)
    return f"Grafico a linee: {title[0].lower()}{title[1:]}. {points}."


def workbook(bars: list[Bar]) -> bytes:
    """The bar chart's data as an xlsx: bars down column A, one column per status."""
    statuses = _statuses(bars)
    return _book(["Area", *(status_label(status) for status in statuses)],
                 [[bar.label, *(getattr(bar.counts, status.value) for status in statuses)] for bar in bars])


def line_workbook(lines: list[Line], columns: list[str]) -> bytes:
    """The line chart's data as an xlsx: columns (years) down column A, one column per line."""
    return _book(["Periodo", *(line.label for line in lines)],
                 [[column, *(None if (point := line.points[n]) is None else float(point) for line in lines)]
                  for n, column in enumerate(columns)])


def _book(header: list[str], rows: list[list]) -> bytes:
    """An xlsx of one sheet: ``header`` then ``rows``, labels in column A kept as text."""
    from openpyxl import Workbook  # here, not at the top: «delibera», which has no chart, starts sooner
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(header)
    for row in rows:
        sheet.append(row)
        sheet.cell(sheet.max_row, 1).data_type = "s"  # a name starting with «=» is not a formula
    sheet.column_dimensions["A"].width = 50
    book.properties.created = book.properties.modified = datetime(1980, 1, 1)  # as the ZIP entries: same bytes
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save_workbook(), which stamps the current time
    return package.normalise_zip(output.getvalue())


def _sub(parent, tag: str, val: str | None = None, **attributes: str):
    child = etree.SubElement(parent, qn(tag))
    if val is not None:
        child.set("val", val)
    for name, value in attributes.items():
        child.set(name, value)
    return child


def _fill(parent, colour: str) -> None:
    _sub(_sub(parent, "a:solidFill"), "a:srgbClr", colour)


def _text_properties(parent, size: int, colour: str | None = None, font: str | None = None) -> None:
    properties = _sub(parent, "c:txPr")
    _sub(properties, "a:bodyPr")
    _sub(properties, "a:lstStyle")
    paragraph = _sub(properties, "a:p")
    run = _sub(_sub(paragraph, "a:pPr"), "a:defRPr", sz=str(size), b="0")
    if colour:
        _fill(run, colour)
    if font:
        _sub(run, "a:latin", typeface=font)
    _sub(paragraph, "a:endParaRPr", lang="it-IT")


def _string_cache(parent, formula: str, texts: list[str]) -> None:
    reference = _sub(parent, "c:strRef")
    _sub(reference, "c:f").text = formula
    cache = _sub(reference, "c:strCache")
    _sub(cache, "c:ptCount", str(len(texts)))
    for index, text in enumerate(texts):
        _sub(_sub(cache, "c:pt", idx=str(index)), "c:v").text = text


def _number_cache(parent, formula: str, numbers: list[int] | list[Decimal | None]) -> None:
    """Cached values of a data range; a missing value (None) has no point: the line shows a gap."""
    reference = _sub(parent, "c:numRef")
    _sub(reference, "c:f").text = formula
    cache = _sub(reference, "c:numCache")
    _sub(cache, "c:formatCode").text = "General"
    _sub(cache, "c:ptCount", str(len(numbers)))
    for index, number in enumerate(numbers):
        if number is not None:
            _sub(_sub(cache, "c:pt", idx=str(index)), "c:v").text = str(number)


def _series(chart, index: int, status: Status, bars: list[Bar], fill: str) -> None:
    column, last = _column(index + 1), len(bars) + 1
    series = _sub(chart, "c:ser")
    _sub(series, "c:idx", str(index))
    _sub(series, "c:order", str(index))
    _string_cache(_sub(series, "c:tx"), f"{SHEET}!${column}$1", [status_label(status)])
    shape = _sub(series, "c:spPr")
    _fill(shape, fill)
    _fill(_sub(shape, "a:ln", w="6350"), "404040")
    _sub(series, "c:invertIfNegative", "0")
    labels = _sub(series, "c:dLbls")
    _sub(labels, "c:numFmt", formatCode="0;;;", sourceLinked="0")  # no label on an empty segment
    label_shape = _sub(labels, "c:spPr")
    _sub(label_shape, "a:noFill")
    _sub(_sub(label_shape, "a:ln"), "a:noFill")
    _text_properties(labels, 800, _text_colour(fill))
    _sub(labels, "c:dLblPos", "ctr")
    for flag, value in (("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"), ("showSerName", "0"),
                        ("showPercent", "0"), ("showBubbleSize", "0")):
        _sub(labels, f"c:{flag}", value)
    _string_cache(_sub(series, "c:cat"), f"{SHEET}!$A$2:$A${last}", [bar.label for bar in bars])
    _number_cache(_sub(series, "c:val"), f"{SHEET}!${column}$2:${column}${last}",
                  [getattr(bar.counts, status.value) for bar in bars])


def _step(longest: int) -> int:
    """A round step (1, 2, 5, 10, 20…) giving at most about eight gridlines."""
    rough = max(longest, 1) / 8
    power = 10 ** max(math.floor(math.log10(rough)), 0) if rough >= 1 else 1
    return next(step * power for step in (1, 2, 5, 10) if step * power >= rough)


def _frame():
    """An empty chart space and its plot area (the caption under the chart is its title)."""
    space = etree.fromstring(f"<c:chartSpace {nsdecls('c', 'a', 'r')}/>")
    _sub(space, "c:date1904", "0")
    _sub(space, "c:lang", "it-IT")
    _sub(space, "c:roundedCorners", "0")
    chart = _sub(space, "c:chart")
    _sub(chart, "c:autoTitleDeleted", "1")
    plot = _sub(chart, "c:plotArea")
    _sub(plot, "c:layout")
    return space, chart, plot


def _axis_title(axis, text: str) -> None:
    title = _sub(axis, "c:title")
    rich = _sub(_sub(title, "c:tx"), "c:rich")
    _sub(rich, "a:bodyPr")
    _sub(rich, "a:lstStyle")
    paragraph = _sub(rich, "a:p")
    _sub(_sub(paragraph, "a:pPr"), "a:defRPr", sz="900", b="0")
    run = _sub(paragraph, "a:r")
    _sub(run, "a:rPr", lang="it-IT", sz="900", b="0")
    _sub(run, "a:t").text = text
    _sub(title, "c:overlay", "0")


def _category_axis(plot, position: str, orientation: str):
    categories = _sub(plot, "c:catAx")
    _sub(categories, "c:axId", _CATEGORY_AXIS)
    _sub(_sub(categories, "c:scaling"), "c:orientation", orientation)
    _sub(categories, "c:delete", "0")
    _sub(categories, "c:axPos", position)
    _sub(categories, "c:numFmt", formatCode="General", sourceLinked="0")
    _sub(categories, "c:majorTickMark", "none")
    _sub(categories, "c:minorTickMark", "none")
    _sub(categories, "c:tickLblPos", "nextTo")
    _sub(categories, "c:crossAx", _VALUE_AXIS)
    _sub(categories, "c:crosses", "autoZero")
    _sub(categories, "c:auto", "1")
    _sub(categories, "c:lblAlgn", "ctr")
    _sub(categories, "c:lblOffset", "100")
    _sub(categories, "c:noMultiLvlLbl", "0")


def _value_axis(plot, position: str, title: str, number_format: str, crosses: str, step: int,
                maximum: int | None = None) -> None:
    values = _sub(plot, "c:valAx")
    _sub(values, "c:axId", _VALUE_AXIS)
    scaling = _sub(values, "c:scaling")
    _sub(scaling, "c:orientation", "minMax")
    if maximum is not None:
        _sub(scaling, "c:max", str(maximum))
    _sub(scaling, "c:min", "0")
    _sub(values, "c:delete", "0")
    _sub(values, "c:axPos", position)
    grid = _sub(_sub(values, "c:majorGridlines"), "c:spPr")
    _fill(_sub(grid, "a:ln", w="6350"), "D9D9D9")
    _axis_title(values, title)
    _sub(values, "c:numFmt", formatCode=number_format, sourceLinked="0")
    _sub(values, "c:majorTickMark", "out")
    _sub(values, "c:minorTickMark", "none")
    _sub(values, "c:tickLblPos", "nextTo")
    _sub(values, "c:crossAx", _CATEGORY_AXIS)
    _sub(values, "c:crosses", crosses)
    _sub(values, "c:crossBetween", "between")
    _sub(values, "c:majorUnit", str(step))


def _finish(space, chart, font: str | None) -> None:
    """Legend at the bottom, gaps for missing values, no frame (the caption sets the figure off)."""
    legend = _sub(chart, "c:legend")
    _sub(legend, "c:legendPos", "b")
    _sub(legend, "c:overlay", "0")
    _sub(chart, "c:plotVisOnly", "1")
    _sub(chart, "c:dispBlanksAs", "gap")
    _sub(_sub(_sub(space, "c:spPr"), "a:ln"), "a:noFill")
    _text_properties(space, 900, font=font)


def chart_space(bars: list[Bar], fills: dict[Status, str], font: str | None = None):
    """The bar chart (c:chartSpace) without its data link, in ``font`` (else the theme's);
    ``fills`` maps each status to its colour (RRGGBB)."""
    space, chart, plot = _frame()
    bar_chart = _sub(plot, "c:barChart")
    _sub(bar_chart, "c:barDir", "bar")
    _sub(bar_chart, "c:grouping", "stacked")
    _sub(bar_chart, "c:varyColors", "0")
    for index, status in enumerate(_statuses(bars)):
        _series(bar_chart, index, status, bars, fills[status])
    _sub(bar_chart, "c:gapWidth", "60")
    _sub(bar_chart, "c:overlap", "100")
    _sub(bar_chart, "c:axId", _CATEGORY_AXIS)
    _sub(bar_chart, "c:axId", _VALUE_AXIS)

    _category_axis(plot, "l", "maxMin")  # first area on top, as in the tables
    # with the areas top-down, the value axis crosses at the maximum: the numbers stay under the bars
    _value_axis(plot, "b", AXIS_TITLE, "0", "max", _step(max((bar.counts.total for bar in bars), default=0)))
    _finish(space, chart, font)
    return space


def line_chart_space(lines: list[Line], columns: list[str], font: str | None = None):
    """The line chart (c:chartSpace) without its data link: one line per area over ``columns``,
    each with its own marker and colour, the degree axis from 0 to 100%."""
    space, chart, plot = _frame()
    line_chart = _sub(plot, "c:lineChart")
    _sub(line_chart, "c:grouping", "standard")
    _sub(line_chart, "c:varyColors", "0")
    last = len(columns) + 1
    for index, line in enumerate(lines):
        column, colour = _column(index + 1), LINE_COLOURS[index % len(LINE_COLOURS)]
        series = _sub(line_chart, "c:ser")
        _sub(series, "c:idx", str(index))
        _sub(series, "c:order", str(index))
        _string_cache(_sub(series, "c:tx"), f"{SHEET}!${column}$1", [line.label])
        _fill(_sub(_sub(series, "c:spPr"), "a:ln", w="19050"), colour)
        marker = _sub(series, "c:marker")
        _sub(marker, "c:symbol", MARKERS[index % len(MARKERS)])
        _sub(marker, "c:size", "6")
        marker_shape = _sub(marker, "c:spPr")
        _fill(marker_shape, colour)
        _fill(_sub(marker_shape, "a:ln"), colour)
        _string_cache(_sub(series, "c:cat"), f"{SHEET}!$A$2:$A${last}", columns)
        _number_cache(_sub(series, "c:val"), f"{SHEET}!${column}$2:${column}${last}", line.points)
        _sub(series, "c:smooth", "0")
    _sub(line_chart, "c:marker", "1")
    _sub(line_chart, "c:axId", _CATEGORY_AXIS)
    _sub(line_chart, "c:axId", _VALUE_AXIS)
    _category_axis(plot, "b", "minMax")
    _value_axis(plot, "l", DEGREE_AXIS_TITLE, "0", "autoZero", 20, maximum=100)
    _finish(space, chart, font)
    return space


def height(bars: list[Bar]) -> Length:
    """Room for the bars, their wrapped labels, the axis and the legend."""
    lines = sum(1 + len(bar.label) // 40 for bar in bars)
    return Cm(3.2 + 0.45 * lines + 0.3 * len(bars))


def add_chart(run: Run, bars: list[Bar], fills: dict[Status, str], width: Length, title: str, by: str = "area") -> None:
    """Put the bar chart in ``run`` as an inline drawing, ``width`` wide, with ``title`` and the alt text,
    in the font of the document's Normal style; each bar is an area or an office (``by``)."""
    space = chart_space(bars, fills, _normal_font(run))
    _embed(run, space, workbook(bars), width, height(bars), title, description(bars, by))


def add_line_chart(run: Run, lines: list[Line], columns: list[str], width: Length, title: str) -> None:
    """Put the line chart in ``run`` as an inline drawing, ``width`` wide, with ``title`` and the alt text."""
    space = line_chart_space(lines, columns, _normal_font(run))
    _embed(run, space, line_workbook(lines, columns), width, Cm(8.5), title,
           line_description(lines, columns, title))


def _normal_font(run: Run) -> str | None:
    """The font of the Normal style of the document holding ``run``."""
    part = run.part
    assert isinstance(part, DocumentPart)  # charts go in a document's body, not in a header or footer
    return part.styles[styles.NORMAL].font.name


def _embed(run: Run, space, data: bytes, width: Length, tall: Length, title: str, descr: str) -> None:
    """The chart part, its embedded workbook and the inline drawing that shows it in ``run``."""
    opc = run.part.package
    book = Part(opc.next_partname("/word/embeddings/Foglio_di_Microsoft_Excel%d.xlsx"), WORKBOOK_TYPE, data, opc)
    chart_part = XmlPart(opc.next_partname("/word/charts/chart%d.xml"), CHART_TYPE, space, opc)
    _sub(_sub(space, "c:externalData", **{qn("r:id"): chart_part.relate_to(book, RT.PACKAGE)}), "c:autoUpdate", "0")
    chart_id = run.part.relate_to(chart_part, RT.CHART)
    shape_id = run.part.next_id
    inline = etree.fromstring(
        f'<wp:inline {nsdecls("wp", "a", "c", "r")} distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(width)}" cy="{int(tall)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Grafico {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id="{chart_id}"/></a:graphicData></a:graphic>'
        "</wp:inline>")
    properties = inline.find(qn("wp:docPr"))
    properties.set("title", title)
    properties.set("descr", descr)
    etree.SubElement(run._r, qn("w:drawing")).append(inline)
