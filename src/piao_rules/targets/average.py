"""Indicators that are an average over the year so far («N. post al mese (media anno)», «tempo medio di
evasione», «media mensile»): a point-in-time value that the rest of the year can still move."""

from __future__ import annotations

import re
import unicodedata

# «media», «medio», «mediamente», «al mese», «per mese», «mensilmente»; not the mass media («i media locali»,
# «social media») nor a reference («media del triennio precedente», «media nazionale»: relative targets)
_AVERAGE = re.compile(
    r"(?<!\w)(?<!\bi )(?<!\bai )(?<!\bdei )(?<!\bsui )(?<!\bsocial )(?<!\bmass )(?<!\bnew )(?<!\bmulti )"
    r"(?:medi[ao]|medie|medi|mediamente)(?!\w)(?!\s+(?:del|dei|degli|della|delle)?\s*(?:triennio|biennio|quinquennio|"
    r"anni|periodo|nazionale|regionale|provinciale|di sistema|del sistema))"
    r"|(?<!\w)(?:al|per|ogni) mese(?!\w)|(?<!\w)mensilmente(?!\w)"
)


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


_REFERENCE = re.compile(r"precedent|passat|scors")  # «media … dei 3 anni precedenti»: a reference, not the value


def is_average(*texts: str | None) -> bool:
    """Whether the indicator's name or algorithm says its value is an average over the period."""
    for text in texts:
        lowered = (text or "").lower()
        if "medi" not in lowered and "mese" not in lowered and "mensilm" not in lowered:
            continue  # most names: no need to fold accents and search
        plain = _plain(lowered)
        for match in _AVERAGE.finditer(plain):
            if not _REFERENCE.search(plain, match.end(), match.end() + 60):
                return True
    return False
