"""The Word templates: where they are, which placeholders they may use, and a checker.

A template is a real .docx with docxtpl/Jinja2 placeholders: ``{{ ente }}`` for a
text, ``{%p if … %}`` / ``{%p for … %}`` for paragraphs shown or repeated, and
``{{p esiti }}`` for the parts piao-rules builds (tables, chart). Users edit the
exported templates in Word; :func:`verify` reports unknown variables, unknown
fields, broken or unbalanced tags and misplaced parts, in Italian, with the text
around the problem.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.sandbox import SandboxedEnvironment

from piao_rules import atomic, safety
from piao_rules.errors import InputError, Problem, Severity
from piao_rules.io.files import read_bytes
from piao_rules.resources import default_templates_dir


@dataclass(frozen=True)
class Variable:
    description: str
    fields: tuple[str, ...] = ()  # attributes of the value, or of each item when it is a list
    part: bool = False  # a generated part, written {{p name }} in a paragraph of its own


@dataclass(frozen=True)
class Kind:
    name: str
    file: str
    title: str
    variables: dict[str, Variable] = field(default_factory=dict)
    expected: tuple[str, ...] = ()  # variables a template should use (warning when it does not)


_PERSON = ("cognome", "nome", "ruolo")

ANNEX = Kind("allegato", "allegato.docx", "Allegato: monitoraggio della performance", {
    "ente": Variable("Denominazione dell'ente («Camera di commercio di Cuneo»)"),
    "ente_breve": Variable("Nome breve dell'ente («CCIAA di Cuneo»); uguale a «ente» se manca"),
    "titolo": Variable("Titolo del documento («Monitoraggio intermedio della performance organizzativa al 30 giugno 2023»)"),
    "piano": Variable("Titolo del piano («Obiettivi di performance organizzativa 2023»); vuoto se manca"),
    "anno": Variable("Anno del piano (2023)"),
    "periodo": Variable("Periodo del piano («2023-2025»); vuoto se manca"),
    "piano_periodo": Variable("Titolo del piano con il periodo, senza ripetere l'anno («Obiettivi 2023 (PIAO 2023-2025)»)"),
    "premessa": Variable("Paragrafi della premessa, composti da anno, piano e file dell'ente, in elenco"),
    "bozza_di_lavoro": Variable("Vero per la copia di lavoro del controllo di gestione (non per la Giunta)"),
    "data": Variable("Data del monitoraggio, «30/06/2023»"),
    "data_lunga": Variable("Data del monitoraggio in lettere, «30 giugno 2023»"),
    "al_data": Variable("La data con la preposizione: «al 30 giugno 2023», «all'8 settembre 2023»"),
    "finale": Variable("Vero per la misurazione di fine anno (31 dicembre)"),
    "delibera_numero": Variable("Numero della delibera di Giunta a cui il documento è allegato; vuoto se non indicato"),
    "delibera_data": Variable("Data della delibera in lettere («31 luglio 2023»); vuota se non indicata"),
    "n_indicatori": Variable("Numero degli indicatori valutati"),
    "n_obiettivi": Variable("Numero degli obiettivi"),
    "n_aree": Variable("Numero delle aree"),
    "grado_ente": Variable("Grado complessivo di raggiungimento dell'ente («64,5%», oppure «n.d.»)"),
    "sintesi_narrativa": Variable("Sintesi in prosa degli esiti; vuota se non disponibile"),
    "sintesi": Variable("Dati di sintesi, tabelle per stato e per area, grafico", part=True),
    "esiti": Variable("Una sezione per area e obiettivo con la tabella degli indicatori", part=True),
    "segnalazioni": Variable("Tabella delle segnalazioni con le azioni correttive proposte", part=True),
    "metodologia": Variable("Le regole di valutazione applicate", part=True),
    "capitoli": Variable("Capitoli aggiuntivi scritti dall'ente (file .docx), nell'ordine dato; vuoto se non ce ne sono",
                         part=True),
}, expected=("ente", "titolo", "premessa", "sintesi", "esiti", "segnalazioni", "metodologia"))

DELIBERATION = Kind("delibera", "delibera.docx", "Delibera di Giunta: presa d'atto del monitoraggio", {
    "ente": Variable("Denominazione dell'ente"),
    "numero": Variable("Numero della delibera"),
    "seduta": Variable("Data della seduta, «31/07/2023»"),
    "seduta_lunga": Variable("Data della seduta in lettere, «31 luglio 2023»"),
    "anno": Variable("Anno del piano"),
    "data": Variable("Data del monitoraggio, «30/06/2023»"),
    "data_lunga": Variable("Data del monitoraggio in lettere, «30 giugno 2023»"),
    "al_data": Variable("La data con la preposizione: «al 30 giugno 2023», «all'8 settembre 2023»"),
    "finale": Variable("Vero per la misurazione di fine anno (31 dicembre)"),
    "presenti": Variable("Componenti della Giunta presenti, in elenco", _PERSON),
    "assenti": Variable("Componenti della Giunta assenti giustificati, in elenco", _PERSON),
    "segretario": Variable("Segretario generale con il titolo («dott.ssa Elena Verdi»)"),
    "segretario_firma": Variable("Nome e cognome del Segretario generale, per le firme"),
    "verbalizzante": Variable("Chi redige il verbale, con la preposizione («dalla dott.ssa Sara Neri»); vuoto se manca"),
    "altri_presenti": Variable("Frase su altre persone presenti; vuota se manca"),
    "relatore": Variable("Relatore («IL SEGRETARIO GENERALE»)"),
    "relazione": Variable("Paragrafi della relazione composti dagli esiti, in elenco"),
    "premesse": Variable("Premesse (UDITA, VISTI, VISTA…), in elenco", ("parola", "testo")),
    "votazione": Variable("Esito della votazione («ALL'UNANIMITA' DEI PRESENTI»)"),
    "dispositivo": Variable("Punti del dispositivo, in elenco, con le eventuali voci", ("testo", "voci")),
    "rimodulazioni": Variable(
        "Proposte di rimodulazione dei target, in elenco",
        ("codice", "indicatore", "obiettivo", "da", "a", "motivazione"),
    ),
    "esecutivo": Variable("Vero se l'atto è immediatamente esecutivo"),
    "sigla": Variable("Sigla dell'estensore («MN/»)"),
    "presidente": Variable("Nome e cognome del Presidente"),
    "n_indicatori": Variable("Numero degli indicatori valutati"),
    "n_obiettivi": Variable("Numero degli obiettivi"),
    "quanti_indicatori": Variable("«71 indicatori» (oppure «1 indicatore»)"),
    "quanti_obiettivi": Variable("«53 obiettivi» (oppure «1 obiettivo»)"),
    "grado_ente": Variable("Grado complessivo di raggiungimento dell'ente («64,5%», oppure «n.d.»)"),
}, expected=("numero", "seduta", "presenti", "premesse", "dispositivo", "votazione"))

FORM = Kind("scheda", "scheda.docx", "Scheda di valutazione individuale (SMVP)", {
    "ente": Variable("Denominazione dell'ente"),
    "anno": Variable("Anno del piano"),
    "data": Variable("Data dei risultati, «31/12/2023»"),
    "al_data": Variable("La data con la preposizione: «al 31 dicembre 2023»"),
    "finale": Variable("Vero per i risultati di fine anno (31 dicembre)"),
    "riferimento": Variable("Atto che approva il SMVP; vuoto se il file SMVP non lo indica"),
    "nome": Variable("Nome e cognome della persona valutata"),
    "ruolo": Variable("Ruolo («Dirigente», «Elevata Qualificazione»)"),
    "struttura": Variable("Struttura diretta; vuota se manca"),
    "valutatore": Variable("Chi valuta; vuoto se manca"),
    "peso_organizzativa": Variable("Peso della performance organizzativa («60»)"),
    "peso_comportamenti": Variable("Peso dei comportamenti («40»)"),
    "pesi_da": Variable("Da dove vengono i pesi degli obiettivi («dal file SMVP», «dal piano», «pesi uguali …»)"),
    "obiettivi": Variable("Obiettivi assegnati, in elenco", ("codice", "nome", "peso", "grado")),
    "indicatori": Variable("Indicatori degli obiettivi assegnati, in elenco",
                           ("obiettivo", "codice", "nome", "target", "valore", "grado", "stato")),
    "grado_organizzativo": Variable("Media ponderata dei gradi degli obiettivi («85,3%», oppure «n.d.»)"),
    "esclusi": Variable("Obiettivi esclusi dalla media perché non misurabili; vuoto se nessuno"),
    "punti_organizzativa": Variable("Punti della componente organizzativa («51,18», oppure «n.d.»)"),
    "scala_min": Variable("Punteggio minimo dei comportamenti"),
    "scala_max": Variable("Punteggio massimo dei comportamenti"),
    "livelli": Variable("Descrizione dei punteggi della scala, in elenco", ("punteggio", "descrizione")),
    "comportamenti": Variable("Comportamenti da valutare, in elenco", ("codice", "nome", "descrizione", "peso")),
    "formula_comportamenti": Variable("Come il punteggio dei comportamenti diventa punti (dal SMVP); vuota se non indicato"),
}, expected=("nome", "obiettivi", "comportamenti", "punti_organizzativa"))

KINDS = {kind.name: kind for kind in (ANNEX, DELIBERATION, FORM)}


def environment() -> SandboxedEnvironment:
    """The Jinja environment of every template: sandboxed (a template cannot run code), XML-escaped."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def locate(kind: Kind, folder: str | Path | None = None) -> Path:
    """The template file of ``kind``: in ``folder`` when given and present there, else the default."""
    if folder is not None:
        candidate = Path(folder) / kind.file
        if candidate.exists():  # a folder or a pipe there is reported, not skipped
            return candidate
    return default_templates_dir() / kind.file


