"""What the importer reads from a document: paragraphs and tables, in document order.

A Word file, a spreadsheet and a CSV all become a list of :class:`Paragraph` and
:class:`Grid` blocks. A grid keeps, for every cell, whether it continues a cell
merged from the row above (``carried``) or from the column to its left
(``spanned``): the readers of indicator tables rely on both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    text: str
    carried: bool = False  # the same cell as in the row above (vertical merge)
    spanned: bool = False  # the same cell as in the column to the left (horizontal merge)
    image: bool = False  # the cell holds a picture
    paragraphs: tuple[str, ...] = ()  # the cell's paragraphs, when it has more than one

    @property
    def own(self) -> str:
        """The text this cell adds to its row ("" when it repeats a merged cell)."""
        return "" if self.carried or self.spanned else self.text


@dataclass(frozen=True)
class Paragraph:
    text: str
    level: int | None = None  # heading level (1 = Titolo 1), None for body text


@dataclass
class Grid:
    """A table: ``number`` counts the tables of the document from 1."""

    number: int
    rows: list[list[Cell]] = field(default_factory=list)
    sheet: str | None = None  # the sheet name, for spreadsheets
    headed: bool = False  # Word marks the first row as the table's header, repeated on every page
    # row index → the header labels read in that row (see layout.header_row), read once per row
    labels: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def label(self) -> str:
        """«tabella 3» or «foglio Indicatori»."""
        return f"foglio {self.sheet}" if self.sheet else f"tabella {self.number}"


Block = Paragraph | Grid


@dataclass
class Document:
    """The blocks of a document and the facts its properties tell (title, author)."""

    blocks: list[Block]
    title: str = ""

    @property
    def grids(self) -> list[Grid]:
        return [block for block in self.blocks if isinstance(block, Grid)]
