"""The individual evaluation form (scheda di valutazione) of one person, from ``templates_docx/scheda.docx``.

The organisational figures come from the evaluation, each traceable to its objective and
indicators (codes, degrees, states); the behaviours are listed with their SMVP weights and left
for the evaluator to score. The template is plain docxtpl (``{%tr for … %}`` table rows), so users
restyle it in Word like the other templates.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from piao_rules import format_it
from piao_rules.documents import package, render, styles, templates, wording
from piao_rules.engine.individual import WEIGHTS_FROM, IndividualScore
from piao_rules.engine.result import Evaluation
from piao_rules.io.smvp import Conversion, Smvp

FORM_STYLES = (styles.NORMAL, styles.TABLE, styles.CELL, styles.CELL_HEADER, styles.BULLET, *styles.HEADING.values())


def _weight(value: Decimal | None) -> str:
    return "—" if value is None else format_it.number(value)


def _formula(smvp: Smvp) -> str:
    scale, weight = smvp.scale, format_it.number(smvp.components.behaviours)
    if smvp.conversion is Conversion.OF_MAXIMUM:
        return (f"Punti della componente = Σ (peso × punteggio) / 100 / {scale.maximum} × {weight} "
                "(media ponderata dei punteggi rapportata al massimo della scala).")
    if smvp.conversion is Conversion.LINEAR:
        return (f"Punti della componente = (Σ (peso × punteggio) / 100 − {scale.minimum}) / ({scale.maximum} − "
                f"{scale.minimum}) × {weight} (media ponderata dei punteggi rapportata all'ampiezza della scala).")
    return ""


def form_context(smvp: Smvp, score: IndividualScore, evaluation: Evaluation, ente: str) -> dict[str, object]:
    person = score.person
    return {
        "ente": ente,
        "anno": evaluation.year,
        "data": format_it.short_date(evaluation.as_of),
        "al_data": wording.al(evaluation.as_of),
        "finale": evaluation.final,
        "riferimento": smvp.reference or "",
        "nome": person.name,
        "ruolo": person.role,
        "struttura": person.unit or "",
        "valutatore": person.evaluator or "",
        "peso_organizzativa": format_it.number(smvp.components.organisational),
        "peso_comportamenti": format_it.number(smvp.components.behaviours),
        "pesi_da": WEIGHTS_FROM[score.weights_from],
        "obiettivi": [{"codice": o.code, "nome": o.name, "peso": _weight(o.weight), "grado": wording.degree(o.achievement)}
                      for o in score.objectives],
        "indicatori": [
            {"obiettivo": o.code, "codice": i.code, "nome": i.name, "target": i.target or "n.d.", "valore": i.value,
             "grado": wording.degree(i.achievement), "stato": wording.status_label(i.status)}
            for o in score.objectives for i in o.indicators
        ],
        "grado_organizzativo": "n.d." if score.achievement is None else format_it.percent(score.achievement),
        "esclusi": ", ".join(score.excluded),
        "punti_organizzativa": "n.d." if score.points is None else format_it.number(score.points),
        "scala_min": smvp.scale.minimum,
        "scala_max": smvp.scale.maximum,
        "livelli": [{"punteggio": k, "descrizione": v} for k, v in sorted(smvp.scale.levels.items())],
        "comportamenti": [{"codice": b.code, "nome": b.name, "descrizione": b.description or "", "peso": format_it.number(b.weight)}
                          for b in smvp.behaviours],
        "formula_comportamenti": _formula(smvp),
    }


def build_form(smvp: Smvp, score: IndividualScore, evaluation: Evaluation, ente: str, folder: Path | None = None) -> bytes:
    """One person's form as .docx bytes."""
    path = templates.locate(templates.FORM, folder)
    template = render.open_template(path, templates.FORM, FORM_STYLES)
    document, rows = render.render(template, path, form_context(smvp, score, evaluation, ente), lambda _: {})
    package.set_language(document)
    package.set_properties(document, package.Properties(
        title=f"Scheda di valutazione {evaluation.year} – {score.person.name}", subject="Performance individuale",
        author=ente, when=evaluation.as_of, keywords="performance individuale; SMVP; scheda di valutazione",
    ))
    return package.to_bytes(document, rows)
