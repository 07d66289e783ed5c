"""The review journal: decisions on flags, one JSON object per line, appended and never rewritten.

Three kinds of lines (Italian keys, a person can read and diff them):

* ``{"tipo": "decisione", "id": "O24.2-1/rimodulazione_target", "esito": "accolta", …}``
  a decision on a flag at a monitoring date; a later decision on the same flag and
  date supersedes the earlier one, which stays in the file;
* ``{"tipo": "rilevazione", "al": "2023-06-30", "segnalazioni": [...], …}`` the flags
  raised at a monitoring date, so that a flag still open at the next monitoring shows
  since when it is open;
* ``{"tipo": "rettifica", "codice": "O24.1-1", "effetto": "neutralizzazione", "approvata_con": …}``
  a neutralisation or a forced status/degree of one indicator approved by the Giunta, applied
  by the engine (a neutralisation from its date to the end of the year, a forced status or
  degree at its monitoring date only).

Lines end with "\n" and nothing else ends a line: characters that other tools take
for line ends (U+2028, U+2029, U+0085, pasted from Word or a web page with a note)
and lone surrogates are written as JSON escapes, and the reader splits on "\n" only,
so whatever is written is read back unchanged.

Writes hold a lock, copy the journal and the new lines to a temporary file, flush it
to disk and rename it over the journal, then flush the folder: an interrupted write
leaves the journal exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal, Union

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from piao_rules import atomic
from piao_rules.errors import InputError, Problems
from piao_rules.io.files import read_bytes
from piao_rules.io.places import PathPlaces
from piao_rules.io.validation import translate
from piao_rules.review import Outcome

PAUSE_ENV = "PIAO_RULES_TEST_JOURNAL_PAUSE"  # tests: seconds to sleep between writing and committing
LOCK_TIMEOUT = 30


class _Line(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Decision(_Line):
    """A decision on a flag, with who took it, when and why."""

    kind: Literal["decisione"] = Field("decisione", alias="tipo")
    flag: str = Field(alias="id", min_length=1)
    outcome: Outcome = Field(alias="esito")
    note: str = Field(alias="nota", min_length=1)
    new_target: str | None = Field(None, alias="nuovo_target")
    owner: str | None = Field(None, alias="responsabile")
    who: str = Field(alias="chi", min_length=1)
    when: datetime = Field(alias="quando")
    as_of: date = Field(alias="al", description="Monitoring date the decision refers to")
    year: int = Field(alias="anno")
    code: str = Field(alias="segnalazione")
    subject: str = Field(alias="oggetto")
    severity: str = Field(alias="gravita")
    reason: str = Field(alias="motivo")
    proposal_reason: str | None = Field(None, alias="motivazione_proposta")
    measures: str | None = Field(None, alias="misure")
    status: str | None = Field(None, alias="stato_deciso", description="The status decided instead of the one proposed from a note")

    @property
    def final(self) -> bool:
        return self.outcome is not Outcome.POSTPONED


class Sighting(_Line):
    """The flags raised at a monitoring date."""

    kind: Literal["rilevazione"] = Field("rilevazione", alias="tipo")
    as_of: date = Field(alias="al")
    year: int = Field(alias="anno")
    when: datetime = Field(alias="quando")
    flags: list[str] = Field(alias="segnalazioni")
    measures: str | None = Field(None, alias="misure")


class Rectification(_Line):
    """A Giunta-approved neutralisation or forced status/degree of one indicator, with its reason."""

    kind: Literal["rettifica"] = Field("rettifica", alias="tipo")
    code: str = Field(alias="codice", min_length=1)
    effect: Literal["neutralizzazione", "stato", "grado"] = Field(alias="effetto")
    status: Literal["raggiunto", "in_linea", "a_rischio", "non_raggiunto", "non_rilevabile", "da_valutare"] | None = Field(
        None, alias="stato")
    achievement: Decimal | None = Field(None, alias="grado", ge=0, le=100)
    reason: str = Field(alias="motivo", min_length=1)
    approved_by: str = Field(alias="approvata_con", min_length=1)
    who: str = Field(alias="chi", min_length=1)
    when: datetime = Field(alias="quando")
    as_of: date = Field(alias="al", description="Monitoring date from which it applies")
    year: int = Field(alias="anno")

    def applies(self, year: int, as_of: date) -> bool:
        """A neutralisation holds from its date to the end of the year; a forced figure only at its date."""
        if year != self.year:
            return False
        return as_of >= self.as_of if self.effect == "neutralizzazione" else as_of == self.as_of


Entry = Union[Decision, Sighting, Rectification]
_MODELS: dict[str, type[Entry]] = {"decisione": Decision, "rettifica": Rectification}  # «tipo» → line; else a sighting


class Journal:
    """The entries of a journal file, in the order they were written."""

    def __init__(self, path: Path, entries: list[Entry]):
        self.path = path
        self.entries = entries

    @property
    def decisions(self) -> list[Decision]:
        return [e for e in self.entries if isinstance(e, Decision)]

    @property
    def rectifications(self) -> list[Rectification]:
        return [e for e in self.entries if isinstance(e, Rectification)]

    def history(self, flag: str, year: int) -> list[Decision]:
        """Every decision on ``flag``, oldest first."""
        return [d for d in self.decisions if d.flag == flag and d.year == year]

    def in_force(self, flag: str, year: int, as_of: date) -> Decision | None:
        """The latest decision on ``flag`` taken for the monitoring at ``as_of``."""
        found = [d for d in self.history(flag, year) if d.as_of == as_of]
        return found[-1] if found else None

    def seen(self, year: int) -> dict[date, set[str]]:
        """The flags last recorded at each monitoring date of ``year``."""
        dates: dict[date, set[str]] = {}
        for entry in self.entries:
            if isinstance(entry, Sighting) and entry.year == year:
                dates[entry.as_of] = set(entry.flags)
        return dates

    def open_since(self, flag: str, year: int, as_of: date) -> date | None:
        """The earliest monitoring before ``as_of`` from which ``flag`` stayed raised and undecided (or postponed)."""
        since = None
        for when, flags in sorted(self.seen(year).items(), reverse=True):
            if when >= as_of:
                continue
            decision = self.in_force(flag, year, when)
            if flag not in flags or (decision is not None and decision.final):
                break
            since = when
        return since


def read_journal(path: Path) -> Journal:
    """The journal at ``path`` (empty if the file does not exist); InputError naming the line if damaged."""
    if not path.exists():
        return Journal(path, [])
    return Journal(path, _parse(path, _text(path)))


def _text(path: Path) -> str:
    try:
        return read_bytes(path, allow_empty=True).decode("utf-8")
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        raise InputError.single(path, "il giornale delle decisioni non è un file di testo UTF-8: ripristinarlo dalla copia "
                                      "di sicurezza; il giornale non va modificato a mano", f"riga {line}") from None


def _parse(path: Path, text: str) -> list[Entry]:
    problems = Problems(path)
    entries: list[Entry] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            problems.error(f"riga {number}", f"riga del giornale non leggibile (JSON non valido alla colonna {error.colno}): "
                                             "ripristinarla dalla copia di sicurezza; il giornale non va modificato a mano")
            continue
        kind = data.get("tipo") if isinstance(data, dict) else None
        model: type[Entry] = _MODELS.get(kind, Sighting) if isinstance(kind, str) else Sighting
        try:
            entries.append(model.model_validate(data))
        except ValidationError as error:
            for problem in translate(error, model, data, PathPlaces(str(path), data)):
                where = f"riga {number}/{problem.where}" if problem.where else f"riga {number}"
                problems.error(where, f"{problem.message} (il giornale non va modificato a mano)")
    problems.raise_if_errors()
    return entries


_UNSAFE = re.compile("[\u0085\u2028\u2029\ud800-\udfff]")  # line ends for other tools; lone surrogates


def _line(entry: Entry) -> str:
    data = entry.model_dump(mode="json", by_alias=True, exclude_none=True)
    text = json.dumps(data, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def append(path: Path, entries: Iterable[Entry]) -> Journal:
    """Add ``entries`` at the end of the journal, atomically and durably; return the journal as written."""
    lines = "".join(_line(e) for e in entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _lock(path):
            text = _text(path) if path.exists() else ""
            _parse(path, text)  # never build on a damaged journal
            if text and not text.endswith("\n"):
                text += "\n"
            new_text = text + lines
            with atomic.atomic_open(path, "w") as stream:
                stream.write(new_text)
                stream.flush()
                pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
                if pause:
                    time.sleep(pause)
            _sync_folder(path.parent)
    except Timeout:
        raise InputError.single(path, "il giornale è in uso da un altro programma da più di 30 secondi: riprovare") from None
    return Journal(path, _parse(path, new_text))


def _lock(path: Path) -> FileLock:
    """The writers' lock; for a journal shared with a group, the lock is shared the same way."""
    try:
        mode = (os.stat(path).st_mode & 0o666) | 0o600
    except FileNotFoundError:
        return FileLock(lock_path(path), timeout=LOCK_TIMEOUT)
    return FileLock(lock_path(path), timeout=LOCK_TIMEOUT, mode=mode)


def lock_path(path: Path) -> Path:
    """The lock file that writers of the journal at ``path`` hold."""
    return path.with_name(f"{path.name}.lock")


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk (POSIX; Windows has no folder handles to flush)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def record_sighting(path: Path, year: int, as_of: date, flags: list[str], measures: str | None) -> Journal:
    """Record the flags raised at ``as_of`` unless the journal already has exactly these."""
    journal = read_journal(path)
    if journal.seen(year).get(as_of) == set(flags):
        return journal
    return append(path, [Sighting(as_of=as_of, year=year, when=now(), flags=sorted(flags), measures=measures)])


def now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def default_path(measures: Path, year: int) -> Path:
    """The journal beside the measures, one per plan year: ``decisioni-2023.jsonl``."""
    return measures.parent / f"decisioni-{year}.jsonl"
