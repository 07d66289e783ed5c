"""Build the gallery of hostile and broken inputs in tests/gallery/file/ (run it again after changing it).

    PYTHONPATH=src python tests/gallery/crea_galleria.py

Every input is derived from a small valid file of its kind: truncated, emptied,
re-encoded, with wrong types, huge values, keys repeated or missing. The
expected messages are in tests/gallery/attesi.yaml (written by hand).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

from docx import Document

from piao_rules.io import load_plan, write_plan
from tests.io_helpers import replace_part
from tests.roundtrip_helpers import columns, fill

HERE = Path(__file__).resolve().parent
OUT = HERE / "file"
ROOT = HERE.parents[1]

PLAN_YAML = """\
ente: {nome: Camera di commercio di Valle Alta}
anno: 2023
aree:
  - codice: A1
    nome: Competitività
    obiettivi:
      - codice: OP1
        nome: Digitalizzazione delle imprese
        responsabile: UFFICIO PID
        indicatori:
          - codice: K1
            nome: Imprese assistite
            target: ≥ 150
            peso: 60
          - codice: K2
            nome: Soddisfazione degli utenti (qualità)
            target: ≥ 70%
            peso: 40
"""

MEASURES_CSV = """\
codice;data;valore;nota
K1;30/06/2023;64;Due eventi rinviati a settembre.
K2;30/06/2023;82,5%;Indagine di qualità
"""

MEASURES_YAML = """\
data: 30/06/2023
misure:
  - codice: K1
    valore: 64
  - codice: K2
    valore: 82,5%
"""

RULES = (ROOT / "rules" / "stato.yaml").read_text(encoding="utf-8")

MAPPING = """\
colonne:
  codice: codice
  indicatore: nome
  target: target
  obiettivo_codice: obiettivo_codice
  obiettivo: obiettivo_nome
