"""The paragraphs of objectives and areas: degree, counts by state, critical indicators, actions."""

from __future__ import annotations

from collections.abc import Mapping

from piao_rules import format_it
from piao_rules.engine import flag_codes
from piao_rules.engine.result import (
    Aggregate,
    AreaResult,
    Evaluation,
    Flag,
    IndicatorResult,
    ObjectiveResult,
    Status,
)
from piao_rules.narrative.audience import for_giunta, giunta_action
from piao_rules.narrative.grammar import MASCULINE, Words, agree, join, lower_first
from piao_rules.narrative.indicator import (
    Context,
    date_words,
    percent_words,
    sentence_text,
)
from piao_rules.narrative.phrases import Slots

STATUS_ORDER = [s for s in Status]
_CRITICAL = (Status.AT_RISK, Status.MISSED)
_IN_YEAR = (Status.ON_TRACK, Status.AT_RISK)
_SEVERITY_ORDER = {"alta": 0, "media": 1, "bassa": 2}


def status_label(ctx: Context, status: Status, count: int) -> str:
    """The state's label agreed with a count of indicators: «raggiunto», «raggiunti», «a rischio»."""
    return agree(ctx.writer.book.one(f"stato.{status.value}"), MASCULINE, count > 1)


def count_words(ctx: Context, n: int, singular: str, article: bool = False) -> Words:
    """«3 indicatori» as words; ``article`` for «dei 3 indicatori» rather than «di 3 indicatori»."""
    noun = ctx.lexicon.known(singular)
    return Words(ctx.lexicon.count(n, singular), noun.gender, n != 1, bare=not article)


def codes_words(ctx: Context, codes: list[str], singular: str) -> Words:
    """«indicatore O11.2-1», «indicatori O11.2-1 e O12-3» (the template adds the article)."""
    noun = ctx.lexicon.known(singular)
    plural = len(codes) > 1
    return Words(f"{noun.form(plural)} {join(codes)}", noun.gender, plural)


def outcome_list(ctx: Context, counts: Aggregate, situation: str, with_zeros: bool,
                 proposed: Mapping[Status, int] | None = None) -> str:
    """«1 è raggiunto e 2 sono in linea…» or, with zeros, «21 raggiunti, …, nessuno non raggiunto…».

    At year end the in-year states (in linea, a rischio) are named only when some indicator has them.
    ``proposed`` counts, by state, the statuses read from the notes and awaiting confirmation: each
    such state says how many of its indicators are proposals («di cui 3 proposti …»).
    """
    items = []
    for status in STATUS_ORDER:
        n = getattr(counts.counts, status.value)
        if n == 0 and (not with_zeros or (ctx.final and status in _IN_YEAR)):
            continue
        number = Words("nessuno" if n == 0 else format_it.number(n), MASCULINE, n > 1)
        slots: Slots = {"n": number, "stato": status_label(ctx, status, n)}
        phrase = situation
        if status is Status.NOT_MEASURABLE and f"{situation}_non_rilevabile" in ctx.writer.book.situations:
            phrase = f"{situation}_non_rilevabile"
        if proposed and proposed.get(status):
            k = proposed[status]
            slots["proposti"] = Words(format_it.number(k), MASCULINE, k > 1)
            phrase = f"{phrase}_proposti"
        items.append(ctx.writer.fill(ctx.writer.book.one(phrase), slots, phrase))
    return join(items)


def outcome_sentence(ctx: Context, aggregate: Aggregate, level: str, subject: str) -> str | None:
    """The sentence on the states of the indicators of an objective or area (None when it has none)."""
    total = aggregate.counts.total
    if total == 0:
        return None
    present = [s for s in STATUS_ORDER if getattr(aggregate.counts, s.value)]
    if total == 1:
        return ctx.writer.write(f"{level}.esito_unico", subject, {"stato": status_label(ctx, present[0], 1)})
    totale = count_words(ctx, total, "indicatore", article=True)
    if len(present) == 1 and total == 2:
        return ctx.writer.write(f"{level}.esiti_entrambi", subject, {"stato": status_label(ctx, present[0], total)})
    if len(present) == 1:
        return ctx.writer.write(f"{level}.esiti_tutti", subject, {"totale": totale, "stato": status_label(ctx, present[0], total)})
    slots: Slots = {"totale": totale, "esiti": outcome_list(ctx, aggregate, "obiettivo.esito", with_zeros=False)}
    return ctx.writer.write(f"{level}.esiti", subject, slots)


def subtree_indicators(evaluation: Evaluation, objective: ObjectiveResult) -> list[IndicatorResult]:
    """The indicators of an objective and of the objectives below it, in plan order."""
    found: list[IndicatorResult] = []
    stack = [objective.code]
    while stack:
        code = stack.pop()
        found += evaluation.indicators_of(code)
        stack += evaluation.objective(code).objectives
    return evaluation.in_plan_order(found)


def _critical_label(ctx: Context, indicator: IndicatorResult) -> str | None:
    if indicator.status in _CRITICAL:
        return ctx.writer.book.one(f"critico.{indicator.status.value}")
    if indicator.status is not Status.REACHED and any(f.code == flag_codes.MISSING_DATA for f in indicator.flags):
        return ctx.writer.book.one("critico.dato_mancante")
    return None


