"""The report summary (premessa of the annex) and the relator's paragraphs for the deliberation."""

from __future__ import annotations

from piao_rules import format_it
from piao_rules.engine import flag_codes
from piao_rules.engine.result import Evaluation, IndicatorResult, Status
from piao_rules.narrative.grammar import FEMININE, Words, capitalise
from piao_rules.narrative.indicator import Context, date_words, percent_words, quotable
from piao_rules.narrative.objective import codes_words, count_words, outcome_list
from piao_rules.narrative.phrases import Slots
from piao_rules.review.revisions import Revision, proposed
from piao_rules.targets.markup import clean

SUBJECT = "ente"


def _flagged(evaluation: Evaluation, code: str) -> list[IndicatorResult]:
    return [i for i in evaluation.indicators if i.flags and any(f.code == code for f in i.flags)]


def _counted(ctx: Context, n: int, singular: str, complement: str, adjective: str | None = None) -> Words:
    """«3 proposte di rimodulazione del target», «12 azioni correttive» as words."""
    noun = ctx.lexicon.known(singular)
    text = ctx.lexicon.count(n, singular, adjective) + (f" {complement}" if complement else "")
    return Words(text, noun.gender, n != 1, bare=True)


def proposed_counts(evaluation: Evaluation) -> dict[Status, int]:
    """By state, how many indicators have a status proposed from the note and not yet confirmed."""
    counts: dict[Status, int] = {}
    for indicator in evaluation.indicators:
        if indicator.proposed:
            counts[indicator.status] = counts.get(indicator.status, 0) + 1
    return counts


def _openings(ctx: Context, evaluation: Evaluation) -> Slots:
    return {
        "data": date_words(ctx.as_of), "anno": str(evaluation.year),
        "obiettivi": count_words(ctx, evaluation.summary.objectives, "obiettivo"),
        "indicatori": count_words(ctx, evaluation.summary.indicators, "indicatore"),
    }


def _quoted(text: str) -> str:
    """A target between «»: its final dot kept («≥ 240,00 N.»)."""
    return "«" + " ".join(text.split()).rstrip(" ;").replace("«", "“").replace("»", "”") + "»"


KIND_PLURAL = {
    "strategico": "strategici", "operativo": "operativi", "dirigenziale": "dirigenziali", "di_struttura": "di struttura",
    "individuale": "individuali", "trasversale": "trasversali",
}


def _kinds(kinds: list[str]) -> str:
    return " e ".join(KIND_PLURAL.get(k, k) for k in kinds)


def ente_basis(evaluation: Evaluation) -> str:
    """What the ente's degree averages, with which weights: «la media dei gradi dei 42 obiettivi con un grado
    calcolabile (su 53), con pesi uguali perché il piano non indica il peso degli obiettivi»."""
    summary = evaluation.summary
    by_area = summary.basis == "aree"
    noun_one, noun_many = ("area", "aree") if by_area else ("obiettivo", "obiettivi")
    adjective = f" {_kinds(summary.level)}" if summary.level and not by_area else ""
    total = len(summary.members)
    counted = total - len(summary.excluded)
    weights = ([a.weight for a in evaluation.areas if a.code in summary.members] if by_area
               else [o.weight for o in evaluation.objectives if o.code in summary.members])
    given = sum(1 for w in weights if w is not None)
    if counted == 1:
        kind = " " + " o ".join(k.replace("_", " ") for k in summary.level) if adjective else ""
        text = f"il grado dell'unic{'a' if by_area else 'o'} {noun_one}{kind}"
        if counted < total:
            text += f" con un grado calcolabile (su {format_it.number(total, 0)})"
        return text
    text = f"la media dei gradi {'delle' if by_area else 'dei'} {format_it.number(counted, 0)} {noun_many}{adjective}"
    if counted < total:
        text += f" con un grado calcolabile (su {format_it.number(total, 0)})"
    if given == len(weights) and weights:
        text += ", con i pesi indicati nel piano"
    elif given:
        text += (f", con pesi uguali perché il piano indica il peso solo di {format_it.number(given, 0)} {noun_many} "
                 f"su {format_it.number(len(weights), 0)}")
    else:
        text += f", con pesi uguali perché il piano non indica il peso {'delle aree' if by_area else 'degli obiettivi'}"
    return text


