"""The flag codes (segnalazioni) the code relies on, in one place.

The narratives, the annex and the review look flags up by these codes; a rules folder
whose ``segnalazioni.yaml`` no longer assigns one of them is refused when it is loaded
(renaming a code there would otherwise silently drop those flags from the texts).
"""

from __future__ import annotations

CORRECTIVE_ACTION = "azione_correttiva"
MISSING_DATA = "dato_mancante"
TARGET_REVISION = "rimodulazione_target"
DEADLINE_NEAR = "scadenza_imminente"
INCOHERENCE = "incoerenza"
EXTERNAL_CAUSE = "causa_esterna"
PROPOSED_STATUS = "stato_proposto"

# Each code, with what relies on it (for the message when a rules folder lacks it).
REQUIRED = {
    CORRECTIVE_ACTION: "le azioni correttive proposte alla Giunta (narrativa, allegato, delibera)",
    MISSING_DATA: "i dati mancanti da chiedere agli uffici (narrativa)",
    TARGET_REVISION: "le proposte di rimodulazione dei target (narrativa, allegato, revisione)",
    DEADLINE_NEAR: "le scadenze imminenti (narrativa degli indicatori)",
    INCOHERENCE: "le incoerenze da chiarire (riepilogo)",
    EXTERNAL_CAUSE: "le cause esterne segnalate dai responsabili (allegato, delibera)",
    PROPOSED_STATUS: "gli stati proposti dalla nota, da confermare (revisione, rettifiche)",
}
