"""The allegato and delibera commands: files written, Italian errors, nothing written on error."""

from __future__ import annotations

from click.testing import CliRunner
from documents_helpers import CUNEO, CUNEO_FILES, read, style_name

from piao_rules.cli import main
from piao_rules.documents import styles

PLAN, MEASURES = (str(p) for p in CUNEO_FILES)
ENTE = str(CUNEO / "ente.yaml")


def run(*arguments: str):
    return CliRunner().invoke(main, list(arguments))


def test_allegato_writes_the_annex(tmp_path):
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--delibera-n", "107",
                 "--delibera-data", "31/07/2023", "--ente", ENTE, "--motore", "interno")
    assert result.exit_code == 0, result.output
    assert f"scritto {output}" in result.output
    texts = [p.text for p in read(output.read_bytes()).paragraphs]
    assert "Allegato alla delibera di Giunta n. 107 del 31 luglio 2023" in texts


def test_delibera_writes_the_deliberation(tmp_path):
    output = tmp_path / "delibera.docx"
    result = run("delibera", PLAN, MEASURES, "--al", "30/06/2023", "--ente", ENTE, "-o", str(output),
                 "--numero", "107", "--seduta", "31/07/2023", "--motore", "interno")
    assert result.exit_code == 0, result.output
    document = read(output.read_bytes())
    assert document.paragraphs[0].text == "DELIBERA N. 107"
    assert sum(style_name(p) == styles.NUMBERED for p in document.paragraphs) == 3
    texts = [p.text for p in document.paragraphs]
    assert sum(t.startswith("Alla Giunta camerale è proposto") for t in texts) == 1  # from the narrative only
    assert any(t.startswith("Il Relatore precisa che") for t in texts)


def test_deliberation_number_needs_its_date(tmp_path):
    result = run("allegato", PLAN, MEASURES, "-o", str(tmp_path / "a.docx"), "--delibera-n", "107")
    assert result.exit_code == 2
    assert "indicare insieme --delibera-n e --delibera-data" in result.output
    assert not (tmp_path / "a.docx").exists()


def test_output_must_be_docx(tmp_path):
    result = run("allegato", PLAN, MEASURES, "-o", str(tmp_path / "a.pdf"))
    assert result.exit_code == 2 and "estensione .docx" in result.output


def test_delibera_requires_the_ente_file(tmp_path):
    result = run("delibera", PLAN, MEASURES, "-o", str(tmp_path / "d.docx"), "--numero", "1", "--seduta", "31/07/2023")
    assert result.exit_code == 2 and "--ente" in result.output


def test_bad_ente_file_is_reported_in_italian(tmp_path):
    ente = tmp_path / "ente.yaml"
    ente.write_text("ente: {nome: Prova}\ngiunta: []\n", encoding="utf-8")
    output = tmp_path / "d.docx"
    result = run("delibera", PLAN, MEASURES, "--ente", str(ente), "-o", str(output), "--numero", "1", "--seduta", "31/07/2023")
    assert result.exit_code == 2
    assert f"{ente}:" in result.output and "segretario_generale" in result.output
    assert "nessun file è stato modificato" in result.output
    assert "Traceback" not in result.output
    assert not output.exists()


def test_help_is_italian():
    result = run("delibera", "--help")
    assert result.exit_code == 0
    assert "Scrive la bozza della delibera di Giunta" in result.output and "[obbligatorio]" in result.output


def _chapter(path, title: str, body: str):
    from docx import Document
    document = Document()
    document.add_heading(title, level=1)
    document.add_paragraph(body)
    document.save(str(path))
    return path


def test_allegato_merges_the_ente_chapters_in_order_before_the_methodology(tmp_path):
    first = _chapter(tmp_path / "soddisfazione.docx", "Soddisfazione degli utenti", "Indagine di customer satisfaction.")
    second = _chapter(tmp_path / "tempi.docx", "Tempi dei procedimenti", "Tempi medi di evasione delle pratiche.")
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--motore", "interno",
                 "--capitolo", str(first), "--capitolo", str(second))
    assert result.exit_code == 0, result.output
    texts = [p.text for p in read(output.read_bytes()).paragraphs]
    satisfaction, times = texts.index("Soddisfazione degli utenti"), texts.index("Tempi dei procedimenti")
    methodology = max(i for i, t in enumerate(texts) if t == "Nota metodologica")
    assert satisfaction < times < methodology
    assert "Tempi medi di evasione delle pratiche." in texts
    assert any("2 capitoli predisposti dagli uffici" in t for t in texts)


def test_missing_chapter_is_an_italian_error_and_nothing_is_written(tmp_path):
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--capitolo", str(tmp_path / "manca.docx"))
    assert result.exit_code == 2
    assert "capitolo non trovato" in result.output and not output.exists()


def test_working_copy_keeps_the_open_questions(tmp_path):
    output = tmp_path / "bozza.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--motore", "interno",
                 "--bozza-di-lavoro")
    assert result.exit_code == 0, result.output
    document = read(output.read_bytes())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "bozza di lavoro" in text and "Questioni aperte" in text
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Chiedere al responsabile il valore" in cells


def test_ente_file_gives_smvp_act_piao_and_oiv_sharing(tmp_path):
    ente = tmp_path / "ente.yaml"
    ente.write_text((CUNEO / "ente.yaml").read_text(encoding="utf-8") + (
        "smvp: {delibera: 12, data: 30/01/2023}\npiao: sì\n"), encoding="utf-8")
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--ente", str(ente),
                 "--motore", "interno")
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in read(output.read_bytes()).paragraphs)
    assert "adottato con delibera di Giunta n. 12 del 30 gennaio 2023" in text
    assert "condiviso con l'Organismo Indipendente di Valutazione" in text


def test_bad_smvp_date_is_located(tmp_path):
    ente = tmp_path / "ente.yaml"
    ente.write_text((CUNEO / "ente.yaml").read_text(encoding="utf-8") + "smvp: {delibera: 12, data: trenta}\n",
                    encoding="utf-8")
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(tmp_path / "a.docx"), "--ente", str(ente))
    assert result.exit_code == 2
    assert "smvp" in result.output and "Traceback" not in result.output


def test_ente_file_lists_chapters_relative_to_itself(tmp_path):
    _chapter(tmp_path / "pari-opportunita.docx", "Pari opportunità e bilancio di genere", "Dati di genere.")
    ente = tmp_path / "ente.yaml"
    ente.write_text((CUNEO / "ente.yaml").read_text(encoding="utf-8") + "capitoli: [pari-opportunita.docx]\n",
                    encoding="utf-8")
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--ente", str(ente),
                 "--motore", "interno")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in read(output.read_bytes()).paragraphs]
    assert "Pari opportunità e bilancio di genere" in texts
    assert any("un capitolo predisposto dagli uffici" in t for t in texts)


def test_pdf_without_libreoffice_says_so_and_writes_nothing(tmp_path, monkeypatch):
    from piao_rules.documents import pdf

    monkeypatch.setattr(pdf, "office", lambda: None)
    output = tmp_path / "allegato.docx"
    result = run("allegato", PLAN, MEASURES, "--al", "30/06/2023", "-o", str(output), "--motore", "interno", "--pdf")
    assert result.exit_code == 2
    assert "LibreOffice non è installato" in result.output and not output.exists()