def narrate_summary(ctx: Context, evaluation: Evaluation, changes: list[Revision] | None = None) -> str:
    """Counts of objectives and indicators by state, the ente's degree, what the Giunta must decide."""
    summary, write = evaluation.summary, ctx.writer.write
    opening = "riepilogo.apertura_consuntivo" if ctx.final else "riepilogo.apertura"
    sentences = [write(opening, SUBJECT, _openings(ctx, evaluation))]
    outcomes = outcome_list(ctx, summary, "riepilogo.esito", with_zeros=False, proposed=proposed_counts(evaluation))
    sentences.append(write("riepilogo.esiti", SUBJECT, {"esiti": outcomes}))
    if summary.counts.non_raggiunto == 0 and summary.counts.total:
        sentences.append(write("riepilogo.nessun_non_raggiunto", SUBJECT, {}))
    if summary.achievement is None:
        sentences.append(write("riepilogo.grado_assente", SUBJECT, {}))
    else:
        slots: Slots = {"grado": percent_words(summary.achievement), "base": ente_basis(evaluation)}
        sentences.append(write("riepilogo.grado_base", SUBJECT, slots))
    if summary.apart:
        kinds = sorted({evaluation.objective(code).kind or "" for code in summary.apart})
        noun = ctx.lexicon.known("obiettivo")
        text = f"{ctx.lexicon.count(len(summary.apart), 'obiettivo')} {_kinds([k for k in kinds if k])}".strip()
        sentences.append(write("riepilogo.a_parte", SUBJECT, {"a_parte": Words(text, noun.gender, len(summary.apart) > 1)}))
    proposals = proposed(evaluation) if changes is None else changes
    if proposals:
        slots = {
            "proposte": _counted(ctx, len(proposals), "proposta", "di rimodulazione del target"),
            "codici": codes_words(ctx, [r.code for r in proposals], "indicatore"),
        }
        sentences.append(write("riepilogo.proposte", SUBJECT, slots))
    else:
        sentences.append(write("riepilogo.nessuna_proposta", SUBJECT, {}))
    corrective = _flagged(evaluation, flag_codes.CORRECTIVE_ACTION)
    if corrective:
        slots = {
            "azioni": _counted(ctx, len(corrective), "azione", "", "correttivo"),
            "codici": codes_words(ctx, [i.code for i in corrective], "indicatore"),
        }
        sentences.append(write("riepilogo.azioni", SUBJECT, slots))
    missing = _flagged(evaluation, flag_codes.MISSING_DATA)
    if missing:
        situation = "riepilogo.dati_mancanti_giunta" if ctx.for_giunta else "riepilogo.dati_mancanti"
        sentences.append(write(situation, SUBJECT, {"indicatori": count_words(ctx, len(missing), "indicatore")}))
    incoherent = sum(1 for f in evaluation.flags if f.code == flag_codes.INCOHERENCE)
    if incoherent and not ctx.for_giunta:
        words = _counted(ctx, incoherent, "segnalazione", "di incoerenza dei dati")
        sentences.append(write("riepilogo.incoerenze", SUBJECT, {"incoerenze": words}))
    return " ".join(sentences)


def _compared(ctx: Context, evaluation: Evaluation, revision: Revision) -> list[str]:
    """Sentences with the status against the target in force and against the proposed one, while the
    proposal is pending (the plan does not carry it yet) and it is the one evaluated; then which status,
    if any, rests on the reading of the note."""
    result = next((i for i in evaluation.indicators if i.code == revision.code), None)
    versus = result.against_proposal if result is not None else None
    if result is None or versus is None or result.status is None or clean(versus.target_text) != revision.after:
        return []
    slots: Slots = {"codice": revision.code, "stato": result.status.label, "stato_proposta": versus.status.label}
    if result.achievement is not None and versus.achievement is not None:
        situation = "relatore.revisione_confronto"
        slots.update(grado=percent_words(result.achievement), grado_proposta=percent_words(versus.achievement))
    elif result.status is versus.status:
        situation = "relatore.revisione_confronto_pari"
    else:
        situation = "relatore.revisione_confronto_senza_grado"
    sentences = [ctx.writer.fill(ctx.writer.book.one(situation), slots, situation)]
    read = {(True, True): "entrambi", (True, False): "vigente", (False, True): "proposta"}.get((result.proposed, versus.proposed))
    if read is not None:
        situation = f"relatore.revisione_da_nota_{read}"
        sentences.append(ctx.writer.fill(ctx.writer.book.one(situation), {}, situation))
    return sentences


def narrate_relator(ctx: Context, evaluation: Evaluation, changes: list[Revision] | None = None) -> list[str]:
    """The relator's paragraphs: the monitoring done, its results, the revisions proposed (or, from the
    review journal, accepted), the proposal to the Giunta."""
    write, summary = ctx.writer.write, evaluation.summary
    opening = "relatore.apertura_consuntivo" if ctx.final else "relatore.apertura"
    paragraphs = [write(opening, SUBJECT, _openings(ctx, evaluation))]
    outcomes = outcome_list(ctx, summary, "riepilogo.esito", with_zeros=False, proposed=proposed_counts(evaluation))
    if summary.achievement is None:
        results = write("relatore.esiti_senza_grado", SUBJECT, {"esiti": outcomes})
    else:
        results = write("relatore.esiti", SUBJECT, {"esiti": outcomes, "grado": percent_words(summary.achievement)})
    corrective = _flagged(evaluation, flag_codes.CORRECTIVE_ACTION)
    if corrective:
        situation = "relatore.criticita_consuntivo" if ctx.final else "relatore.criticita"
        results += " " + write(situation, SUBJECT, {"indicatori": count_words(ctx, len(corrective), "indicatore")})
    paragraphs.append(results)
    proposals = proposed(evaluation) if changes is None else changes
    if proposals:
        items: list[str] = []
        compared: list[str] = []
        for revision in proposals:
            slots: Slots = {"codice": revision.code, "originale": _quoted(revision.before), "proposta": _quoted(revision.after)}
            situation = "relatore.revisione" if revision.reason else "relatore.revisione_senza_motivazione"
            if revision.reason:
                slots["motivazione"] = quotable(revision.reason)
            items.append(ctx.writer.fill(ctx.writer.book.one(situation), slots, situation))
            compared += _compared(ctx, evaluation, revision)
        n = len(proposals)
        words = (
            Words(f"{format_it.number(n)} proposte di aggiornamento dei target", FEMININE, True)
            if n > 1 else Words("proposta di aggiornamento del target", FEMININE)
        )
        paragraphs.append(" ".join([write("relatore.revisioni", SUBJECT, {"proposte": words, "elenco": "; ".join(items)}), *compared]))
    proposal = "relatore.proposta_consuntivo" if ctx.final else "relatore.proposta"
    slots = {"data": date_words(ctx.as_of)}
    if proposals:
        proposal += "_con_revisioni"
        slots["proposte"] = words
    paragraphs.append(write(proposal, SUBJECT, slots))
    return [capitalise(p) for p in paragraphs]
