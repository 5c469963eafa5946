"""What the command line and the window share about where and as whom they run.

The user's data paths (the default board, the log), who is acting, and the one logging
path: every traceback that reaches the log or a crash report passes :func:`scrub` first,
so neither ever holds a password. No Qt here; the store and sync layers only lazily.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
import traceback
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

APP_NAME = "kanban-sec"


def default_db_path() -> Path:
    """The embedded default: a SQLite file in the user's data directory."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "kanban-sec.sqlite"


def log_path() -> Path:
    """The log file in the user's log directory (crash reports go beside it)."""
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False) / "kanban-sec.log"


def protection_key(platform: str = sys.platform) -> str:
    """The catalogue key saying what protects the board file on ``platform``: on Windows
    the file mode only toggles read-only, so the profile folder's ACL and BitLocker do."""
    return "db.protection.windows" if platform == "win32" else "db.protection.posix"


def current_user() -> str:
    """Who the changes are by: ``KANBAN_SEC_USER``, else the login name."""
    return os.environ.get("KANBAN_SEC_USER") or getpass.getuser()


def scrub(text: str, environ: Mapping[str, str] | None = None) -> str:
    """``text`` without passwords in URLs, ``password=`` settings or secret variables."""
    from kanban_sec.store.recovery import environment_secrets
    from kanban_sec.sync.errors import redact

    return redact(text, environment_secrets(environ))


def _append_to_log(where: Path, text: str) -> None:
    """Add a dated entry to the log file (the log must never become a second failure)."""
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        with where.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        pass


class _LogFile(logging.Handler):
    """The lower layers' warnings (a backup left undone), scrubbed, into :func:`log_path`."""

    def emit(self, record: logging.LogRecord) -> None:
        _append_to_log(log_path(), scrub(record.getMessage()))


def route_warnings_to_log() -> None:
    """Send ``kanban_sec``'s logged warnings to the log file, not the terminal (once)."""
    logger = logging.getLogger(APP_NAME.replace("-", "_"))
    if not any(isinstance(handler, _LogFile) for handler in logger.handlers):
        logger.addHandler(_LogFile(logging.WARNING))
    logger.propagate = False


class Logged(NamedTuple):
    """Where an unexpected error was written: the log, and the crash report if one was."""

    log: Path
    report: Path | None

    def where(self) -> str:
        """Both places, for the message that tells the person where the details are."""
        return str(self.log) if self.report is None else f"{self.log}, {self.report}"


def log_failure(
    error: BaseException, log_file: Path | None = None, *, crash_report: bool = True
) -> Logged:
    """Log ``error``'s traceback, scrubbed, to ``log_file`` (default :func:`log_path`);
    with ``crash_report`` also a crash report (versions, platform) beside it."""
    from kanban_sec.store.recovery import write_crash_report

    where = log_file if log_file is not None else log_path()
    _append_to_log(where, scrub("".join(traceback.format_exception(error))))
    report = write_crash_report(where.parent, error, scrub) if crash_report else None
    return Logged(where, report)


def preferred_language() -> str:
    """``nb`` or ``en``: KANBAN_SEC_LANG, the locale variables, else the language Windows
    or macOS shows its menus in (asked only when the variables say nothing)."""
    from kanban_sec.domain.text import choose_language, environment_language

    return environment_language(os.environ) or choose_language(
        sys.platform, os.environ, os_ui_language(sys.platform)
    )


_asked: dict[str, str | None] = {}


def os_ui_language(platform: str) -> str | None:
    """The user's display language as the system reports it (``nb_NO``, ``nb-NO``), once
    per process; ``None`` on Linux or when the system cannot say. Never raises."""
    if platform not in _asked:
        try:
            _asked[platform] = _ask_system(platform)
        except Exception:  # a language probe must never stop the program
            _asked[platform] = None
    return _asked[platform]


def _ask_system(platform: str) -> str | None:
    from kanban_sec.domain.text import apple_language, windows_language_tag

    if platform.startswith("win"):
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return windows_language_tag(int(langid)) or None
    if platform == "darwin":
        import subprocess

        for key in ("AppleLanguages", "AppleLocale"):
            done = subprocess.run(
                ["defaults", "read", "-g", key],
                capture_output=True,
                text=True,
                timeout=2,
                check=False,
            )
            if done.returncode == 0 and apple_language(done.stdout):
                return apple_language(done.stdout)
    return None
