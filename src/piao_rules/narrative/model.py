"""The narratives of one evaluation, ready for the terminal and the documents."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Narratives(BaseModel):
    indicators: dict[str, str] = Field(description="Indicator code → one or two sentences")
    objectives: dict[str, str] = Field(description="Objective code → a short paragraph")
    areas: dict[str, str] = Field(default_factory=dict, description="Area code → a short paragraph")
    summary: str = Field(description="The report summary: premessa of the annex, relator's narrative")
    relator: list[str] = Field(
        default_factory=list,
        description="Paragraphs of the relator's narrative in the deliberation (findings, revisions proposed)",
    )
