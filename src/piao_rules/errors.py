"""Located problems in user input, reported in Italian.

Every reader collects :class:`Problem` objects instead of stopping at the first
one, so that a user sees all the mistakes of a file at once. A problem always
names the file and, where known, the row or field, and says how to fix it.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

EXIT_OK = 0
EXIT_FLAGS = 1  # flags needing attention, only with --rigoroso
EXIT_INPUT = 2  # input errors (and files that cannot be read or written)
EXIT_INTERNAL = 3  # a fault of piao-rules itself

_OS_ERRORS = {
    errno.ENOSPC: "disco pieno: liberare spazio e riprovare (il file precedente, se c'era, è rimasto com'era)",
    errno.EDQUOT: "spazio disco esaurito per questo utente: liberare spazio e riprovare",
    errno.EACCES: "permesso negato: la cartella è in sola lettura oppure il file è aperto in un altro programma (ad esempio Word o Excel); chiuderlo e riprovare",
    errno.EPERM: "operazione non permessa: controllare i permessi della cartella",
    errno.EROFS: "la cartella è su un disco in sola lettura: scegliere un'altra cartella",
    errno.EBUSY: "il file è in uso da un altro programma: chiuderlo e riprovare",
    errno.ENOENT: "file o cartella inesistente: controllare il percorso",
    errno.EISDIR: "è una cartella, non un file: indicare il nome di un file",
    errno.ENOTDIR: "una parte del percorso non è una cartella: controllare il percorso",
    errno.ENAMETOOLONG: "nome del file troppo lungo",
    errno.EEXIST: "esiste già un file con questo nome",
    errno.ELOOP: "collegamenti simbolici che rimandano l'uno all'altro: controllare il percorso",
    errno.EFBIG: "file troppo grande per questo disco",
    errno.EIO: "errore di lettura o scrittura sul disco (disco o rete guasti?): controllare il disco e riprovare",
    errno.EMFILE: "troppi file aperti: chiudere qualche programma e riprovare",
    errno.ENFILE: "troppi file aperti nel sistema: riprovare più tardi",
    errno.ETXTBSY: "il file è in uso da un altro programma: chiuderlo e riprovare",
    errno.EXDEV: "non si può spostare il file su un altro disco: scrivere nella stessa cartella",
    errno.EPIPE: "l'uscita del comando è stata chiusa (pipe interrotta) prima della fine",
    errno.EADDRINUSE: "la porta è già usata da un altro programma (forse una revisione già aperta): chiuderlo oppure "
                      "scegliere un'altra porta con --porta",
    errno.EADDRNOTAVAIL: "indirizzo di rete non disponibile su questo computer",
    errno.ECONNRESET: "connessione interrotta",
}
_READING = {  # the same errors when a file is being read
    errno.EACCES: "permesso negato: non si ha il permesso di leggere il file; chiedere l'accesso o copiarlo in una "
                  "propria cartella",
    errno.EPERM: "operazione non permessa: non si ha il permesso di leggere il file",
    errno.EBUSY: "il file è in uso da un altro programma: chiuderlo e riprovare",
}


class Severity(str, Enum):
    ERROR = "errore"
    WARNING = "avviso"


@dataclass(kw_only=True)
class Problem:
    """One located problem: ``file:where: message``. A dataclass, not a pydantic model: every command
    imports it, and its help should not wait for pydantic."""

    file: str = ""
    where: str = ""
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        self.severity = Severity(self.severity)  # «avviso» as well as Severity.WARNING

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        place = ":".join(part for part in (self.file, self.where) if part)
        prefix = "" if self.is_error else "avviso: "
        return f"{place}: {prefix}{self.message}" if place else f"{prefix}{self.message}"


class InputError(Exception):
    """Raised when input cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str | Path, message: str, where: str = "") -> InputError:
        return cls([Problem(file=str(file), where=where, message=message)])


def os_reason(error: OSError, reading: bool = False) -> str:
    """What an operating-system error means, in Italian, and what to do (without the file)."""
    errno = error.errno
    known = None if errno is None else (_READING.get(errno) if reading else None) or _OS_ERRORS.get(errno)
    if known:
        return known
    code = f"n. {error.errno}, " if error.errno else ""
    return f"errore del sistema ({code}{error.strerror or type(error).__name__}): riprovare; se si ripete, segnalarlo"


def describe_os_error(error: OSError) -> str:
    """An operating-system error in Italian, with the file and what to do."""
    reason = os_reason(error)
    return f"{error.filename}: {reason}" if error.filename else reason


class Problems(list):
    """A list of problems with helpers to add errors and warnings."""

    def __init__(self, file: str | Path = ""):
        super().__init__()
        self.file = str(file)

    def error(self, where: str, message: str) -> None:
        self.append(Problem(file=self.file, where=where, message=message))

    def warning(self, where: str, message: str) -> None:
        self.append(Problem(file=self.file, where=where, message=message, severity=Severity.WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if not p.is_error]

    def merged(self, others: list[Problem]) -> list[Problem]:
        """These problems followed by those of ``others`` not already here."""
        return list(self) + [p for p in others if p not in self]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise InputError(list(self))
