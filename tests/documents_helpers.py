"""Helpers shared by the document tests: example evaluations, simple narratives, reading .docx back."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from functools import cache
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn

from piao_rules.engine.evaluate import evaluate
from piao_rules.engine.result import Evaluation
from piao_rules.engine.rulebook import Rulebook, load_rulebook
from piao_rules.io import load_measures, load_plan
from piao_rules.io.model import Plan
from piao_rules.narrative.model import Narratives

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CUNEO = EXAMPLES / "cuneo"
TORINO = EXAMPLES / "torino"
CUNEO_FILES = (CUNEO / "piano.yaml", CUNEO / "misure-2023-06-30.csv")
TORINO_FINAL = (TORINO / "piano.csv", TORINO / "misure-2022-12-31.csv")
TORINO_MID = (TORINO / "piano.csv", TORINO / "misure-2022-06-30.csv")


@cache
def rulebook() -> Rulebook:
    return load_rulebook()


@cache
def evaluated(plan_path: Path, measures_path: Path, when: date) -> tuple[Plan, Evaluation]:
    plan, _ = load_plan(plan_path)
    measures, _ = load_measures(measures_path)
    return plan, evaluate(plan, measures, when, rulebook=rulebook(), engine="interno")


def cuneo() -> tuple[Plan, Evaluation]:
    return evaluated(*CUNEO_FILES, date(2023, 6, 30))


def torino_final() -> tuple[Plan, Evaluation]:
    return evaluated(*TORINO_FINAL, date(2022, 12, 31))


def narratives(evaluation: Evaluation) -> Narratives:
    """One plain sentence per objective and area, a summary and two relator paragraphs."""
    return Narratives(
        indicators={i.code: f"L'indicatore {i.code} risulta {i.status.label}." for i in evaluation.indicators},
        objectives={o.code: f"Commento all'obiettivo {o.code}." for o in evaluation.objectives},
        areas={a.code: f"Commento all'area {a.code}." for a in evaluation.areas},
        summary="Sintesi degli esiti del monitoraggio.",
        relator=["Il Relatore illustra gli esiti del monitoraggio.", "Informa quindi delle proposte di rimodulazione."],
    )


def read(data: bytes) -> DocumentType:
    return Document(io.BytesIO(data))


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def style_name(paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def body_paragraphs(document: DocumentType):
    """Every paragraph of the body in order, including those inside tables."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def instructions(element) -> list[str]:
    return [" ".join((node.text or "").split()) for node in element.iter(qn("w:instrText"))]
