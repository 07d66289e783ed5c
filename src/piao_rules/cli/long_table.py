"""A rich table of thousands of rows, drawn byte for byte as rich's ``Table`` draws it, in a fraction of its time.

rich measures and renders every cell through its generic machinery (padding, measurement, line
splitting): 10,000 indicators take seconds. ``LongTable`` keeps the columns in a real rich
``Table`` and draws the same characters and styles:

- column widths: a column's measure is the largest of its cells' (minimum, maximum), so rich's
  own calculation run on the header and, per column, the cell with the largest minimum and the
  one with the largest maximum gives the widths of the whole table;
- rows: a cell that fits on one line is drawn directly (cached by text and width); a cell
  that wraps, or holds tabs or other unprintable characters, is drawn by rich, as is the header.

Only what the commands use is supported: rich's defaults (box, header, edges, padding, styles,
top alignment, left justification) and text cells with rich markup.
``tests/test_long_table.py`` compares the output with rich's table for random rows and widths.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

PADDING = (0, 1, 0, 1)  # rich's default cell padding: one space left and right


class LongTable:
    """A table of text cells (rich markup allowed) that prints as ``rich.table.Table`` with the same title and columns."""

    def __init__(self, title: str | None = None) -> None:
        self.title = title
        self.headers: list[tuple[str, str]] = []
        self.rows: list[tuple[str, ...]] = []

    def add_column(self, header: str, overflow: str = "fold") -> None:
        self.headers.append((header, overflow))

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)

    def table(self, rows: list[tuple[str, ...]]) -> Table:
        """A rich table with these columns and ``rows``."""
        table = Table(title=self.title)
        for header, overflow in self.headers:
            table.add_column(header, overflow=overflow)  # type: ignore[arg-type]
        for row in rows:
            table.add_row(*row)
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown: dict[str, str] = {}
        texts = [[_plain(console, cell, shown) for cell in row] for row in self.rows]
        spec = self.table(_widest(self.rows, texts, len(self.headers)))
        # rich's private width calculation (Table._calculate_column_widths, Table._extra_width, rich 13-15),
        # called as Table.__rich_console__ calls it; tests/test_long_table.py checks both exist and the output.
        extra = spec._extra_width
        widths = spec._calculate_column_widths(console, options.update_width(options.max_width - extra))
        options = options.update(width=sum(widths) + extra, highlight=spec.highlight, height=None)
        if self.title:
            title = console.render_str(self.title, style=Style.pick_first(spec.title_style, "table.title"), highlight=False)
            yield from console.render(title, options.update(justify=spec.title_justify))
        yield from _Drawing(console, options, spec, widths).segments(self.rows, texts)


def _plain(console: Console, cell: str, shown: dict[str, str]) -> str:
    """The text a cell shows (its markup and emoji codes rendered), as rich measures it."""
    if "[" not in cell and ":" not in cell:
        return cell
    plain = shown.get(cell)
    if plain is None:
        plain = shown[cell] = console.render_str(cell, highlight=False).plain
    return plain


def _measure(plain: str) -> tuple[int, int]:
    """rich's measure of a text (``Text.__rich_measure__``): its longest word and its longest line, normalised."""
    words = plain.split()
    if plain.isascii() and plain.isprintable():  # one line, one cell a character
        return max(map(len, words), default=len(plain)), len(plain)
    lines = plain.splitlines()
    longest = max(cell_len(line) for line in lines) if lines else 0
    return min(max(cell_len(word) for word in words) if words else longest, longest), longest


def _widest(rows: list[tuple[str, ...]], texts: list[list[str]], count: int) -> list[tuple[str, ...]]:
    """Two rows holding, per column, the cell with the largest minimum width and the one with the largest maximum."""
    if not rows:
        return []
    narrow, wide = [0] * count, [0] * count
    least, most = [-1] * count, [-1] * count
    measures: dict[str, tuple[int, int]] = {}
    for index, row in enumerate(texts):
        for column, plain in enumerate(row):
            measure = measures.get(plain)
            if measure is None:
                measure = measures[plain] = _measure(plain)
            if measure[0] > least[column]:
                least[column], narrow[column] = measure[0], index
            if measure[1] > most[column]:
                most[column], wide[column] = measure[1], index
    return [tuple(rows[narrow[c]][c] for c in range(count)), tuple(rows[wide[c]][c] for c in range(count))]


