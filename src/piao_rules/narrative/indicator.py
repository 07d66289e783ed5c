"""The sentences of one indicator: its situation (target kind × status), the slots, the clauses that follow.

The figures come from the evaluation result only: the measured value, the
target, the degree, the expected share, the reference, the components, the
dates. Free texts (the responsible's note, a proposed target, its reason) are
quoted, never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache, partial
from pathlib import Path

from piao_rules import format_it
from piao_rules.engine import flag_codes
from piao_rules.engine.prepare import has_measure, show_target
from piao_rules.engine.result import ComponentResult, IndicatorResult, Status
from piao_rules.io.model import Accrual
from piao_rules.narrative.choice import DecisionTable, load_table
from piao_rules.narrative.grammar import FEMININE, Words, agree, guess_gender, join
from piao_rules.narrative.history import history_sentence
from piao_rules.narrative.lexicon import Lexicon, number_only, participle, quantity
from piao_rules.narrative.phrases import PhraseBook, Slots, Writer
from piao_rules.targets.fit import not_pertinent, unit_mismatch
from piao_rules.targets.markup import clean
from piao_rules.targets.model import Component, Target, TargetKind


@dataclass(frozen=True)
class Context:
    """What every indicator sentence of one evaluation shares."""

    writer: Writer
    as_of: date
    final: bool
    for_giunta: bool = False  # the Giunta's annex: no instructions to the offices

    @property
    def lexicon(self) -> Lexicon:
        return self.writer.book.lexicon


@lru_cache(maxsize=4096)
def date_words(when: date) -> Words:
    """«30 giugno 2023» with the sound of its day: «al 30 giugno», «all'8 luglio», «al 1° luglio»."""
    return Words(format_it.long_date(when))


@lru_cache(maxsize=65536)
def percent_words(value: Decimal, places: int = 2) -> Words:
    return Words(format_it.percent(value, places))


def sentence_text(text: str) -> str:
    """A free text ready to be quoted inside a sentence: trimmed, without its final full stop."""
    return " ".join(text.split()).rstrip(" .;")


def quotable(text: str) -> str:
    """A free text to put between «»: its own «» become “” (quotes inside quotes)."""
    return sentence_text(text).replace("«", "“").replace("»", "”")


def _with_article(description: str) -> str:
    """«media triennio precedente» → «media del triennio precedente»."""
    return re.sub(r"\b(media|valore) (triennio|biennio|quinquennio|anno)\b", r"\1 del \2", description, flags=re.IGNORECASE)


def _numeric(result: IndicatorResult) -> Decimal | None:
    value = result.measure.value if result.measure is not None else None
    return value if isinstance(value, Decimal) else None


def _is_percent(result: IndicatorResult) -> bool:
    return (result.measure is not None and result.measure.percent) or (result.target is not None and result.target.unit == "%")


def _completion_date(result: IndicatorResult) -> date | None:
    measure = result.measure
    if measure is None:
        return None
    return measure.completed_on or (measure.value if isinstance(measure.value, date) else None)


def _reference(result: IndicatorResult) -> str | None:
    """The reference value as the engine showed it, with % when the measure is a percentage."""
    shown: str | None
    if result.measure is not None and result.measure.reference is not None:
        shown = format_it.number(result.measure.reference)
    else:
        shown = result.explanation.inputs.get("riferimento")
    if shown is None:
        return None
    return shown + "%" if _is_percent(result) else shown


_COVERAGE = re.compile(r"\b(ciascun[oa]?|ciascheduno|ogni)\b", re.IGNORECASE)


def measured_unit(result: IndicatorResult, lexicon: Lexicon) -> str | None:
    """The unit of the measured value: the target's counted noun unless the data say the value counts
    something else — a coverage target («almeno 1 incontro con ciascun ufficio» counts offices) or a
    note naming another noun beside the value («64 impianti» for a target in «strumenti»). Then None:
    the value is told as a bare number, never relabelled."""
    target = result.target
    if target is None:
        return None
    unit = target.unit
    found = lexicon.split(unit)
    if found is None:
        return unit
    if target.coverage is not None or _COVERAGE.search(result.target_text or "") or _COVERAGE.search(target.text or ""):
        return None
    value, note = _numeric(result), result.measure.note if result.measure is not None else None
    if value is not None and note:
        shown = re.escape(format_it.number(value))
        for match in re.finditer(rf"(?<![\d.,]){shown}\s+([^\W\d_]+)", note):
            named = lexicon.split(match.group(1))
            if named is None or named[0].singular != found[0].singular:
                return None
    return unit


