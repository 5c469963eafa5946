"""Output that never fails on a stream whose encoding lacks a character.

On Windows, Python writes a pipe or a redirected file (``kanban-sec list > list.txt``) in
the ANSI code page (cp1252 in Norway), which has æøå but not ⚑ 📌 ⛔ ≥ →. The CLI keeps
that encoding, so the file opens with the right æøå wherever the code page is assumed
(Excel, older Notepad, ``type``), and writes what the code page lacks as plain ASCII that
takes the same room on the line: tables stay aligned. JSON is written as pure ASCII on such
a stream (``\\u00e6`` escapes): valid UTF-8 and valid in any code page, so every reader
gets exactly the titles back. On a UTF-8 stream nothing changes.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import unicodedata
from typing import TextIO

ERRORS = "kanban_sec.plain"

#: ASCII stand-ins for the symbols the command line prints.
PLAIN = {
    "⚑": "!",
    "📌": "*",
    "⛔": "x",
    "≥": ">=",
    "≤": "<=",
    "≈": "~",
    "→": "->",
    "←": "<-",
    "↳": "->",
    "▸": ">",
    "∞": "inf",
    "∅": "-",
    "☑": "[x]",
    "☐": "[ ]",
    "⇄": "<->",
    "⊃": ">",
    "✓": "v",
    "✗": "x",
}


def plain(char: str) -> str:
    """What ``char`` becomes where it cannot be written: its stand-in, else its letters
    without accents, else ``?``; padded to the cells a wide character takes."""
    text = PLAIN.get(char)
    if text is None:
        decomposed = unicodedata.normalize("NFKD", char)
        text = decomposed.encode("ascii", "ignore").decode("ascii") or "?"
    if unicodedata.east_asian_width(char) in ("W", "F"):
        text = text.ljust(2)
    return text


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(plain(c) for c in bad), error.end


codecs.register_error(ERRORS, _replace)


def is_utf(stream: TextIO) -> bool:
    """Whether ``stream`` can hold any character (a StringIO, a UTF-8 or UTF-16 file)."""
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return True
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


def ascii_json(stream: TextIO) -> bool:
    """``ensure_ascii`` for JSON written to ``stream``: escapes only where it must."""
    return not is_utf(stream)


def prepare_streams() -> None:
    """Make stdout and stderr write plain stand-ins instead of failing (or, for stderr,
    printing ``\\u2265``) on a code page that lacks a character. With no streams at all
    (the windowed ``kanban-sec-window`` under pythonw, or the frozen windowed app) output
    goes nowhere instead of failing."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the process)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or is_utf(stream):
            continue
        with contextlib.suppress(ValueError, OSError):  # a closed or odd stream: as it is
            reconfigure(errors=ERRORS)


def plainly_piped(stream: TextIO) -> bool:
    """Whether ``rich`` would surely not take ``stream`` for a terminal, decided without
    importing it: not a TTY, and neither ``TTY_COMPATIBLE=1`` nor ``FORCE_COLOR`` say
    otherwise. ``False`` means "ask rich" (its own rules then decide, as always)."""
    if os.environ.get("TTY_COMPATIBLE", "") == "0":
        return True
    if os.environ.get("TTY_COMPATIBLE", "") == "1" or "FORCE_COLOR" in os.environ:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:  # a closed stream: rich says "no terminal" too
        return True
