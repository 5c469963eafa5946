"""Writing export files safely: all of the file or none of it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from kanban_sec.domain.errors import BadInput

#: On Windows, Excel keeps a CSV it has open locked against replacing: the rename fails
#: with PermissionError. It is tried this many times, this many seconds apart (about two
#: seconds in all), before the person is asked to close the file.
REPLACE_TRIES = 10
REPLACE_PAUSE = 0.2


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, sync it, then rename it into
    place, so a failed write never leaves half a file where the old one was."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    written = False
    try:
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        written = True
        _replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        if written and isinstance(error, PermissionError) and not target.is_dir():
            raise BadInput("file.in_use", path=str(target)) from error
        raise _cannot_write(target, error) from error


def _replace(temp: Path, target: Path) -> None:
    """``os.replace``, tried again for a while if the target is locked (PermissionError)."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            # Creating the temporary file worked, so the folder is writable: what refuses
            # is the target itself, which a program holding it open may soon let go.
            if attempt == REPLACE_TRIES - 1 or target.is_dir():
                raise
            time.sleep(REPLACE_PAUSE)


def _cannot_write(target: Path, error: OSError) -> BadInput:
    return BadInput("csv.cannot_write", path=str(target), reason=error.strerror or str(error))
