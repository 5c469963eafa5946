"""The command line: headless commands over the same services the window uses."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from kanban_sec import __version__, runtime
from kanban_sec.cli import board, output, window
from kanban_sec.domain.errors import BadInput, KanbanError, Refused
from kanban_sec.domain.text import t
from kanban_sec.runtime import APP_NAME
from kanban_sec.store import backup

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit status 2, as for all bad input
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see `{APP_NAME} --help`)\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=APP_NAME,
        description="Lean/Kanban board for security improvement work: weakest link first.",
        epilog=t(runtime.protection_key(), runtime.preferred_language()) + ".",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        help="the board database (default: KANBAN_SEC_DB, else a file in your user data folder)",
    )
    parser.add_argument(
        "--backup-dir",
        metavar="FOLDER",
        help="keep the board's daily backups in FOLDER/<name>-backups "
        "(default: KANBAN_SEC_BACKUP_DIR, else beside the board)",
    )
    parser.add_argument(
        "--lang", choices=("nb", "en"), help="language of messages (default: from the locale)"
    )
    parser.add_argument(
        "--as",
        dest="as_person",
        metavar="NAME",
        help="act as this person of the board (default: KANBAN_SEC_USER, else your login name)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation: "
        "database (read-only), migrations on a temporary copy, translations "
        "and the window offscreen; exit 0 when all pass",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # A known command needs only its own part of the command line (each part imports its
    # module and builds its sub-parsers: a command starts faster); help, an unknown word
    # or no command get them all.
    for part in [COMMAND_PARTS[only]] if only in COMMAND_PARTS else PARTS:
        _add_part(sub, part)
    return parser


#: The parts of the command line, in the order ``--help`` lists their commands.
PARTS = ("board", "standup", "map", "wheel", "governance", "ros", "sync", "org", "exchange")
#: Which part adds each command (a test holds this to the whole parser).
COMMAND_PARTS: dict[str, str] = {
    **dict.fromkeys(
        [
            *("add", "block", "comment", "delegate", "delete", "demo", "list", "maturity"),
            *("move", "pin", "set", "show", "unblock", "unpin", "whoami"),
        ],
        "board",
    ),
    "standup": "standup",
    "map": "map",
    "wheel": "wheel",
    **dict.fromkeys(
        ["decide", "matrix", "policy", "recommend", "reject", "risks", "verify", "wip"],
        "governance",
    ),
    "ros": "ros",
    "flow": "ros",
    **dict.fromkeys(["conflicts", "server", "sync"], "sync"),
    **dict.fromkeys(["chain", "link", "people", "person", "unit"], "org"),
    "export": "exchange",
    "import": "exchange",
}
#: Global options that take a value (the command word comes after them).
_VALUED = ("--db", "--backup-dir", "--lang", "--as")


def command_word(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, if it names one before any help or version option."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if word in _VALUED:
            at += 2
        elif word.startswith("-"):
            if word in ("-h", "--help", "--version", "--self-check", "--"):
                return None
            at += 1
        else:
            return word
    return None


def _add_part(sub: Any, part: str) -> None:
    import importlib

    if part in ("board", "exchange"):
        (board.add_parsers if part == "board" else board.add_exchange_parsers)(sub)
        return
    module = importlib.import_module(f"kanban_sec.cli.{part}")
    adder = getattr(module, "add_parsers", None) or module.add_parser
    adder(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 2 bad input, 1 other failure)."""
    output.prepare_streams()  # a code page without ⚑ or ≥ (a Windows pipe) never fails
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_word(words)).parse_args(words)
    lang = args.lang or runtime.preferred_language()
    runtime.route_warnings_to_log()
    if args.backup_dir is not None:  # read where backups are taken, window or command
        if not args.backup_dir.strip():
            print(f"{APP_NAME}: {t('backup.empty_dir', lang)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        os.environ[backup.FOLDER_VARIABLE] = args.backup_dir
    try:
        return _run(args, lang, sys.stdout)
    except KanbanError as error:
        text = error.message(lang)
        if isinstance(error, Refused):  # a rule's refusal: one line, whatever it quotes
            text = " ".join(text.split())
        print(f"{APP_NAME}: {text}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug: log it whole, tell the user one line
        logged = runtime.log_failure(error)  # the log and the crash report: no password
        where = logged.report or logged.log
        print(
            f"{APP_NAME}: {t('unexpected', lang, error=runtime.scrub(str(error)), log=where)}",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def _given_db(args: argparse.Namespace) -> Path | None:
    """The board named by ``--db`` or ``KANBAN_SEC_DB`` (``None``: the default one)."""
    given = args.db if args.db is not None else os.environ.get("KANBAN_SEC_DB")
    if given is None:
        return None
    if not given.strip():
        raise BadInput("db.empty_path")
    return Path(given)


def _db_path(args: argparse.Namespace) -> Path:
    given = _given_db(args)
    if given is not None:
        return given
    path = runtime.default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _run(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    if getattr(args, "self_check", False):
        given = _given_db(args)
        return window.self_check(given or runtime.default_db_path(), out)
    if args.command is None and window.has_display():
        return window.start(_given_db(args))
    if args.command == "server":  # the sync server's set-up: no board database
        from kanban_sec.cli.sync import server_command

        return int(server_command(args, lang, out))
    if args.command is None:
        print(
            "No display: showing the board as text (the window needs a desktop session)."
            if lang == "en"
            else "Ingen skjerm: viser tavlen som tekst (vinduet trenger en skrivebordsøkt).",
            file=sys.stderr,
        )
    from kanban_sec.services.board import BoardService
    from kanban_sec.services.session import Session
    from kanban_sec.store.database import open_database

    # A window's hold is respected: a write is refused naming who holds the file.
    db = open_database(_db_path(args), respect_hold=True)
    try:
        if db.upgraded_backup is not None:
            print(t("db.upgraded", lang, backup=db.upgraded_backup), file=sys.stderr)
        if db.on_network:
            print(t("db.network", lang), file=sys.stderr)
        service = BoardService(Session(db, args.as_person or runtime.current_user(), lang))
        command = args.command or "board"
        return int(_commands(command)[command](service, args, lang, out))
    finally:
        db.close()


Command = Callable[[Any, argparse.Namespace, str, TextIO], int]


def _commands(command: str) -> Mapping[str, Command]:
    """The commands of the module that runs ``command``, imported only when it runs."""
    if command in board.COMMANDS:
        return board.COMMANDS
    if command == "standup":
        from kanban_sec.cli import standup

        return {"standup": standup.command}
    if command == "map":
        from kanban_sec.cli import map as map_cli

        return {"map": map_cli.command}
    if command == "wheel":
        from kanban_sec.cli import wheel

        return {"wheel": wheel.command}
    if command in ("ros", "flow"):
        from kanban_sec.cli import ros

        return ros.COMMANDS
    if command in ("sync", "conflicts"):
        from kanban_sec.cli import sync

        return sync.COMMANDS
    from kanban_sec.cli import governance, org

    return governance.COMMANDS if command in governance.COMMANDS else org.COMMANDS
