"""The monitoring annex (allegato): cover, contents, premessa, synthesis with a chart,
one section per area and objective, the flagged deviations and the methodological note.

The fixed text, cover, header and footer come from the template
(``templates_docx/allegato.docx`` or the user's copy); the synthesis, the tables
and the methodology are built here with python-docx on the template's styles and
inserted as docxtpl subdocuments.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from docx import Document as DocxDocument
from docx.document import Document
from docx.shared import Cm, Length
from docx.text.run import Run
from docxcompose.composer import Composer
from docxtpl import DocxTemplate

from piao_rules import annex_labels as labels
from piao_rules import format_it
from piao_rules.documents import (
    chart,
    package,
    render,
    roles,
    styles,
    templates,
    toc,
    wording,
    wordml,
)
from piao_rules.documents.premise import PremiseFacts, is_piao, premise
from piao_rules.documents.wordml import Cell, Para, TableSpec, Text, Writer
from piao_rules.engine import flag_codes
from piao_rules.engine.methodology import BAND_KINDS, sections
from piao_rules.engine.prepare import show_target, show_value
from piao_rules.engine.result import (
    AreaResult,
    Evaluation,
    Flag,
    IndicatorResult,
    ObjectiveResult,
    Status,
)
from piao_rules.engine.rulebook import Rulebook
from piao_rules.gc_pause import gc_paused
from piao_rules.narrative.audience import for_giunta, giunta_action
from piao_rules.narrative.grammar import join
from piao_rules.narrative.history import history_cell
from piao_rules.narrative.model import Narratives
from piao_rules.narrative.summary import KIND_PLURAL, ente_basis, proposed_counts
from piao_rules.resources import default_rules_dir
from piao_rules.targets.markup import clean

DEFAULT_WIDTH = Cm(16.6)
APART = "Riportata a parte: non entra nel grado dell'Ente"


@dataclass(frozen=True)
class Act:
    """The Giunta deliberation an annex is attached to."""

    number: str
    when: date


@dataclass
class AnnexRequest:
    """Everything the annex shows. ``decisions`` maps a flag id to the decision taken on it."""

    evaluation: Evaluation
    rulebook: Rulebook
    narratives: Narratives | None = None
    decisions: Mapping[str, str] = field(default_factory=dict)
    ente: str | None = None
    short_name: str | None = None
    plan_title: str | None = None
    period: str | None = None
    act: Act | None = None
    templates: Path | None = None
    area_trend: Mapping[str, list[tuple[int, Decimal | None]]] = field(default_factory=dict)  # archived years, by area
    facts: PremiseFacts = field(default_factory=PremiseFacts)
    chapters: list[Path] = field(default_factory=list)
    working_copy: bool = False  # the controller's copy: every flag and the open questions, not for the Giunta


@gc_paused()
def build_annex(request: AnnexRequest) -> bytes:
    """The annex as .docx bytes (the same request always gives the same bytes)."""
    path = templates.locate(templates.ANNEX, request.templates)
    template = render.open_template(path, templates.ANNEX, styles.ANNEX_STYLES)
    context = annex_context(request)
    document, rows = render.render(template, path, context, lambda tpl: _Parts(tpl, request).build())
    toc.fill_toc(document)
    finish(document, package.Properties(
        title=_title(request),
        subject=(f"Allegato alla delibera di Giunta n. {request.act.number} del {context['delibera_data']}"
                 if request.act else f"Piano della performance {request.evaluation.year}"),
        author=_ente(request), when=request.evaluation.as_of, keywords="performance; PIAO; monitoraggio",
    ))
    return package.to_bytes(document, rows)


def finish(document: Document, properties: package.Properties) -> None:
    """Language, field update on opening and fixed core properties."""
    package.set_language(document)
    package.ask_to_update_fields(document)
    package.set_properties(document, properties)


def _ente(request: AnnexRequest) -> str:
    return request.ente or request.evaluation.ente


def _title(request: AnnexRequest) -> str:
    title = wording.title(request.evaluation.as_of, request.evaluation.final)
    return f"{title} – bozza di lavoro" if request.working_copy else title


def annex_context(request: AnnexRequest) -> dict[str, object]:
    evaluation = request.evaluation
    ente = _ente(request)
    act = request.act
    return {
        "ente": ente,
        "ente_breve": request.short_name or ente,
        "titolo": _title(request),
        "piano": request.plan_title or "",
        "piano_periodo": wording.plan_and_period(request.plan_title, request.period, is_piao(evaluation.year, request.facts.piao)),
        "premessa": premise(evaluation, replace(request.facts, chapters=len(request.chapters), working_copy=request.working_copy)),
        "bozza_di_lavoro": request.working_copy,
        "anno": evaluation.year,
        "periodo": request.period or "",
        "data": format_it.short_date(evaluation.as_of),
        "data_lunga": format_it.long_date(evaluation.as_of),
        "al_data": wording.al(evaluation.as_of),
        "finale": evaluation.final,
        "delibera_numero": act.number if act else "",
        "delibera_data": format_it.long_date(act.when) if act else "",
        "n_indicatori": evaluation.summary.indicators,
        "n_obiettivi": evaluation.summary.objectives,
        "n_aree": len(evaluation.areas),
        "grado_ente": wording.degree(evaluation.summary.achievement),
        "sintesi_narrativa": request.narratives.summary.strip() if request.narratives else "",
    }


def _cell(text: str, style: str = styles.CELL) -> Cell:
    return Cell([Para.of(text, style)])


def _coded(code: str, name: str) -> Para:
    return Para([Text(code, bold=True), Text(f" {name}")])


class _Parts:
    """Builds the generated parts of one annex on one template."""

    def __init__(self, template: DocxTemplate, request: AnnexRequest):
        self.template = template
        self.request = request
        self.evaluation = request.evaluation
        document = template.get_docx()
        self.widths = wordml.part_widths(document)
        self.status_fill = styles.status_fills(document)
        self.severity_fill = styles.severity_fills(document)
        self.style_ids = Writer.style_ids(document)
        self.tables = 0
        self.figures = 0
        self.indicators = {i.code: i for i in self.evaluation.indicators}
        self.objectives = {o.code: o for o in self.evaluation.objectives}
        self.areas = {a.code: a for a in self.evaluation.areas}
        self.narratives = request.narratives

    def build(self) -> dict[str, object]:
        return {
            "sintesi": self.synthesis(),
            "esiti": self.results(),
            "segnalazioni": self.flags(),
            "metodologia": self.methodology(),
            "capitoli": self.chapters(),
        }

    # -- helpers ------------------------------------------------------------------------------

    def _width(self, part: str) -> Length:
        return self.widths.get(part, DEFAULT_WIDTH)

    def _writer(self) -> Writer:
        return Writer(self.template.new_subdoc(), self.style_ids)

    def _table(self, writer: Writer, part: str, title: str, header: list[str], fractions: list[float], rows: list[list[Cell]]) -> None:
        self.tables += 1
        writer.caption("Tabella", self.tables, title)
        writer.table(TableSpec(header, wordml.scaled(fractions, self._width(part)), rows))

    def _status_cell(self, status: Status, notes: Sequence[str] = ()) -> Cell:
        paragraphs = [Para.of(wording.status_label(status), styles.STATUS_STYLE[status])]
        paragraphs += [Para.of(note, styles.CELL_NOTE) for note in notes]
        return Cell(paragraphs, fill=self.status_fill[status])

    def _narrative(self, writer: Writer, text: str | None) -> None:
        if text:
            writer.paragraphs(text.split("\n"), styles.COMMENT)

    # -- synthesis ----------------------------------------------------------------------------

    def synthesis(self):
        writer = self._writer()
        evaluation, summary = self.evaluation, self.evaluation.summary
        flags = self._shown_flags()
        notes = [weight_statement(evaluation)]
        if summary.achievement is not None:
            notes.append(f"Il grado complessivo di raggiungimento dell'Ente è {ente_basis(evaluation)}.")
        if summary.apart:
            notes.append(apart_statement(evaluation))
        if any(i.status in (Status.NOT_MEASURABLE, Status.TO_ASSESS) for i in evaluation.indicators):
            notes.append("Gli indicatori non rilevabili o da valutare non entrano nelle medie: "
                         "i pesi degli altri sono riproporzionati.")
        writer.paragraphs(notes)
        severity = wording.severity_counts(_severity_counts(flags))
        figures = [
            ("Grado complessivo di raggiungimento dell'Ente", wording.degree(summary.achievement)),
            ("Indicatori valutati", format_it.number(summary.indicators, 0)),
            ("Obiettivi", format_it.number(summary.objectives, 0)),
            ("Aree", format_it.number(len(evaluation.areas), 0)),
            ("Segnalazioni" if self.request.working_copy else "Segnalazioni con proposta di intervento",
             f"{len(flags)} ({severity})" if flags else "nessuna"),
        ]
        if evaluation.final:
            figures += [(band.name, f"{BAND_KINDS[band.kind]}: {wording.degree(band.share)}") for band in summary.bands]
        self._table(writer, "sintesi", "Dati di sintesi", ["Voce", "Valore"], [0.64, 0.36],
                    [[_cell(label), _cell(value, styles.CELL_NUMBER)] for label, value in figures])

        total = summary.counts.total
        proposals = proposed_counts(evaluation)
        rows = []
        for status in Status:
            count = getattr(summary.counts, status.value)
            share = wording.degree(Decimal(count * 100) / total) if total else "n.d."
            k = proposals.get(status, 0)
            notes = [f"di cui {k} {'proposti' if k > 1 else 'proposto'} dalla lettura delle note, da confermare"] if k else []
            rows.append([self._status_cell(status, notes), _cell(str(count), styles.CELL_NUMBER), _cell(share, styles.CELL_NUMBER)])
        rows.append([Cell([Para([Text("Totale", bold=True)])]), _cell(str(total), styles.CELL_NUMBER),
                     _cell("100%" if total else "n.d.", styles.CELL_NUMBER)])
        self._table(writer, "sintesi", "Indicatori per stato", ["Stato", "Indicatori", "Quota"], [0.5, 0.25, 0.25], rows)

        width = min(self._width("sintesi"), Cm(16))
        bars = [chart.Bar(_area_label(area.code, area.name), area.counts) for area in evaluation.areas]
        self._figure(writer, "Stato degli indicatori per area",
                      lambda run, title: chart.add_chart(run, bars, self.status_fill, width, title))

        flags_by_area: dict[str, int] = {}
        for flag in self._shown_flags():
            area = self._area_of(flag)
            if area:
                flags_by_area[area] = flags_by_area.get(area, 0) + 1
        area_rows = [[
            Cell([_coded(area.code, area.name) if area.code != area.name else Para.of(area.name)]
                 + ([Para.of(APART, styles.CELL_NOTE)] if self._apart(area) else [])),
            _cell(str(area.counts.total), styles.CELL_NUMBER),
            _cell(wording.degree(area.achievement), styles.CELL_NUMBER),
            _cell(wording.status_counts(area.counts)),
            _cell(str(flags_by_area.get(area.code, 0)), styles.CELL_NUMBER),
        ] for area in evaluation.areas]
        self._table(writer, "sintesi", "Esiti per area", ["Area", "Indicatori", "Grado", "Stato degli indicatori", "Segnalazioni"],
                    [0.34, 0.12, 0.11, 0.29, 0.14], area_rows)
        offices = [chart.Bar(self._owner(office.owner), office.counts) for office in evaluation.offices]
        self._figure(writer, "Stato degli indicatori per ufficio responsabile", lambda run, title: chart.add_chart(
            run, offices, self.status_fill, width, title, by="ufficio responsabile"))
        if self.request.area_trend:
            self._area_trend(writer, width)
        return writer.document

    def _figure(self, writer: Writer, title: str, draw: Callable[[Run, str], None]) -> None:
        """A chart drawn by ``draw`` in a figure paragraph, then its numbered caption."""
        draw(writer.paragraph("", styles.FIGURE).add_run(), title)
        self.figures += 1
        writer.caption("Figura", self.figures, title, keep_with_next=False)

    def _area_trend(self, writer: Writer, width: Length) -> None:
        """Each area's degree at the end of the archived years, then at this date."""
        evaluation = self.evaluation
        now = str(evaluation.year) if evaluation.final else f"{evaluation.year} {wording.al(evaluation.as_of, long=False)}"
        years = sorted({year for points in self.request.area_trend.values() for year, _ in points})
        lines = [chart.Line(area.code, [dict(self.request.area_trend.get(area.code, [])).get(year) for year in years]
                            + [area.achievement]) for area in evaluation.areas]
        title = "Grado di raggiungimento per area negli anni precedenti (a fine anno)"
        title += "" if evaluation.final else f" e {wording.al(evaluation.as_of)}"
        self._figure(writer, title, lambda run, title: chart.add_line_chart(
            run, lines, [*map(str, years), now], width, title))

    def _apart(self, area: AreaResult) -> bool:
        """True when every objective of the area is reported apart (outside the ente's degree)."""
        return bool(area.objectives) and set(area.objectives) <= set(self.evaluation.summary.apart)

    def _area_of(self, flag: Flag) -> str | None:
        if flag.subject in self.indicators:
            return self.indicators[flag.subject].area
        if flag.subject in self.objectives:
            return self.objectives[flag.subject].area
        return flag.subject if flag.subject in self.areas else None

    # -- results per area and objective -------------------------------------------------------

    def results(self):
        writer = self._writer()
        header = ["Indicatore", "Target", f"Valore {wording.al(self.evaluation.as_of, long=False)}", "Grado", "Stato"]
        for area in self.evaluation.areas:
            writer.paragraph(_area_label(area.code, area.name), styles.HEADING[2])
            writer.paragraph(
                f"Grado di raggiungimento: {wording.degree(area.achievement)} · "
                f"{wording.how_many(area.counts.total, 'indicatore', 'indicatori')}: {wording.status_counts(area.counts)}"
                + (f" · {APART}" if self._apart(area) else ""),
                styles.OBJECTIVE_DATA)
            if self.narratives:
                self._narrative(writer, self.narratives.areas.get(area.code))
            for objective in (o for o in self.evaluation.objectives if o.area == area.code):
                self._objective(writer, objective, header)
        return writer.document

    def _objective(self, writer: Writer, objective: ObjectiveResult, header: list[str]) -> None:
        writer.paragraph(f"{objective.code} – {objective.name}", styles.HEADING[3])
        data = []
        if objective.owner:
            data.append(labels.labelled(labels.OWNER, self._owner(objective.owner)))
        if objective.kind:
            data.append(labels.labelled(labels.KIND, objective.kind.replace("_", " ")))
        if objective.parent:
            data.append(f"{labels.PARENT} {objective.parent}")
        if objective.weight is not None:
            data.append(labels.labelled(labels.WEIGHT, format_it.number(objective.weight)))
        data.append(f"Grado di raggiungimento: {wording.degree(objective.achievement)}")
        if objective.objectives and not objective.indicators:
            data.append("calcolato sugli obiettivi " + ", ".join(objective.objectives))
        writer.paragraph(labels.SEPARATOR.join(data), styles.OBJECTIVE_DATA)
        if objective.indicators:
            rows = [self._indicator_row(self.indicators[code], objective) for code in objective.indicators]
            self._table(writer, "esiti", f"Indicatori dell'obiettivo {objective.code}", header,
                        [0.33, 0.2, 0.245, 0.08, 0.145], rows)
        if self.narratives:
            self._narrative(writer, self.narratives.objectives.get(objective.code))

    def _owner(self, owner: str) -> str:
        """The owner as the plan names it, with the sector heads' title of the plan's year (E.Q. or P.O.)."""
        return roles.with_title([owner], self.evaluation.year, spell_first=False)[0]

    def _indicator_row(self, indicator: IndicatorResult, objective: ObjectiveResult) -> list[Cell]:
        name = [_coded(indicator.code, indicator.name)]
        if indicator.owner and indicator.owner != objective.owner:
            name.append(Para.of(labels.labelled(labels.OWNER, self._owner(indicator.owner)), styles.CELL_NOTE))

        target = [Para.of(show_target(indicator.target) if indicator.target else clean(indicator.target_text or "") or "n.d.")]
        if indicator.threshold is not None:
            target.append(Para.of(labels.labelled(labels.THRESHOLD, show_target(indicator.threshold)), styles.CELL_NOTE))
        if indicator.original_target:
            target.append(Para.of(labels.labelled(labels.ORIGINAL_TARGET, clean(indicator.original_target)), styles.CELL_NOTE))
        measure = indicator.measure
        if measure is not None and measure.proposed_target:
            target.append(Para.of(labels.labelled(labels.PROPOSED_TARGET, clean(measure.proposed_target)), styles.CELL_NOTE))
        if (versus := indicator.against_proposal) is not None:  # side by side until the Giunta decides
            target.append(Para.of(
                f"Con il target proposto: {versus.status.label}{' (proposto)' if versus.proposed else ''}, "
                f"grado {wording.degree(versus.achievement)}", styles.CELL_NOTE))

        value = [Para.of(show_value(measure, indicator.target))]
        if measure is not None and measure.note:
            value.append(Para.of(measure.note, styles.CELL_NOTE))
        expected = indicator.expected
        if expected is not None and expected < 100 and not self.evaluation.final:
            value.append(Para.of(labels.labelled(labels.EXPECTED, f"{format_it.percent(expected, 0)} del target"), styles.CELL_NOTE))
        if past := history_cell(indicator.history):
            value.append(Para.of(f"Anni precedenti: {past}", styles.CELL_NOTE))

        flags = len(indicator.flags)
        notes = [wording.how_many(flags, "segnalazione", "segnalazioni")] if flags else []
        if (adjustment := indicator.adjustment) is not None:
            approved = f" con {adjustment.approved_by}" if adjustment.approved_by else ""
            notes.append(f"{adjustment.effect.label.capitalize()}{approved}")
        return [Cell(name), Cell(target), Cell(value), _cell(wording.degree(indicator.achievement), styles.CELL_NUMBER),
                self._status_cell(indicator.status, notes)]

    # -- flags --------------------------------------------------------------------------------

    def _shown_flags(self) -> list[Flag]:
        """The flags of this audience: every one in the working copy, those asking for an intervention for the Giunta."""
        flags = self.evaluation.flags
        if self.request.working_copy:
            return flags
        return [f for f in flags if for_giunta(f, self.evaluation)]

    def flags(self):
        writer = self._writer()
        decisions = self.request.decisions
        shown = sorted(self._shown_flags(), key=lambda f: -f.severity.rank)
        giunta = [f for f in shown if for_giunta(f, self.evaluation)]
        if not giunta:
            writer.paragraph("Non emergono scostamenti sui quali proporre un intervento.")
        else:
            kinds = {f.code for f in giunta}
            named = [text for code, text in (
                (flag_codes.CORRECTIVE_ACTION, "gli scostamenti per i quali si propone un'azione correttiva"),
                (flag_codes.EXTERNAL_CAUSE, "le cause esterne segnalate dai responsabili"),
                (flag_codes.TARGET_REVISION, "le proposte motivate di rimodulazione dei target"),
            ) if code in kinds]
            intro = f"Sono riportati, in ordine di gravità, {join(named)}."
            if any(decisions.get(f.id) for f in giunta):
                intro += " La colonna «Decisione» riporta quanto stabilito in sede di esame."
            writer.paragraph(intro, styles.NORMAL)
            self._flag_table(writer, giunta, "Segnalazioni e interventi proposti", action=giunta_action)
        if self.request.working_copy:
            open_questions = [f for f in shown if not for_giunta(f, self.evaluation)]
            writer.paragraph("Questioni aperte", styles.HEADING[2])
            if open_questions:
                writer.paragraph("Da chiarire con gli uffici prima di sottoporre l'allegato alla Giunta: dati mancanti, "
                                 "incoerenze, proposte da completare, scadenze vicine.", styles.NORMAL)
                self._flag_table(writer, open_questions, "Questioni aperte da chiarire con gli uffici",
                                 action=lambda flag: flag.action)
            else:
                writer.paragraph("Nessuna questione aperta.", styles.NORMAL)
        return writer.document

    def _flag_table(self, writer: Writer, flags: list[Flag], title: str, action: Callable[[Flag], str]) -> None:
        decisions = self.request.decisions
        with_decisions = any(decisions.get(f.id) for f in flags)
        rows = []
        for flag in flags:
            row = [
                Cell(self._subject(flag)),
                _cell(wording.flag_label(flag.code)),
                Cell([Para.of(flag.severity.value.capitalize(), styles.SEVERITY_STYLE[flag.severity])],
                     fill=self.severity_fill[flag.severity]),
                _cell(flag.reason),
                _cell(action(flag)),
            ]
            if with_decisions:
                row.append(_cell(decisions.get(flag.id, "")))
            rows.append(row)
        header = ["Indicatore / obiettivo", "Segnalazione", "Gravità", "Motivo", "Proposta"]
        fractions = [0.21, 0.12, 0.08, 0.33, 0.26]
        if with_decisions:
            header.append("Decisione")
            fractions = [0.19, 0.11, 0.08, 0.26, 0.22, 0.14]
        self._table(writer, "segnalazioni", title, header, fractions, rows)

    def _subject(self, flag: Flag) -> list[Para]:
        if flag.subject in self.indicators:
            indicator = self.indicators[flag.subject]
            return [_coded(indicator.code, _short(indicator.name)),
                    Para.of(f"Obiettivo {indicator.objective}", styles.CELL_NOTE)]
        if flag.subject in self.objectives:
            return [_coded(flag.subject, _short(self.objectives[flag.subject].name))]
        if flag.subject in self.areas:
            return [_coded(flag.subject, _short(self.areas[flag.subject].name))]
        return [Para.of(flag.subject)]

    # -- methodology --------------------------------------------------------------------------

    def methodology(self):
        writer = self._writer()
        engine = "durable-rules" if self.evaluation.engine == "durable" else "il valutatore interno di piao-rules"
        default = default_rules_dir().resolve()
        own = sorted({Path(source).name for source in self.request.rulebook.sources.values()
                      if Path(source).resolve().parent != default})
        rules = "le regole predefinite" if not own else "le regole personalizzate dei file " + ", ".join(own)
        writer.paragraph(f"La valutazione {wording.al(self.evaluation.as_of)} applica {rules}, eseguite con {engine}.")
        for section in sections(self.request.rulebook):
            writer.paragraph(section.title, styles.HEADING[2])
            writer.paragraphs([section.description])
            if section.table == "aggregazione":
                writer.paragraphs(ente_policy(self.evaluation, self.request.rulebook))
            writer.paragraphs(section.parameters, styles.BULLET)
            if section.rules:
                rows = [[Cell([_coded(rule.id, rule.name)]), _cell(rule.condition),
                         _cell(rule.effect if self.request.working_copy else rule.outcome)] for rule in section.rules]
                self._table(writer, "metodologia", f"Regole: {section.title.lower()}", ["Regola", "Se", "Allora"],
                            [0.3, 0.33, 0.37], rows)
        return writer.document


    # -- chapters written by the ente -----------------------------------------------------------

    def chapters(self):
        if not self.request.chapters:
            return ""
        composed = self.template.new_subdoc(self.request.chapters[0])
        for path in self.request.chapters[1:]:
            composed.subdocx.add_page_break()
            Composer(composed.subdocx).append(DocxDocument(path))
        return composed