def _excluded_words(ctx: Context, evaluation: Evaluation, codes: list[str]) -> Words:
    kinds = {"indicatore" if evaluation.has_indicator(code) else "obiettivo" for code in codes}
    if len(kinds) == 1:
        return codes_words(ctx, codes, kinds.pop())
    return Words(f"elementi {join(codes)}", MASCULINE, True)


def _neutralised(evaluation: Evaluation, code: str) -> bool:
    """Whether ``code`` is an indicator the Giunta neutralised (excluded by decision, not for lack of data)."""
    if not evaluation.has_indicator(code):
        return False
    adjustment = evaluation.indicator(code).adjustment
    return adjustment is not None and adjustment.effect.value == "neutralizzazione"


def action_sentences(ctx: Context, flags: list[Flag], subject: str, decisions: Mapping[str, str]) -> list[str]:
    """The actions proposed (or decided), gathered: one sentence for each set of indicators sharing them.

    Flags come most severe first; an action shared by several indicators names them
    together, and the actions of one indicator are joined in one sentence, separated by «;».
    """
    by_text: dict[tuple[str, str, str], list[str]] = {}
    for flag in sorted(flags, key=lambda f: _SEVERITY_ORDER.get(f.severity.value, 3)):
        decided = decisions.get(flag.id)
        kind = "decisione" if decided else "azione"
        action = giunta_action(flag) if ctx.for_giunta else flag.action
        text = sentence_text(decided) if decided else lower_first(sentence_text(action))
        subjects = by_text.setdefault((kind, text, flag.level), [])
        if flag.subject not in subjects:
            subjects.append(flag.subject)
    by_subjects: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
    for (kind, text, level), subjects in by_text.items():
        by_subjects.setdefault((kind, level, tuple(subjects)), []).append(text)
    sentences = []
    for (kind, level, codes), texts in by_subjects.items():
        noun = "indicatore" if level == "indicatore" else "obiettivo"
        slots: Slots = {"codici": codes_words(ctx, list(codes), noun), kind: "; ".join(texts)}
        sentences.append(ctx.writer.write(f"obiettivo.{kind}", subject, slots))
    return sentences


def narrate_objective(ctx: Context, evaluation: Evaluation, objective: ObjectiveResult, decisions: Mapping[str, str]) -> str:
    """Degree, excluded members, states, critical indicators and the actions proposed (or decided)."""
    code = objective.code
    sentences = []
    slots: Slots = {"data": date_words(ctx.as_of)}
    if objective.achievement is None:
        sentences.append(ctx.writer.write("obiettivo.grado_assente", code, slots))
    else:
        sentences.append(ctx.writer.write("obiettivo.grado", code, {**slots, "grado": percent_words(objective.achievement)}))
        neutralised = [c for c in objective.excluded if _neutralised(evaluation, c)]
        unmeasured = [c for c in objective.excluded if c not in neutralised]
        if unmeasured:
            excluded = _excluded_words(ctx, evaluation, unmeasured)
            sentences.append(ctx.writer.write("obiettivo.esclusi", code, {"esclusi": excluded}))
        if neutralised:
            excluded = codes_words(ctx, neutralised, "indicatore")
            sentences.append(ctx.writer.write("obiettivo.neutralizzati", code, {"esclusi": excluded}))
    outcome = outcome_sentence(ctx, objective, "obiettivo", code)
    if outcome:
        sentences.append(outcome)
    indicators = subtree_indicators(evaluation, objective)
    critical = [(i.code, label) for i in indicators if (label := _critical_label(ctx, i))]
    children = [evaluation.objective(c) for c in objective.objectives]
    flags = [f for i in indicators for f in i.flags] + objective.flags + [f for c in children for f in c.flags]
    if ctx.for_giunta:
        flags = [f for f in flags if for_giunta(f, evaluation)]
    if critical:
        named = [f"{c} ({label})" for c, label in critical]
        sentences.append(ctx.writer.write("obiettivo.critici", code, {"critici": codes_words(ctx, named, "indicatore")}))
    elif indicators and not flags:
        sentences.append(ctx.writer.write("obiettivo.nessuna_criticita", code, {}))
    sentences += action_sentences(ctx, flags, code, decisions)
    return " ".join(sentences)


def narrate_area(ctx: Context, evaluation: Evaluation, area: AreaResult) -> str:
    """A short paragraph: the area's degree over its objectives and the states of its indicators."""
    objectives = sum(1 for o in evaluation.objectives if o.area == area.code)
    slots: Slots = {
        "data": date_words(ctx.as_of), "nome": f"«{area.name}»",
        "obiettivi": count_words(ctx, objectives, "obiettivo"),
    }
    if area.achievement is None:
        sentences = [ctx.writer.write("area.grado_assente", area.code, slots)]
    else:
        sentences = [ctx.writer.write("area.grado", area.code, {**slots, "grado": percent_words(area.achievement)})]
    outcome = outcome_sentence(ctx, area, "area", area.code)
    if outcome:
        sentences.append(outcome)
    return " ".join(sentences)
