"""Files that cannot be imported, or only in part: always an Italian message, never a traceback."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import date

import docx
import pytest
from importa_builders import build_alessandria

from piao_rules import safety
from piao_rules.errors import InputError
from piao_rules.importing import Options, import_file


def _png() -> bytes:
    """A 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b"")


def _messages(error: InputError) -> str:
    return "\n".join(str(p) for p in error.problems)


def _document(path, *, image=False, empty=False, unknown=False, good=False):
    document = docx.Document()
    document.add_paragraph("Camera di commercio di Valle Alta")
    if image:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).paragraphs[0].add_run().add_picture(io.BytesIO(_png()))
    if empty:
        document.add_table(rows=3, cols=3)
    if unknown:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Voce", "Importo"
        table.cell(1, 0).text, table.cell(1, 1).text = "Spese", "100"
    if good:
        table = document.add_table(rows=2, cols=3)
        for column, text in enumerate(("Indicatore", "Target 2024", "Peso")):
            table.cell(0, column).text = text
        for column, text in enumerate(("Pratiche evase nei termini", ">= 90%", "100%")):
            table.cell(1, column).text = text
    document.save(path)
    return path


def test_a_document_without_indicator_tables_says_why_each_table_was_left_out(tmp_path):
    path = _document(tmp_path / "vuoto.docx", image=True, empty=True, unknown=True)
    with pytest.raises(InputError) as caught:
        import_file(path)
    text = _messages(caught.value)
    assert "nessun indicatore trovato" in text
    assert "tabella 1: contiene solo immagini" in text
    assert "tabella 2: tabella vuota" in text
    assert "tabella 3: nessuna intestazione riconosciuta" in text and "«Voce | Importo»" in text


def test_bad_tables_beside_a_good_one_are_reported_and_the_rest_is_imported(tmp_path):
    path = _document(tmp_path / "misto.docx", image=True, empty=True, unknown=True, good=True)
    built, report = import_file(path)
    assert [i.name for _, _, i in built.plan.indicators()] == ["Pratiche evase nei termini"]
    assert built.plan.year == 2024 and built.plan.ente.name == "Camera di commercio di Valle Alta"
    tables = [str(n.origin) + ": " + n.message for n in report.of("tabelle")]
    assert any(t.startswith("tabella 1: contiene solo immagini") for t in tables)
    assert any(t.startswith("tabella 3: nessuna intestazione") for t in tables)


def test_missing_year_and_ente_are_asked_for(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indicatore", "Target"
    table.cell(1, 0).text, table.cell(1, 1).text = "Eventi organizzati", "≥ 4"
    document.save(tmp_path / "nudo.docx")
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "nudo.docx")
    text = _messages(caught.value)
    assert "--anno" in text and "--ente" in text
    built, _ = import_file(tmp_path / "nudo.docx", Options(year=2024, ente="Camera di commercio di Valle Alta"))
    assert built.plan.year == 2024


def test_measures_without_a_date_are_not_written_and_the_report_asks_for_it(tmp_path):
    built, report = import_file(build_alessandria(tmp_path / "al.docx"))
    assert built.measures is None
    assert any("--al" in n.message for n in report.of("misure"))
    built, _ = import_file(tmp_path / "al.docx", Options(as_of=date(2020, 9, 30)))
    assert built.measures is not None


def _ole(stream: str) -> bytes:
    return safety.OLE_SIGNATURE + bytes(504) + stream.encode("utf-16-le") + bytes(1024)


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("piano.docx", _ole("EncryptedPackage"), "protetto da password"),
    ("piano.xlsx", _ole("EncryptionInfo"), "protetto da password"),
    ("piano.docx", _ole("WordDocument"), "Word 97-2003 (.doc)"),
    ("piano.doc", _ole("WordDocument"), "Word 97-2003 (.doc)"),
    ("piano.xls", _ole("Workbook"), "Excel 97-2003 (.xls)"),
    ("piano.docx", b"questo non e' un documento", "non è un documento Word .docx valido"),
    ("piano.docx", b"PK\x03\x04" + bytes(40), "danneggiato"),
    ("piano.pdf", b"%PDF-1.4", "i PDF non sono supportati"),
    ("piano.odt", b"PK", "salvare il documento come .docx"),
    ("piano.txt", b"testo", "non è riconosciuta"),
])
def test_unreadable_files_get_an_italian_message(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        import_file(path)
    assert expected in _messages(caught.value)


def test_a_zip_without_the_word_part_is_not_a_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    (tmp_path / "finto.docx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "finto.docx")
    assert "manca la parte word/document.xml" in _messages(caught.value)


def test_a_zip_bomb_is_refused_before_parsing(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/zeros.bin", bytes(8 * 2**20))  # 8 MB that compress to a few KB
    assert len(buffer.getvalue()) < 100_000
    (tmp_path / "bomba.docx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "bomba.docx")
    assert "zip bomb" in _messages(caught.value) and "word/media/zeros.bin" in _messages(caught.value)


def test_too_many_parts_are_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for number in range(safety.MAX_ENTRIES):
            archive.writestr(f"word/parte{number}.xml", "")
    (tmp_path / "tante.docx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "tante.docx")
    assert f"{safety.MAX_ENTRIES + 1} parti" in _messages(caught.value)


def test_a_spreadsheet_zip_bomb_is_refused_too(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(70 * 2**20))
    (tmp_path / "bomba.xlsx").write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "bomba.xlsx")
    assert "potrebbe bloccare il computer" in _messages(caught.value)


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "assente.docx")
    assert "file non trovato" in _messages(caught.value)
    (tmp_path / "vuoto.docx").write_bytes(b"")
    with pytest.raises(InputError) as caught:
        import_file(tmp_path / "vuoto.docx")
    assert "il file è vuoto" in _messages(caught.value)