def export(folder: str | Path, overwrite: bool = False) -> list[Path]:
    """Copy the default templates into ``folder`` with a guide to the placeholders."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS.values():
        destination = target / kind.file
        if destination.exists() and not overwrite:
            raise FileExistsError(destination)
        atomic.write_bytes(destination, (default_templates_dir() / kind.file).read_bytes())
        written.append(destination)
    guide = target / "SEGNAPOSTO.md"
    atomic.write_text(guide, placeholder_guide())
    written.append(guide)
    return written


def placeholder_guide() -> str:
    """The placeholders of every template, in Italian, as Markdown."""
    lines = [
        "# Segnaposto dei modelli Word di piao-rules",
        "",
        "I modelli sono documenti Word con segnaposto: `{{ ente }}` scrive un testo; `{%p if … %}` e",
        (
            "`{%p endif %}` (in paragrafi propri) mostrano un paragrafo solo se vale la condizione; `{%p for x in"
            " elenco %}` … `{%p endfor %}` ripetono i paragrafi tra i due; `{{p esiti }}` (in un paragrafo proprio)"
            " inserisce una parte generata da piao-rules."
        ),
        (
            "Stili, caratteri, colori, logo e testi fissi si cambiano in Word; i colori degli stati sono lo sfondo"
            " degli stili «Stato raggiunto», «Stato in linea»… Dopo le modifiche: `piao-rules modelli --verifica CARTELLA`."
        ),
        "",
    ]
    for kind in KINDS.values():
        lines += [f"## {kind.file} — {kind.title}", "", "| Segnaposto | Contenuto |", "|---|---|"]
        for name, variable in kind.variables.items():
            shown = f"`{{{{p {name} }}}}`" if variable.part else f"`{{{{ {name} }}}}`"
            detail = variable.description
            if variable.fields:
                detail += " — campi: " + ", ".join(f"`{f}`" for f in variable.fields)
            lines.append(f"| {shown} | {detail} |")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------- checking

_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_TAG_TEXT = re.compile(r"<[^>]+>")
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _place(part: str) -> str:
    if part.startswith("word/header"):
        return "intestazione"
    if part.startswith("word/footer"):
        return "piè di pagina"
    return "testo"


def _line_text(lines: list[str], lineno: int | None) -> str:
    if not lineno:
        return ""
    text = _TAG_TEXT.sub("", lines[lineno - 1] if 0 < lineno <= len(lines) else "")
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "…"


def _syntax_message(error: TemplateSyntaxError) -> str:
    message = error.message or ""
    block = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if "unexpected end of template" in message.lower() and block:
        return f"blocco «{{% {block.group(1)} %}}» non chiuso: aggiungere «{{% end{block.group(1)} %}}»"
    unknown = re.search(r"Encountered unknown tag '(\w+)'", message)
    if unknown:
        tag = unknown.group(1)
        if tag.startswith("end") or tag in ("else", "elif"):
            return f"«{{% {tag} %}}» senza il blocco di apertura corrispondente"
        return f"comando «{{% {tag} %}}» sconosciuto"
    if "unexpected '}'" in message or "unexpected '%'" in message or "unexpected char" in message:
        return "parentesi graffe non bilanciate: usare «{{ … }}» oppure «{% … %}»"
    if "expected token" in message:
        return "espressione non valida nel segnaposto"
    return f"segnaposto non valido ({message})"


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (forse «{close[0]}»?)" if close else ""


class _Checker:
    """Walks the Jinja syntax tree of one template part, tracking loop variables."""

    def __init__(self, kind: Kind, file: str, where: str, lines: list[str]):
        self.kind = kind
        self.file = file
        self.where = where
        self.lines = lines
        self.problems: list[Problem] = []
        self.used: set[str] = set()

    def error(self, lineno: int | None, message: str) -> None:
        context = _line_text(self.lines, lineno)
        suffix = f": «{context}»" if context else ""
        self.problems.append(Problem(file=self.file, where=self.where, message=message + suffix))

    def walk(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> None:
        if isinstance(node, nodes.For):
            item_fields = self._fields(node.iter, scope)
            inner = dict(scope)
            targets = [node.target] if isinstance(node.target, nodes.Name) else list(node.target.find_all(nodes.Name))
            for target in targets:
                inner[target.name] = item_fields if len(targets) == 1 else None
            inner["loop"] = None
            for child in [*node.body, *node.else_, *([node.test] if node.test is not None else [])]:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            self.walk(node.node, scope)
            scope[node.target.name] = None
            return
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
            fields = self._lookup(node.node, scope)
            if fields and node.attr not in fields:
                self.error(node.lineno, f"campo «{node.attr}» sconosciuto in «{node.node.name}»"
                                        f"{_suggest(node.attr, list(fields))}; campi ammessi: {', '.join(fields)}")
            return
        if isinstance(node, nodes.Name) and node.ctx == "load":
            self._lookup(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def _fields(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
        """The fields of the items of the list ``node`` (when it is a known variable)."""
        if isinstance(node, nodes.Name):
            return self._lookup(node, scope)
        self.walk(node, scope)
        return None

    def _lookup(self, node: nodes.Name, scope: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
        if node.name in scope:
            return scope[node.name]
        variable = self.kind.variables.get(node.name)
        if variable is None:
            self.error(node.lineno, f"variabile «{node.name}» sconosciuta{_suggest(node.name, list(self.kind.variables))}")
            return None
        self.used.add(node.name)
        return variable.fields or None


def _paragraph_texts(xml: str) -> list[str]:
    """The text of each paragraph (runs joined as Word shows them)."""
    return ["".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", chunk)) for chunk in re.split(r"<w:p[ >]", xml)]


def _check_parts(kind: Kind, file: str, where: str, raw: str, problems: list[Problem]) -> None:
    """Parts ({{p esiti }}) must stand in a paragraph of their own; ordinary values must not use {{p …}}."""
    for text in _paragraph_texts(raw):
        if "{" not in text:
            continue
        for tag in _TAGS.findall(text):
            match = re.fullmatch(r"\{\{\s*(p\s+)?([A-Za-z_]\w*)\s*\}\}", tag.replace("\u00a0", " "))
            if not match:
                continue
            paragraph_form, name = match.group(1) is not None, match.group(2)
            variable = kind.variables.get(name)
            if variable is None:
                continue
            context = " ".join(text.split())[:90]
            if variable.part and not paragraph_form:
                problems.append(Problem(file=file, where=where, message=(
                    f"«{name}» è una parte generata: scriverla come «{{{{p {name} }}}}» in un paragrafo da solo: «{context}»")))
            elif paragraph_form and " ".join(text.split()) != " ".join(tag.split()):
                problems.append(Problem(file=file, where=where, message=(
                    f"«{{{{p {name} }}}}» deve stare da solo nel suo paragrafo (il resto del paragrafo andrebbe perso): «{context}»")))
            elif paragraph_form and not variable.part:
                problems.append(Problem(file=file, where=where, message=(
                    f"«{{{{p {name} }}}}» non è ammesso: scrivere «{{{{ {name} }}}}» (la forma {{{{p …}}}} è solo per "
                    f"le parti generate): «{context}»")))


def verify(path: str | Path, kind: Kind) -> list[Problem]:
    """Every problem of the template at ``path``: errors (it cannot be used) and warnings."""
    path = Path(path)
    file = str(path)
    try:
        data = read_bytes(path)
        archive = zipfile.ZipFile(io.BytesIO(data))
    except InputError as error:
        return list(error.problems)
    except (zipfile.BadZipFile, OSError):
        return [Problem(file=file, message="non è un documento Word (.docx): salvarlo da Word come «Documento di Word»")]
    with archive:
        names = [name for name in archive.namelist() if _PARTS.match(name)]
        if "word/document.xml" not in names:
            return [Problem(file=file, message="non è un documento Word (.docx): manca il testo del documento")]
        try:
            safety.check_package(path, data, "docx", "word/document.xml")  # parts too large to expand
        except InputError as error:
            return list(error.problems)
        helper = DocxTemplate(io.BytesIO(data))
        environment_ = environment()
        problems: list[Problem] = []
        used: set[str] = set()
        for name in sorted(names, key=lambda n: (n != "word/document.xml", n)):
            raw = archive.read(name).decode("utf-8")
            where = _place(name)
            patched = helper.patch_xml(raw)
            text = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)
            lines = text.split("\n")
            _check_parts(kind, file, where, raw, problems)
            try:
                tree = environment_.parse(text)
            except TemplateSyntaxError as error:
                context = _line_text(lines, error.lineno)
                suffix = f": «{context}»" if context else ""
                problems.append(Problem(file=file, where=where, message=_syntax_message(error) + suffix))
                continue
            checker = _Checker(kind, file, where, lines)
            checker.walk(tree, {})
            problems += checker.problems
            used |= checker.used
    for name in kind.expected:
        if name not in used and not any(p.is_error for p in problems):
            shown = f"{{{{p {name} }}}}" if kind.variables[name].part else f"{{{{ {name} }}}}"
            problems.append(Problem(file=file, message=f"il modello non usa «{shown}»: {kind.variables[name].description.lower()} non comparirà",
                                    severity=Severity.WARNING))
    return problems
