"""A rectification approved by the Giunta, checked against the evaluation before it is recorded."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from piao_rules import values
from piao_rules.engine.result import Evaluation, Status
from piao_rules.errors import InputError
from piao_rules.review import EFFECTS
from piao_rules.review.journal import Rectification


def parse_status(text: str | None) -> str | None:
    """«in linea» or «in_linea» → ``in_linea``; None when empty."""
    status = (text or "").strip().lower().replace(" ", "_")
    if not status:
        return None
    if status not in {s.value for s in Status}:
        raise InputError.single("", f"stato «{text}» sconosciuto: scegliere tra {', '.join(s.label for s in Status)}")
    return status


def parse_degree(text: str | None) -> Decimal | None:
    """«75,5» or «100%» → a degree from 0 to 100; None when empty."""
    if text is None or not text.strip():
        return None
    try:
        number = values.parse_number(text.strip().rstrip("% "))
    except ValueError:
        number = None
    if number is None or not 0 <= number <= 100:
        raise InputError.single("", f"grado «{text}» non valido: indicare un numero tra 0 e 100 (es. 100 o 75,5)")
    return number


def rectification(
    evaluation: Evaluation, code: str, effect: str, status: str | None, degree: str | None, reason: str,
    approved_by: str, *, who: str, when: datetime, names: dict[str, str] | None = None,
) -> Rectification:
    """The rectification to record; InputError (Italian) when it cannot be applied as given.

    ``names`` says how the person calls the status and degree fields (CLI options, form labels).
    """
    names = names or {"stato": "lo stato", "grado": "il grado"}
    if effect not in EFFECTS:
        raise InputError.single("", f"effetto «{effect}» sconosciuto: scegliere tra {', '.join(EFFECTS)}")
    forced_status, forced_degree = parse_status(status), parse_degree(degree)
    if effect == "stato" and forced_status is None:
        raise InputError.single("", f"con effetto stato indicare lo stato imposto ({names['stato']})")
    if effect == "grado" and forced_degree is None:
        raise InputError.single("", f"con effetto grado indicare il grado imposto ({names['grado']})")
    if effect == "neutralizzazione" and (forced_status or forced_degree is not None):
        raise InputError.single("", f"la neutralizzazione esclude l'indicatore: non indicare {names['stato']} né {names['grado']}")
    reason, approved_by, who, code = (reason or "").strip(), (approved_by or "").strip(), (who or "").strip(), code.strip()
    if not reason or not approved_by:
        raise InputError.single("", "motivo e atto di approvazione non possono essere vuoti")
    if not who:
        raise InputError.single("", "manca chi registra la rettifica")
    if all(i.code != code for i in evaluation.indicators):
        raise InputError.single("", f"l'indicatore «{code}» non è nel piano: controllare il codice")
    return Rectification.model_validate({
        "codice": code, "effetto": effect, "stato": forced_status, "grado": forced_degree, "motivo": reason,
        "approvata_con": approved_by, "chi": who, "quando": when, "al": evaluation.as_of, "anno": evaluation.year,
    })
