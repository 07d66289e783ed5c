"""LongTable prints byte for byte what rich's Table prints with the same title, columns and rows."""

from __future__ import annotations

import inspect
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from piao_rules.cli.long_table import LongTable

PIECES = st.sampled_from(list("abcxyzàèéìòù—≥≤%0123456789,./-_()'\"漢字 \t\n\xa0") + [":smile:", ":x:", "  ", "parola"])
WORDS = st.lists(PIECES, max_size=40).map("".join)
CELLS = st.one_of(
    WORDS,
    st.builds(lambda style, text: f"[{style}]{text}[/{style}]", st.sampled_from(["green", "dim", "bold red", "magenta"]), WORDS),
    st.builds(lambda text, style, more: f"{text}[{style}]{more}[/]", WORDS, st.sampled_from(["cyan", "italic"]), WORDS),
    st.sampled_from(["", " ", "K1", "Indicatore generato 1", "n.d.", "100%", "[green]raggiunto (proposto)[/green]"]),
)


def printed(renderable: object, width: int, terminal: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=terminal, color_system="truecolor" if terminal else None,
                      highlight=False)
    console.print(renderable)
    return out.getvalue()


@st.composite
def tables(draw: st.DrawFn) -> LongTable:
    columns = draw(st.integers(1, 8))
    table = LongTable(title=draw(st.one_of(st.none(), st.text(alphabet="abc — ", max_size=90))))
    for header in draw(st.lists(CELLS, min_size=columns, max_size=columns)):
        table.add_column(header, overflow=draw(st.sampled_from(["fold", "ellipsis", "crop"])))
    for row in draw(st.lists(st.lists(CELLS, min_size=columns, max_size=columns), max_size=12)):
        table.add_row(*row)
    return table


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(10, 220), st.booleans())
def test_same_output_as_rich(table: LongTable, width: int, terminal: bool) -> None:
    assert printed(table, width, terminal) == printed(table.table(table.rows), width, terminal)


def test_long_table_of_the_evaluation_shape() -> None:
    """Many rows, a status column with markup, cells that wrap at 80 columns and fit at 200."""
    table = LongTable(title="Camera di commercio di Prova — indicatori al 30 giugno 2023")
    for header in ("Codice", "Indicatore", "Target", "Valore", "Grado", "Stato", "Segnalazioni"):
        table.add_column(header, overflow="fold")
    for n in range(400):
        status = ("[green]raggiunto[/green]", "[yellow]a rischio (proposto)[/yellow]", "[dim]non rilevabile[/dim]")[n % 3]
        table.add_row(f"K{n}", f"Indicatore generato {n}" + " con un nome più lungo" * (n % 4), "≥ 70%" if n % 2 else "entro il 30/06/2023",
                      f"{n % 100}%", "—" if n % 5 else "100%", status, "senza misura, nota da leggere" if n % 7 == 0 else "")
    for width in (80, 200):
        for terminal in (False, True):
            assert printed(table, width, terminal) == printed(table.table(table.rows), width, terminal)


def test_rich_private_width_calculation_is_there() -> None:
    """LongTable calls rich's private Table._calculate_column_widths(console, options) and Table._extra_width
    (rich 13-15): a rich release that renames them fails here first."""
    assert list(inspect.signature(Table._calculate_column_widths).parameters) == ["self", "console", "options"]
    assert isinstance(Table(), Table) and isinstance(Table()._extra_width, int)
