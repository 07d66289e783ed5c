"""Strip the markup that real plans leave in target cells.

Targets arrive from Word, PDF and web exports with HTML remnants (``<i>``,
``<p>``, ``&ge;``, an unclosed ``<ul …``), LaTeX (``$\\geq 70\\%$``) and
Markdown (``**979 articoli**``). :func:`clean` turns all of them into plain
text with one spelling per operator: ``≥ ≤ > < =``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_HTML_TAGS = r"(?:p|i|b|u|em|strong|sup|sub|span|div|br|ul|ol|li|font|table|tbody|thead|tr|td|th|a|h[1-6])"
_TAG = re.compile(rf"<\s*/?\s*{_HTML_TAGS}\b[^<>]*>", re.IGNORECASE)
_UNCLOSED_TAG = re.compile(rf"<\s*/?\s*{_HTML_TAGS}\b[^<>]*$", re.IGNORECASE)

_LATEX = [
    (re.compile(r"\\(?:geqslant|geq|ge)(?![a-zA-Z])"), "≥"),
    (re.compile(r"\\(?:leqslant|leq|le)(?![a-zA-Z])"), "≤"),
    (re.compile(r"\\(?:gt)(?![a-zA-Z])"), ">"),
    (re.compile(r"\\(?:lt)(?![a-zA-Z])"), "<"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\[,;: ]"), " "),
    (re.compile(r"\\(?:text|mathrm|textit|textbf|mbox)\{([^{}]*)\}"), r"\1"),
]

_OPERATORS = [
    (re.compile(r">\s*=|=\s*>|≧|⩾"), "≥"),
    (re.compile(r"<\s*=|=\s*<|≦|⩽"), "≤"),
]


def _printable(text: str) -> str:
    """Drop control and unassigned characters; keep letters, digits, symbols and spaces."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r" or category == "Zs":
            kept.append(" ")
        elif category[0] != "C":
            kept.append(char)
    return "".join(kept)


@lru_cache(maxsize=16384)
def clean(text: str) -> str:
    """Plain text of a target cell: markup removed, operators normalised, spaces collapsed (cached:
    large plans repeat the same texts)."""
    text = html.unescape(html.unescape(text))
    text = _printable(text)
    text = _TAG.sub(" ", text)
    text = _UNCLOSED_TAG.sub(" ", text)
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    text = text.replace("$", " ")
    text = re.sub(r"\*+|`+|(?<!\w)_{2,}|_{2,}(?!\w)", " ", text)
    for pattern, replacement in _OPERATORS:
        text = pattern.sub(replacement, text)
    text = text.replace("−", "-").replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))
