"""Writing export files safely: all of the file or none of it."""

from __future__ import annotations

import os
from pathlib import Path

from kanban_sec.domain.errors import BadInput


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, sync it, then rename it into
    place, so a failed write never leaves half a file where the old one was."""
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BadInput(
            "csv.cannot_write", path=str(target), reason=error.strerror or str(error)
        ) from error
