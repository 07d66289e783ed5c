"""What a reader returns: the value, the warnings found, and where each part came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from piao_rules.errors import Problem
from piao_rules.io.places import Places

T = TypeVar("T")


@dataclass
class Loaded(Generic[T]):
    value: T
    places: Places
    problems: list[Problem] = field(default_factory=list)  # warnings only: errors raise InputError
