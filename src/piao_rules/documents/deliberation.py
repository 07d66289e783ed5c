"""The Giunta deliberation that takes note of the monitoring (and approves target revisions).

The fixed formulas and their order are in the template (``delibera.docx``): number
and sitting, OGGETTO, those present and absent, the secretary, the relator and
the narrative, LA GIUNTA and the recitals, the vote, D E L I B E R A, the
dispositive points, executivity, drafter's initials, signatures, publication and
digital-signature formulas. This module fills them from the evaluation, the
narratives and the ente file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from piao_rules import format_it
from piao_rules.documents import package, render, styles, templates, wording
from piao_rules.documents.annex import finish
from piao_rules.documents.premise import is_piao
from piao_rules.engine.result import Evaluation
from piao_rules.io.ente import EnteFile, Member
from piao_rules.narrative.model import Narratives
from piao_rules.review.revisions import Revision, proposed


@dataclass
class DeliberationRequest:
    evaluation: Evaluation
    ente: EnteFile
    number: str
    sitting: date
    narratives: Narratives | None = None
    templates: Path | None = None
    revisions: list[Revision] | None = None  # the approved ones (from the review journal); None: those proposed


def _point(text: str) -> str:
    return text.strip().rstrip(" .;:")


def dispositive(evaluation: Evaluation, proposals: list[Revision], extra: list[str],
                piao: bool | None = None) -> list[dict[str, object]]:
    """The numbered points «di …»: each ends with «;», the last with «.»; a list of revisions ends the same way."""
    taking_note = (
        f"di prendere atto degli esiti del monitoraggio {wording.al(evaluation.as_of)} degli obiettivi di performance "
        f"organizzativa {evaluation.year}, riportati nell'allegato che costituisce parte integrante e sostanziale del "
        f"presente provvedimento"
    )
    points: list[tuple[str, list[str]]] = [(taking_note, [])]
    if proposals:
        plan = ("la sottosezione «Performance» del Piano integrato di attività e organizzazione"
                if is_piao(evaluation.year, piao) else "il Piano della performance")
        approval = (
            f"di approvare le proposte di rimodulazione dei target degli indicatori di seguito elencati, che aggiornano "
            f"{plan} {evaluation.year}" if len(proposals) > 1 else
            f"di approvare la proposta di rimodulazione del target dell'indicatore di seguito indicato, che aggiorna "
            f"{plan} {evaluation.year}"
        )
        points.append((approval, [r.as_item() for r in proposals]))
    points += [(_point(text), []) for text in extra if text.strip()]
    result: list[dict[str, object]] = []
    for index, (text, items) in enumerate(points):
        end = "." if index == len(points) - 1 else ";"
        if items:
            result.append({"testo": _point(text) + ":",
                           "voci": [_point(item) + (end if k == len(items) - 1 else ";") for k, item in enumerate(items)]})
        else:
            result.append({"testo": _point(text) + end, "voci": []})
    return result


def _member(member: Member) -> dict[str, str]:
    return {"cognome": member.surname, "nome": member.name, "ruolo": member.role}


def deliberation_context(request: DeliberationRequest) -> dict[str, object]:
    evaluation, ente = request.evaluation, request.ente
    proposals = request.revisions if request.revisions is not None else proposed(evaluation)
    minute_taker = ente.minute_taker
    preposition = "dalla" if minute_taker is not None and minute_taker.feminine else "dal"
    return {
        "ente": ente.ente.name,
        "numero": request.number,
        "seduta": format_it.short_date(request.sitting),
        "seduta_lunga": format_it.long_date(request.sitting),
        "anno": evaluation.year,
        "data": format_it.short_date(evaluation.as_of),
        "data_lunga": format_it.long_date(evaluation.as_of),
        "al_data": wording.al(evaluation.as_of),
        "finale": evaluation.final,
        "presenti": [_member(m) for m in ente.giunta if m.present],
        "assenti": [_member(m) for m in ente.giunta if not m.present],
        "segretario": ente.secretary.with_title,
        "segretario_firma": ente.secretary.full_name,
        "verbalizzante": f"{preposition} {minute_taker.with_title}" if minute_taker is not None else "",
        "altri_presenti": (ente.others_present or "").strip(),
        "relatore": ente.rapporteur,
        "relazione": [p.strip() for p in (request.narratives.relator if request.narratives else []) if p.strip()],
        "premesse": [{"parola": r.opening, "testo": r.sentence} for r in ente.recitals
                     if proposals or not r.only_with_revisions],
        "votazione": ente.vote,
        "dispositivo": dispositive(evaluation, proposals, ente.extra_points, ente.piao),
        "rimodulazioni": [r.as_context() for r in proposals],
        "esecutivo": ente.enforceable,
        "sigla": f"{ente.drafter.strip().rstrip('/')}/",
        "presidente": f"{ente.president.name} {ente.president.surname.title()}",
        "n_indicatori": evaluation.summary.indicators,
        "n_obiettivi": evaluation.summary.objectives,
        "quanti_indicatori": wording.how_many(evaluation.summary.indicators, "indicatore", "indicatori"),
        "quanti_obiettivi": wording.how_many(evaluation.summary.objectives, "obiettivo", "obiettivi"),
        "grado_ente": wording.degree(evaluation.summary.achievement),
    }


def build_deliberation(request: DeliberationRequest) -> bytes:
    """The deliberation as .docx bytes (the same request always gives the same bytes)."""
    path = templates.locate(templates.DELIBERATION, request.templates)
    template = render.open_template(path, templates.DELIBERATION, styles.DELIBERATION_STYLES)
    context = deliberation_context(request)
    document, rows = render.render(template, path, context, lambda _: {})
    finish(document, package.Properties(
        title=f"Delibera di Giunta n. {request.number} del {context['seduta']}",
        subject=f"Esiti del monitoraggio della performance {context['al_data']}",
        author=request.ente.ente.name, when=request.sitting, keywords="performance; PIAO; delibera",
    ))
    return package.to_bytes(document, rows)