def _comparison_family(result: IndicatorResult, lexicon: Lexicon) -> str:
    target = result.target
    assert target is not None  # asked of comparisons only («tipo: confronto» in scelte.yaml)
    if target.lower_is_better:
        return "minore"
    counted = lexicon.split(measured_unit(result, lexicon)) is not None and not _is_percent(result)
    return "conteggio" if counted and result.accrual is Accrual.CUMULATIVE else "livello"


def _kind(result: IndicatorResult) -> TargetKind:
    return result.target.kind if result.target is not None else TargetKind.QUALITATIVE


def _with_deadline(result: IndicatorResult) -> bool:
    target = result.target
    return target is not None and (target.kind is TargetKind.DEADLINE
                                   or (target.kind is TargetKind.BOOLEAN and target.deadline is not None))


_BOOLS = (True, False)
Fact = Callable[[IndicatorResult, "Context"], Hashable]
# The facts the decision table ``scelte.yaml`` tests, each with the values it can take.
FACTS: dict[str, tuple[Fact, tuple[Hashable, ...]]] = {
    "stato": (lambda r, c: r.status.value, tuple(s.value for s in Status)),
    "tipo": (lambda r, c: _kind(r).italian, tuple(k.italian for k in TargetKind)),
    "cumulo": (lambda r, c: r.accrual.value, tuple(a.value for a in Accrual)),
    "finale": (lambda r, c: c.final, _BOOLS),
    "proposto_da_nota": (lambda r, c: r.proposed, _BOOLS),
    "non_pertinente": (lambda r, c: r.target is not None and not_pertinent(r.target, r.measure), _BOOLS),
    "misurato": (lambda r, c: has_measure(r.measure), _BOOLS),
    "nota": (lambda r, c: r.measure is not None and bool(r.measure.note), _BOOLS),
    "giudizio": (lambda r, c: r.measure is not None and r.measure.judgement is not None, _BOOLS),
    "numerico": (lambda r, c: _numeric(r) is not None, _BOOLS),
    "riferimento": (lambda r, c: _reference(r) is not None, _BOOLS),
    "componenti": (lambda r, c: bool(r.components), _BOOLS),
    "componente_mancante": (lambda r, c: any(x.value is None for x in r.components), _BOOLS),
    "avanzamento": (lambda r, c: r.measure is not None and r.measure.progress is not None, _BOOLS),
    "atteso": (lambda r, c: r.expected is not None, _BOOLS),
    "completato": (lambda r, c: _completion_date(r) is not None, _BOOLS),
    "con_scadenza": (lambda r, c: _with_deadline(r), _BOOLS),
    "famiglia": (lambda r, c: _comparison_family(r, c.lexicon), ("minore", "conteggio", "livello")),
    "pari_al_target": (lambda r, c: r.target is not None and _numeric(r) == r.target.value, _BOOLS),
    "grado_pieno": (lambda r, c: r.achievement is not None and r.achievement >= 100, _BOOLS),
}
CHOICE_FILE = Path(__file__).with_name("scelte.yaml")
_STATUS_NAMES = {status: status.value for status in Status}
_KIND_NAMES = {kind: kind.italian for kind in TargetKind}


@cache
def choice_table() -> DecisionTable:
    """The decision table of the situations, read and checked once per process."""
    domains = {name: values for name, (_, values) in FACTS.items()}
    return load_table(CHOICE_FILE, domains, PhraseBook.load().situations, prefix="indicatore.", index_on=("stato", "tipo"))


class _Facts(dict):
    """The facts of one indicator, computed when first asked (but the status and the kind, always asked)."""

    __slots__ = ("result", "ctx")

    def __init__(self, result: IndicatorResult, ctx: Context):
        self.result, self.ctx = result, ctx
        self["stato"] = _STATUS_NAMES[result.status]
        self["tipo"] = _KIND_NAMES[_kind(result)]

    def __missing__(self, name: str) -> Hashable:
        value = self[name] = FACTS[name][0](self.result, self.ctx)
        return value


