"""The one place a SQLite ``file:`` URI is built from a path (POSIX, Windows drive, UNC).

``Path.as_uri()`` is not enough: a UNC path ``\\\\server\\share\\x`` becomes
``file://server/share/x``, and SQLite refuses any URI authority other than empty or
``localhost``. Here the UNC host goes into the path (``file:////server/share/x``), a drive
path becomes ``file:///C:/dir/x`` (SQLite's Windows VFS drops the slash before ``C:``), and
every byte SQLite would read as URI syntax (``#``, ``?``, ``%``, spaces, non-ASCII) is
%-escaped, so the URI names exactly the file.
"""

from __future__ import annotations

from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote


def sqlite_uri(path: str | PurePath, *, read_only: bool = False) -> str:
    """The SQLite URI of the absolute ``path``; ``read_only`` adds ``?mode=ro``.

    A relative ``path`` is refused (``ValueError``): a URI names one file wherever the
    program runs.
    """
    pure = path if isinstance(path, PurePath) else Path(path)
    if not pure.is_absolute():
        raise ValueError(f"not an absolute path: {pure}")
    if isinstance(pure, PureWindowsPath):
        pure = _without_verbatim_prefix(pure)
    text = pure.as_posix()
    if isinstance(pure, PureWindowsPath):
        # UNC \\server\share\x -> //server/share/x; a drive C:\x -> /C:/x
        unc = pure.drive.startswith("\\\\")
        text = "//" + text.lstrip("/") if unc else "/" + text
    escaped = quote(text.encode("utf-8", "surrogateescape"), safe="/:")
    return f"file://{escaped}" + ("?mode=ro" if read_only else "")


def _without_verbatim_prefix(path: PureWindowsPath) -> PureWindowsPath:
    """``\\\\?\\C:\\x`` as ``C:\\x`` and ``\\\\?\\UNC\\server\\share`` as ``\\\\server\\share``
    (with forward slashes the verbatim prefix would read as a server named ``?``)."""
    text = str(path)
    if text[:8].upper() == "\\\\?\\UNC\\":
        return PureWindowsPath("\\\\" + text[8:])
    if text.startswith("\\\\?\\"):
        return PureWindowsPath(text[4:])
    return path
