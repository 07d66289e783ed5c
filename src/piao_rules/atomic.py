"""Atomic file writes: write to a temporary file beside the target, then rename.

A crash or a full disk in the middle of a write leaves the previous file as it
was; readers never see half a file. The new file keeps the mode and owner of the
one it replaces (a journal shared by a group stays shared); a new file gets the
usual mode for the user's umask, as if written directly. A symbolic link is
followed: the file it points to is replaced, the link stays.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE_MODE = 0o666  # reduced by the umask, as for any file a program creates


def _create_beside(target: Path) -> tuple[int, str]:
    """A new, empty temporary file in the target's folder: (descriptor, name)."""
    folder = target.parent
    while True:
        name = str(folder / f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, _FLAGS, _NEW_FILE_MODE), name
        except FileExistsError:
            continue


def _keep_mode_and_owner(handle: int, target: Path) -> None:
    """Give the temporary file the permissions (and, where allowed, the owner) of the file it replaces."""
    try:
        old = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return
    if hasattr(os, "fchmod"):
        os.fchmod(handle, old.st_mode & 0o7777)
    if hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):  # only root may give a file away; the group may still be kept
            if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.fchown(handle, old.st_uid, old.st_gid)
                except PermissionError:
                    os.fchown(handle, -1, old.st_gid)
                os.fchmod(handle, old.st_mode & 0o7777)  # chown clears set-id bits


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; on success it replaces ``path`` atomically."""
    shown = Path(path)
    target = Path(os.path.realpath(shown))
    binary = "b" in mode
    try:
        handle, temp_name = _create_beside(target)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(shown)) from None
    try:
        with os.fdopen(handle, mode, encoding=None if binary else encoding, newline=None if binary else "") as stream:
            _keep_mode_and_owner(stream.fileno(), target)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        if isinstance(error, OSError) and error.filename != str(shown):
            raise OSError(error.errno, error.strerror, str(shown)) from error
        raise


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path, "wb") as stream:
        stream.write(data)


def write_text(path: str | Path, text: str) -> None:
    with atomic_open(path, "w") as stream:
        stream.write(text)