def situation(result: IndicatorResult, ctx: Context) -> str:
    """The phrase-book situation of an indicator («indicatore.livello.raggiunto»): the first row of
    ``scelte.yaml`` whose conditions hold."""
    return "indicatore." + choice_table().choose(_Facts(result, ctx))


def _milestone_text(result: IndicatorResult) -> str:
    target = result.target
    text = target.milestone if target is not None and target.milestone else (target.text if target is not None else "")
    return quotable(clean(text))


def _activity(target: Target) -> Words:
    milestone = target.milestone and quotable(clean(target.milestone))
    return Words(f"l'attività «{milestone}»" if milestone else "l'attività", FEMININE)


def _reference_words(text: str) -> Words:
    description = _with_article(sentence_text(clean(text)))
    return Words(description, guess_gender(description))


def _components(result: IndicatorResult, target: Target, ctx: Context) -> Words:
    """The components as one list: «8 iniziative realizzate su 10 previste (80%) e 264 soggetti…»."""
    parts = []
    planned = {c.label: c for c in target.components}
    for component in result.components:
        parts.append(_component(component, planned.get(component.label), ctx))
    return Words(join(parts))


def _component(component: ComponentResult, planned: Component | None, ctx: Context) -> str:
    writer, lexicon = ctx.writer, ctx.lexicon
    label = Words(component.label)
    if component.value is None or planned is None:
        return writer.fill(writer.book.one("componente.mancante"), {"etichetta": label}, "componente.mancante")
    unit = planned.unit or component.label
    grade = percent_words(component.achievement) if component.achievement is not None else Words("n.d.")
    if lexicon.split(unit) is not None:
        value = quantity(component.value, unit, lexicon)
        slots: Slots = {
            "valore": value, "verbo": agree(participle(unit, lexicon), value.gender, value.plural),
            "target_n": number_only(quantity(planned.value, unit, lexicon), planned.value), "grado": grade,
        }
        return writer.fill(writer.book.one("componente.conteggio"), slots, "componente.conteggio")
    slots = {
        "etichetta": label, "valore": quantity(component.value, planned.unit, lexicon),
        "target": quantity(planned.value, planned.unit, lexicon), "grado": grade,
    }
    return writer.fill(writer.book.one("componente.etichetta"), slots, "componente.etichetta")


def _missing_components(result: IndicatorResult) -> Words:
    labels = [f"«{c.label}»" for c in result.components if c.value is None]
    plural = len(labels) > 1
    return Words(("componenti " if plural else "componente ") + join(labels), FEMININE, plural)


def slots(result: IndicatorResult, ctx: Context) -> Slots:
    """Every slot the indicator's situation may use (those that apply to it)."""
    target, measure, lexicon = result.target, result.measure, ctx.lexicon
    found: Slots = {"data": date_words(ctx.as_of), "stato": result.status.label}
    if target is not None:
        # The slots few sentences use are written only when a sentence uses them.
        found["target_testo"] = lambda: quotable(clean(show_target(target)))
        found["richiesta"] = lambda: ctx.writer.book.one(f"indicatore.richiesta.{target.kind.italian}")
        found["traguardo"] = lambda: f"«{_milestone_text(result)}»"
        found["attivita"] = lambda: _activity(target)
        if target.deadline is not None:
            found["scadenza"] = date_words(target.deadline)
    percent = _is_percent(result)
    unit = target.unit if target is not None else None
    value = _numeric(result)
    if value is not None:
        own = measured_unit(result, lexicon) if target is not None else unit
        words = quantity(value, own, lexicon, percent)
        found["valore"] = words
        found["valore_n"] = partial(number_only, words, value)
        found["verbo"] = lambda: agree(participle(own, lexicon), words.gender, words.plural)
    elif measure is not None and measure.value is not None:
        shown = measure.value
        found["valore"] = ("SI" if shown else "NO") if isinstance(shown, bool) else format_it.long_date(shown)
    if target is not None and target.value is not None:
        planned = quantity(target.value, unit, lexicon, target.unit == "%")
        found["target"] = planned
        found["target_n"] = partial(number_only, planned, target.value)
    if result.achievement is not None:
        found["grado"] = percent_words(result.achievement)
    if result.ratio is not None:
        found["quota"] = percent_words(result.ratio)
    if result.expected is not None:
        found["atteso"] = percent_words(result.expected, 0)
    if measure is not None and measure.progress is not None:
        found["avanzamento"] = percent_words(measure.progress)
    completed = _completion_date(result)
    if completed is not None:
        found["completato_il"] = date_words(completed)
        if target is not None and target.deadline is not None and completed > target.deadline:
            found["giorni_ritardo"] = quantity(Decimal((completed - target.deadline).days), "giorni", lexicon)
    reference = _reference(result)
    if target is not None and target.reference is not None:
        found["riferimento_desc"] = partial(_reference_words, target.reference.text)
    if reference is not None:
        found["riferimento"] = Words(reference, bare=not reference.endswith("%"))
    if target is not None and target.kind is TargetKind.COMPOUND and result.components:
        found["componenti"] = _components(result, target, ctx)
        if any(c.value is None for c in result.components):
            found["mancanti"] = _missing_components(result)
    if measure is not None and measure.note:
        found["nota"] = quotable(measure.note)
    return found