class _Drawing:
    """The rows of a table with known column widths, as ``Table._render`` draws them.

    Unstyled segments next to each other are drawn as one: the console writes an unstyled
    segment's text as it is, so the output is the same, and it handles far fewer segments.
    """

    def __init__(self, console: Console, options: ConsoleOptions, spec: Table, widths: list[int]) -> None:
        self.console, self.spec, self.widths = console, spec, widths
        self.options = [options.update(width=width, justify=column.justify, no_wrap=column.no_wrap, overflow=column.overflow,
                                       height=None, highlight=column.highlight) for width, column in zip(widths, spec.columns)]
        self.border = console.get_style(spec.style or "") + console.get_style(spec.border_style or "")
        safe = console.safe_box if spec.safe_box is None else spec.safe_box
        self.box = spec.box.substitute(options, safe=safe) if spec.box else None
        self.fitting: dict[tuple[str, int], list[Segment]] = {}

    def segments(self, rows: list[tuple[str, ...]], texts: list[list[str]]) -> RenderResult:
        box, border, widths, new_line = self.box, self.border, self.widths, Segment.line()
        assert box is not None and self.spec.show_header and self.spec.show_edge
        yield Segment(box.get_top(widths), border)
        yield new_line
        yield from self.row(self.header(), self.edges(box.head_left, box.head_right, box.head_vertical))
        yield Segment(box.get_row(widths, "head", edge=True), border)
        yield new_line
        middle = self.edges(box.mid_left, box.mid_right, box.mid_vertical)
        foot = self.edges(box.foot_left, box.foot_right, box.foot_vertical)
        last = len(rows) - 1
        for index, (row, plain) in enumerate(zip(rows, texts)):
            yield from self.row(self.cells(row, plain), middle if index < last else foot)
        yield Segment(box.get_bottom(widths), border)
        yield new_line

    def edges(self, left: str, right: str, divider: str) -> tuple[Segment, Segment, Segment]:
        return Segment(left, self.border), Segment(right, self.border), Segment(divider, self.border)

    def header(self) -> list[list[list[Segment]]]:
        get_style = self.console.get_style
        styles = [get_style(self.spec.header_style or "") + get_style(column.header_style) for column in self.spec.columns]
        cells = [self.console.render_lines(Padding(column.header, PADDING), options, style=style)
                 for column, options, style in zip(self.spec.columns, self.options, styles)]
        return _shaped(cells, self.widths, max(len(cell) for cell in cells), styles, Segment.align_bottom)

    def cells(self, row: tuple[str, ...], texts: list[str]) -> list[list[list[Segment]]]:
        cells = []
        for cell, plain, width, options in zip(row, texts, self.widths, self.options):
            room = width - 2
            if plain is cell and 0 < room and len(plain) <= room and plain.isascii() and plain.isprintable():
                cells.append([[Segment(f" {plain}{' ' * (room - len(plain))} ")]])  # no markup, fits: the padded text
                continue
            line = self.fitting.get((cell, width)) or self.fit(cell, plain, room)
            cells.append([line] if line else self.console.render_lines(Padding(cell, PADDING), options, style=Style.null()))
        heights = {len(cell) for cell in cells}
        if heights == {1}:
            return cells
        return _shaped(cells, self.widths, max(heights), [Style.null()] * len(cells), Segment.align_top)

    def fit(self, cell: str, plain: str, room: int) -> list[Segment] | None:
        """The one line of a cell that fits its column (as rich draws it; kept if the cell has markup), or None if it must wrap."""
        if room < 1 or not plain.isprintable():
            return None
        size = cell_len(plain)
        if size > room:
            return None
        if plain is cell:  # no markup: the padded text, unstyled
            return [Segment(f" {plain}{' ' * (room - size)} ")]
        # as Text.__rich_console__ and Padding draw a line that fits, left-justified
        text = self.console.render_str(cell, highlight=False)
        text.truncate(room, pad=True)
        edge = Segment(" ", Style.null())
        inner = next(iter(Segment.split_and_crop_lines(Text("\n").join([text]).render(self.console), room, pad=True)))
        line = self.fitting[(cell, room + 2)] = _merged([edge, *inner, edge])
        return line

    def row(self, cells: list[list[list[Segment]]], edges: tuple[Segment, Segment, Segment]) -> RenderResult:
        left, right, divider = edges
        new_line = Segment.line()
        for number in range(len(cells[0])):
            line = [left]
            for index, cell in enumerate(cells):
                if index:
                    line.append(divider)
                line += cell[number]
            line.append(right)
            yield from _merged(line)
            yield new_line


def _shaped(cells: list[list[list[Segment]]], widths: list[int], height: int, styles: list[Style],
            align: Callable[[list[list[Segment]], int, int, Style], list[list[Segment]]]) -> list[list[list[Segment]]]:
    """The cells of a row aligned to its tallest cell, then given its height (at least one line), as rich shapes them."""
    return [Segment.set_shape(align(cell, width, height, style), width, max(1, height))
            for cell, width, style in zip(cells, widths, styles)]


def _merged(line: list[Segment]) -> list[Segment]:
    """The segments of a line, those without style (written as they are) joined with their unstyled neighbours."""
    merged: list[Segment] = []
    plain: list[str] = []
    for segment in line:
        if segment.style or segment.control:
            if plain:
                merged.append(Segment("".join(plain)))
                plain = []
            merged.append(segment)
        else:
            plain.append(segment.text)
    if plain:
        merged.append(Segment("".join(plain)))
    return merged