def _area_label(code: str, name: str) -> str:
    return name if code == name else f"{code} – {name}"


def _severity_counts(flags: list[Flag]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for flag in flags:
        counts[flag.severity.value] = counts.get(flag.severity.value, 0) + 1
    return counts


def _counted(n: int, total: int, noun: str) -> str:
    return f"{format_it.number(n, 0)} {noun} su {format_it.number(total, 0)}"


def weight_statement(evaluation: Evaluation) -> str:
    """What the plan weighs, counted on the evaluation: «Il piano indica il peso di 45 obiettivi su 85 …»."""
    levels = [
        ("aree", [a.weight for a in evaluation.areas]),
        ("obiettivi", [o.weight for o in evaluation.objectives]),
        ("indicatori", [i.weight for i in evaluation.indicators]),
    ]
    weighed = [(noun, sum(1 for w in weights if w is not None), len(weights)) for noun, weights in levels]
    given = [(noun, n, total) for noun, n, total in weighed if n]
    if not given:
        return "Il piano non indica pesi: i gradi di obiettivi e aree sono medie semplici."
    parts = [f"di tutti {'i' if noun != 'aree' else 'le'} {format_it.number(total, 0)} {noun}" if n == total
             else f"di {_counted(n, total, noun)}" for noun, n, total in given]
    return (f"Il piano indica il peso {join(parts)}; i gradi sono medie ponderate con questi pesi, e dove un "
            "peso manca gli elementi dello stesso obiettivo o della stessa area contano allo stesso modo.")


def apart_statement(evaluation: Evaluation) -> str:
    """«I 18 obiettivi individuali sono riportati a parte …» from the evaluation."""
    summary = evaluation.summary
    kinds = sorted({evaluation.objective(code).kind or "" for code in summary.apart} - {""})
    named = " e ".join(KIND_PLURAL.get(k, k) for k in kinds)
    n = len(summary.apart)
    if n == 1:
        return f"L'obiettivo {named} {summary.apart[0]} è riportato a parte: non entra nel grado dell'Ente."
    return f"I {format_it.number(n, 0)} obiettivi {named} sono riportati a parte: non entrano nel grado dell'Ente."


def ente_policy(evaluation: Evaluation, rulebook: Rulebook) -> list[str]:
    """The ente's degree as the rules define it, in words."""
    scope = rulebook.aggregation.ente
    lines = []
    if scope.apart:
        lines.append("Gli obiettivi " + " e ".join(KIND_PLURAL.get(k, k) for k in scope.apart)
                     + " sono riportati a parte e non entrano nel grado dell'Ente.")
    if scope.level:
        lines.append("Se il piano ha obiettivi " + " o ".join(KIND_PLURAL.get(k, k) for k in scope.level)
                     + ", il grado dell'Ente si calcola soltanto su di essi; gli altri obiettivi formano il grado delle aree.")
    bases = {"aree": "è la media dei gradi delle aree, con i pesi delle aree indicati nel piano",
             "obiettivi": "è la media dei gradi degli obiettivi di primo livello, con i loro pesi",
             "automatico": ("è la media dei gradi delle aree se il piano indica il peso di ogni area, altrimenti "
                            "la media dei gradi degli obiettivi di primo livello")}
    lines.append(f"Il grado dell'Ente {bases[scope.basis]}. In questo monitoraggio: {ente_basis(evaluation)}.")
    return lines


def _short(text: str) -> str:
    return textwrap.shorten(text, 110, placeholder=" …")