def _clauses(result: IndicatorResult, ctx: Context, main: str, found: Slots) -> list[tuple[str, Slots]]:
    """The situations that follow the main sentence, with their slots."""
    measure, target = result.measure, result.target
    clauses: list[tuple[str, Slots]] = []
    if measure is not None and measure.note and main not in ("indicatore.da_valutare.solo_nota", "indicatore.proposto"):
        clauses.append(("aggiunta.nota", found))
    if measure is not None and measure.external_cause:
        clauses.append(("aggiunta.causa_esterna", {"causa": quotable(measure.external_cause)}))
    if measure is not None and measure.proposed_target:
        proposal: Slots = {
            "target_originale": f"«{quotable(clean(result.target_text or ''))}»",
            "proposta": f"«{quotable(clean(measure.proposed_target))}»",
        }
        if measure.proposal_reason:
            clauses.append(("aggiunta.proposta", {**proposal, "motivazione": quotable(measure.proposal_reason)}))
        else:
            clauses.append(("aggiunta.proposta_senza_motivazione", proposal))
        if result.against_proposal is not None:
            versus = result.against_proposal
            compared: Slots = {"stato_proposta": versus.status.label}
            if versus.achievement is not None:
                compared["grado_proposta"] = percent_words(versus.achievement)
                clauses.append(("aggiunta.proposta_valutata", compared))
            else:
                clauses.append(("aggiunta.proposta_valutata_senza_grado", compared))
    if result.divergent_values:
        clauses.append(("aggiunta.valori_divergenti", {"valori": result.divergent_values}))
    if target is not None and unit_mismatch(target, measure):
        clauses.append(("aggiunta.unita_incoerente", {}))
    if target is not None and target.deadline is not None and any(f.code == flag_codes.DEADLINE_NEAR for f in result.flags):
        clauses.append(("aggiunta.scadenza_imminente", found))
    if result.adjustment is not None:
        adjustment = result.adjustment
        decided: Slots = {
            "atto": quotable(adjustment.approved_by or ""), "motivo": quotable(adjustment.reason), "chi": adjustment.who,
            "stato": result.status.label, "stato_prima": adjustment.before_status.label,
        }
        if result.achievement is not None:
            decided["grado_imposto"] = percent_words(result.achievement)
        clauses.append((f"aggiunta.rettifica.{adjustment.effect.value}", decided))
    return clauses


def narrate_indicator(result: IndicatorResult, ctx: Context) -> str:
    """One or two sentences on the indicator's state, then any note, cause, proposal or incoherence.

    A neutralisation or a forced status or degree is told after the figures as the data give them."""
    computed = result
    if result.adjustment is not None and result.adjustment.effect.value in ("neutralizzazione", "stato", "grado"):
        computed = result.model_copy(update={"status": result.adjustment.before_status,
                                             "achievement": result.adjustment.before_achievement})
    main = situation(computed, ctx)
    found = slots(computed, ctx)
    sentences = [ctx.writer.write(main, result.code, found)]
    for name, clause_slots in _clauses(result, ctx, main, found):  # the rectification clause reads ``result``
        sentences.append(ctx.writer.write(name, result.code, clause_slots))
    return " ".join([*sentences, history_sentence(result)]).strip()