"""

JOURNAL = (
    '{"tipo": "decisione", "id": "K1/azione_correttiva", "esito": "azione_correttiva", "nota": "Recupero nel II semestre", '
    '"chi": "Controllo di gestione", "quando": "2023-07-10T10:00:00", "al": "2023-06-30", "anno": 2023, '
    '"segnalazione": "azione_correttiva", "oggetto": "K1", "gravita": "media", "motivo": "Sotto l\'andamento atteso"}\n'
)


def text(name: str, content: str | bytes) -> None:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    assert data != (OUT / "piano.csv").read_bytes() if (OUT / "piano.csv").exists() else True
    (OUT / name).write_bytes(data)


def docx_bytes(build) -> bytes:
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir()
    text("piano.yaml", PLAN_YAML)
    text("misure.csv", MEASURES_CSV)

    # the plan, in YAML
    text("piano-vuoto.yaml", "")
    text("piano-troncato.yaml", PLAN_YAML[: PLAN_YAML.index("target: ≥ 150") + 11])
    text("piano-troncato-a-meta-riga.yaml", PLAN_YAML[: PLAN_YAML.index("nome: Imprese") + 8] + '"Impr')
    text("piano-latin1.yaml", PLAN_YAML.replace("≥ 150", '">= 150"').replace("≥ 70%", '">= 70%"').encode("latin-1"))
    text("piano-maggiore-senza-virgolette.yaml", PLAN_YAML.replace("≥ 150", ">= 150"))
    text("piano-bom.yaml", b"\xef\xbb\xbf" + PLAN_YAML.encode("utf-8"))
    text("piano-utf16.yaml", PLAN_YAML.encode("utf-16"))
    text("piano-tipi.yaml", PLAN_YAML.replace("anno: 2023", "anno: duemilaventitre").replace("peso: 60", "peso: alto"))
    text("piano-enorme.yaml", PLAN_YAML.replace("anno: 2023", "anno: 99999999999999999999").replace("peso: 60", "peso: 1e300"))
    text("piano-chiave-doppia.yaml", PLAN_YAML.replace("anno: 2023\n", "anno: 2023\nanno: 2024\n"))
    text("piano-chiave-mancante.yaml", PLAN_YAML.replace("            nome: Imprese assistite\n", ""))
    text("piano-elenco.yaml", "- uno\n- due\n")

    # the plan, as a table
    plan, _ = load_plan(OUT / "piano.yaml")
    write_plan(plan, OUT / "piano.csv")
    write_plan(plan, OUT / "piano.xlsx")
    csv_text = (OUT / "piano.csv").read_bytes().decode("utf-8-sig")
    text("piano-tabella-vuota.csv", "")
    text("piano-tabella-troncata.csv", csv_text[: len(csv_text) // 2])
    text("piano-tabella-latin1.csv", csv_text.replace("≥", ">=").encode("cp1252"))
    text("piano-tabella-utf16.csv", csv_text.encode("utf-16"))
    text("piano-tabella-colonna-mancante.csv", csv_text.replace("codice;nome", "codice;titolo", 1))
    text("piano-tabella-colonna-doppia.csv", csv_text.replace("ente;", "ente;ente;", 1))
    text("piano-tabella-peso-enorme.csv", csv_text.replace(";60\r\n", ";600000000000000000000\r\n", 1).replace(";60\n", ";600000000000000000000\n", 1))
    xlsx = (OUT / "piano.xlsx").read_bytes()
    text("piano-vuoto.xlsx", b"")
    text("piano-troncato.xlsx", xlsx[: len(xlsx) // 2])
    text("piano-testo.xlsx", PLAN_YAML)
    text("piano-zip-bomb.xlsx", replace_part(xlsx, "xl/workbook.xml", b" " * (300 * 2**20)))

    # the measures
    text("misure-vuote.csv", "")
    text("misure-solo-intestazione.csv", MEASURES_CSV.splitlines()[0] + "\n")
    text("misure-troncate.csv", MEASURES_CSV[: MEASURES_CSV.index("82,5")] + "8")
    text("misure-latin1.csv", MEASURES_CSV.encode("cp1252"))
    text("misure-bom.csv", b"\xef\xbb\xbf" + MEASURES_CSV.encode("utf-8"))
    text("misure-utf16.csv", MEASURES_CSV.encode("utf-16"))
    text("misure-tipi.csv", MEASURES_CSV.replace(";64;", ";circa sessanta;"))
    text("misure-data-impossibile.csv", MEASURES_CSV.replace("K1;30/06/2023", "K1;30/16/2023"))
    text("misure-enormi.csv", MEASURES_CSV.replace(";64;", ";" + "9" * 40 + ";"))
    text("misure-codice-sconosciuto.csv", MEASURES_CSV.replace("K2;", "K9;"))
    text("misure-doppie.csv", MEASURES_CSV + "K1;30/06/2023;70;\n")
    text("misure-chiave-doppia.yaml", MEASURES_YAML.replace("    valore: 64\n", "    valore: 64\n    valore: 65\n"))
    text("misure-tipi.yaml", "data: 30/06/2023\nmisure: tante\n")
    text("misure-chiave-mancante.yaml", MEASURES_YAML.replace("  - codice: K1\n    valore: 64\n", "  - valore: 64\n"))

    # the review journal
    text("giornale.jsonl", JOURNAL)
    text("giornale-troncato.jsonl", JOURNAL[: len(JOURNAL) // 2])
    text("giornale-esito-sconosciuto.jsonl", JOURNAL.replace('"esito": "azione_correttiva"', '"esito": "forse"'))
    text("giornale-latin1.jsonl", JOURNAL.replace("Recupero", "Attività").encode("latin-1"))
    text("giornale-tipi.jsonl", '["non", "è", "una", "decisione"]\n')

    # the rules
    for name, content in {
        "regole-vuote": "",
        "regole-troncate": RULES[: len(RULES) // 2].rsplit("\n", 3)[0] + "\n    se: {grado: {\">=\"",
        "regole-campo-sconosciuto": RULES.replace("grado: {\">=\": 100}", "gradoo: {\">=\": 100}"),
        "regole-operatore": RULES.replace("grado: {\">=\": 100}", "grado: {\"=>\": 100}"),
        "regole-parametro": RULES.replace("$soglia_a_rischio}", "$soglia_rischio}", 1),
        "regole-id-doppio": RULES.replace("id: ST12", "id: ST11"),
        "regole-stato-sconosciuto": RULES.replace("stato: raggiunto\n\n  - id: ST02", "stato: quasi\n\n  - id: ST02"),
        "regole-latin1": RULES,
    }.items():
        folder = OUT / name
        folder.mkdir()
        data = content.encode("latin-1", errors="replace") if name.endswith("latin1") else content.encode("utf-8")
        (folder / "stato.yaml").write_bytes(data)

    # the import mapping and the documents to import
    text("mappa-vuota.yaml", "")
    text("mappa-chiave-sconosciuta.yaml", MAPPING.replace("  target: target\n", "  target: target\n  obiettivoo: obiettivo_nome\n"))
    text("mappa.yaml", MAPPING)
    text("mappa-rotta.yaml", MAPPING.replace("colonne:", "colonne: [", 1))
    write_plan(plan, OUT / "export.xlsx")
    document = docx_bytes(lambda d: (d.add_heading("Piano", 1), d.add_table(rows=2, cols=3)))
    text("documento-vuoto.docx", b"")
    text("documento-troncato.docx", document[: len(document) // 2])
    text("documento-testo.docx", PLAN_YAML)
    text("documento-cifrato.docx", bytes.fromhex("D0CF11E0A1B11AE1") + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    text("documento-doc.docx", bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    text("documento-tabella-vuota.docx", document)

    def headless(d):
        table = d.add_table(rows=2, cols=3)
        for cell, value in zip(table.rows[0].cells, ("uno", "due", "tre")):
            cell.text = value

    text("documento-senza-intestazione.docx", docx_bytes(headless))

    # the Word templates
    from piao_rules.documents.templates import export

    for name, old, new in (
        ("modelli-segnaposto-sconosciuto", b"{{ ente }}", b"{{ entee }}"),
        ("modelli-blocco-aperto", b"{{ ente }}", b"{{ ente "),
    ):
        folder = OUT / name
        export(folder)
        annex = (folder / "allegato.docx").read_bytes()
        with zipfile.ZipFile(io.BytesIO(annex)) as archive:
            xml = archive.read("word/document.xml")
        assert old in xml, name
        (folder / "allegato.docx").write_bytes(replace_part(annex, "word/document.xml", xml.replace(old, new, 1)))
    folder = OUT / "modelli-non-docx"
    folder.mkdir()
    (folder / "allegato.docx").write_text("non sono un documento Word", encoding="utf-8")

    bounded_and_kept(plan)


def laughs(levels: int = 9) -> str:
    """«Billion laughs»: each anchor repeats the previous one nine times (10^9 strings once expanded)."""
    lines = ['x-risate-0: &l0 ["ah", "ah", "ah", "ah", "ah", "ah", "ah", "ah", "ah"]']
    lines += [f"x-risate-{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def bounded_and_kept(plan) -> None:
    """Inputs that would make the work endless, a journal with pasted line separators, workbooks to collect."""
    import openpyxl

    from piao_rules.collect import write_templates
    from piao_rules.collect.layout import SHEET

    text("piano-risate.yaml", laughs() + PLAN_YAML)
    text("piano-riferimento-circolare.yaml", PLAN_YAML.replace("responsabile: UFFICIO PID", "responsabile: &r [*r]"))
    text("misure-intestazione-larghissima.csv", ";".join(f"colonna{n}" for n in range(5000)) + "\n" + MEASURES_CSV)
    text("misure-virgoletta-aperta.csv", MEASURES_CSV.replace("Due eventi", '"Due eventi') + "x" * 140_000 + "\n")
    workbook = openpyxl.load_workbook(OUT / "piano.xlsx")
    workbook.worksheets[0]["XFD1048576"] = "x"
    workbook.save(OUT / "piano-cella-lontana.xlsx")
    text("giornale-separatori.jsonl", JOURNAL.replace("Recupero nel II semestre",
                                                      "Recupero\u2028nel II\u2029semestre\u0085\\u000b\\f\\u001c\\u0000"))
    folder = OUT / "raccolta"
    write_templates(plan, date(2023, 6, 30), folder)
    fill(folder / "ufficio-ufficio-pid.xlsx", {"K1": {"Valore": 64}, "K2": {"Valore": 82}})
    broken = openpyxl.load_workbook(folder / "tutti-gli-uffici.xlsx")
    sheet = broken[SHEET]
    sheet.protection.sheet = False
    sheet.delete_cols(columns(sheet)["Fonte"])
    broken.save(folder / "tutti-gli-uffici.xlsx")


if __name__ == "__main__":
    main()
