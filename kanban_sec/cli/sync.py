"""Sync on the command line: `sync`, `conflicts` and `server` (init, add-member).

Passwords come from the environment (``KANBAN_SEC_SYNC_PASSWORD``,
``KANBAN_SEC_SERVER_PASSWORD``), the OS keyring, or a prompt on a terminal; never from an
argument, and they are never printed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.domain.errors import BadInput, KanbanError, NotFound
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t
from kanban_sec.sync.present import (
    changed_text,
    edit_value,
    shown,
    sides,
    when,
)

EXIT_OK = 0
#: The sync went through, but the server refused some of this board's changes.
EXIT_REFUSED = 3
SERVER_PASSWORD_VARIABLE = "KANBAN_SEC_SERVER_PASSWORD"
SERVER_URL_VARIABLE = "KANBAN_SEC_SERVER_URL"
ROLES = ("governing", "operational", "controlling")


def add_parsers(sub: Any) -> None:
    """The `sync`, `conflicts` and `server` commands."""
    p = sub.add_parser(
        "sync",
        help="push this board's changes to the sync server and pull "
        "the others' (settings from the board unless given)",
    )
    p.add_argument(
        "--remote",
        metavar="URL",
        help="the server, postgresql://USER@HOST:PORT/DATABASE (no password in it)",
    )
    p.add_argument("--user", metavar="U", help="the server login (default: the URL's)")
    p.add_argument(
        "--ca-file", metavar="F", help="the CA certificate that signed the server's (PEM)"
    )
    p.add_argument(
        "--allow-plain-loopback",
        action="store_true",
        help="allow a connection without TLS to a server on this machine (a "
        "kanban-sec server refuses members' changes without TLS)",
    )
    p.add_argument(
        "--save",
        action="store_true",
        help="remember these settings for this board (the password goes to the "
        "keyring, never to a file)",
    )
    p.add_argument(
        "--discard-refused",
        nargs="*",
        metavar="ID",
        help="drop the changes the server refused (all, or these) and undo them "
        "here, so the board matches the server's; no connection needed",
    )
    p.add_argument(
        "--redo-refused",
        nargs="*",
        metavar="ID",
        help="send the changes the server refused (all, or these) again, then sync",
    )

    p = sub.add_parser(
        "conflicts",
        help="changes made elsewhere at the same time as yours: list the open ones, or resolve one",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    inner = p.add_subparsers(dest="conflicts_command", metavar="resolve", parser_class=type(p))
    r = inner.add_parser(
        "resolve", help="keep the value the board has, take the other, or set a new one"
    )
    r.add_argument("id", metavar="ID", help="the conflict (its short id is enough)")
    r.add_argument(
        "resolution",
        choices=("keep", "take", "edit", "restore", "delete"),
        help="keep: the current value; take: the other value; edit: --value; "
        "a row deleted while somebody changed it: restore (with the change) or "
        "delete",
    )
    r.add_argument("--value", help="the new value (with edit)")

    p = sub.add_parser("server", help="set up the sync server (administrators)")
    inner = p.add_subparsers(
        dest="server_command", metavar="SUBCOMMAND", required=True, parser_class=type(p)
    )
    s = inner.add_parser("init", help="create the kanban-sec schema and roles in a database")
    s.add_argument(
        "url",
        metavar="URL",
        help="the database, as an administrator: "
        "postgresql://ADMIN@HOST:PORT/DATABASE (no password in it)",
    )
    _tls_options(s)
    s = inner.add_parser("add-member", help="create a login that may sync, with its role")
    s.add_argument("name", metavar="NAME", help="the new login")
    s.add_argument("--role", required=True, choices=ROLES)
    s.add_argument(
        "--person",
        metavar="NAME",
        help="the person on the board the login writes as (default: NAME)",
    )
    s.add_argument(
        "--risk-owner",
        action="store_true",
        help="kept for old scripts; it grants nothing: a risk decision is a "
        "governing member's of the chain's risk-owner unit (or above)",
    )
    s.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the new member's password from standard input",
    )
    s.add_argument(
        "--server",
        metavar="URL",
        help=f"the database, as an administrator (default: {SERVER_URL_VARIABLE})",
    )
    _tls_options(s)


def _tls_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ca-file", metavar="F", help="the CA certificate that signed the server's (PEM)"
    )
    parser.add_argument(
        "--allow-plain-loopback",
        action="store_true",
        help="allow a connection without TLS to a server on this machine",
    )


# -- passwords ------------------------------------------------------------------------------


def _can_prompt() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except EOFError:
        return ""


def _sync_password(settings: Any, address: Any, lang: str) -> tuple[str, bool]:
    """(password, whether it was typed in): environment, keyring, else a prompt."""
    from kanban_sec.sync import settings as cfg

    given = os.environ.get(cfg.PASSWORD_VARIABLE)
    if given:
        return given, False
    unusable: KanbanError | None = None
    try:
        stored = cfg.get_password(settings)
    except KanbanError as error:
        stored, unusable = None, error
    if stored:
        return stored, False
    if _can_prompt():
        typed = _prompt(t("sync.prompt.password", lang, account=address.account))
        if typed:
            return typed, True
    if unusable is not None:
        raise unusable
    raise KanbanError(
        "sync.run.no_password", account=address.account, variable=cfg.PASSWORD_VARIABLE
    )


def _server_password(account: str, lang: str) -> str:
    given = os.environ.get(SERVER_PASSWORD_VARIABLE)
    if given:
        return given
    if _can_prompt():
        typed = _prompt(t("sync.prompt.admin", lang, account=account))
        if typed:
            return typed
    raise KanbanError("sync.admin.no_password", account=account, variable=SERVER_PASSWORD_VARIABLE)


def _new_member_password(args: argparse.Namespace, login: str, lang: str) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif _can_prompt():
        password = _prompt(t("sync.prompt.new", lang, login=login))
        if password and _prompt(t("sync.prompt.again", lang)) != password:
            raise BadInput("sync.admin.passwords_differ")
    else:
        raise BadInput("sync.admin.member_password_needed")
    if not password:
        raise BadInput("sync.admin.empty_password")
    return password


# -- sync -----------------------------------------------------------------------------------


def chosen_settings(db: Any, args: argparse.Namespace) -> Any:
    """The board's stored settings with the options given on the command line."""
    from kanban_sec.sync import settings as cfg

    ca_file = str(Path(args.ca_file).expanduser().absolute()) if args.ca_file else None
    return cfg.load(db).with_changes(
        remote_url=args.remote,
        user=args.user,
        ca_file=ca_file,
        allow_plain_loopback=True if args.allow_plain_loopback else None,
    )


def sync_command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """Push and pull once; prints what moved."""
    from kanban_sec.sync import merge, refusals
    from kanban_sec.sync import settings as cfg
    from kanban_sec.sync.client import sync

    db = service.db
    if args.discard_refused is not None:
        ids = refusals.match_refused(db, args.discard_refused or None)
        if not ids:
            print(t("sync.refused.none", lang), file=out)
            return EXIT_OK
        gone = refusals.discard_refused(db, ids)
        print(t("sync.refused.discarded", lang, count=len(gone)), file=out)
        return EXIT_OK
    if args.redo_refused is not None:
        ids = refusals.match_refused(db, args.redo_refused or None)
        if ids:
            refusals.redo_refused(db, ids)
            print(t("sync.refused.redo", lang, count=len(ids)), file=out)
    before = merge.open_conflict_ids(db)
    chosen = chosen_settings(db, args)
    address = cfg.address_of(chosen)
    remote = cfg.remote_of(chosen)
    password, typed = _sync_password(chosen, address, lang)
    from kanban_sec.cli.progress import progress

    with progress({"push": t("progress.push", lang), "pull": t("progress.pull", lang)}) as report:
        result = sync(db, remote, password, on_progress=report)
    if args.save:
        cfg.save(db, chosen)
        if typed and cfg.keyring_usable():
            cfg.store_password(chosen, password)
    new = len(merge.open_conflict_ids(db) - before)
    print(
        t("sync.run.done", lang, pushed=result.pushed, pulled=result.pulled, conflicts=new),
        file=out,
    )
    if result.conflicts:
        print(t("sync.run.open_conflicts", lang, count=result.conflicts), file=out)
    if result.quarantined:
        print(t("sync.quarantine.summary", lang, count=result.quarantined), file=out)
    if result.refused:
        print_refused(result.refused, lang, out)
        return EXIT_REFUSED
    return EXIT_OK


def print_refused(refused: Any, lang: str, out: TextIO) -> None:
    """ "N changes refused by the server:", one line each with the reason, and what to do."""

    print(t("sync.refused.summary", lang, count=len(refused)), file=out)
    for r in refused:
        fields = ", ".join(f"{k}={shown(v)}" for k, v in r.values.items()) or "∅"
        print(
            t(
                "sync.refused.line",
                lang,
                id=short_id(r.change_id),
                entity=r.entity,
                title=_cut(r.title, 36),
                fields=fields,
                reason=r.reason,
            ),
            file=out,
        )
    print(t("sync.refused.hint", lang), file=out)


# -- conflicts ------------------------------------------------------------------------------


def conflicts_command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """List the open conflicts, or resolve one."""
    if args.conflicts_command == "resolve":
        return _resolve(service, args, lang, out)
    from kanban_sec.sync.merge import list_conflicts, list_quarantined

    found = list_conflicts(service.db, open_only=True)
    held = list_quarantined(service.db)
    if args.json:
        json.dump(
            [conflict_json(c) for c in found] + [quarantined_json(q, lang) for q in held],
            out,
            ensure_ascii=ascii_json(out),
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    plain = [c for c in found if not c.deleted_while_changed]
    deleted = [c for c in found if c.deleted_while_changed]
    if not plain and not deleted:
        print(t("sync.conflicts.none", lang), file=out)
    if plain:
        from kanban_sec.cli.table import Column, Table

        table = Table(
            [
                Column(
                    t(f"sync.conflicts.col.{name}", lang),
                    key=name in ("id", "field", "when"),
                    main=name == "item",
                    style="cyan" if name == "id" else "",
                )
                for name in ("id", "item", "field", "mine", "theirs", "who", "when")
            ]
        )
        for c in plain:
            mine, theirs = sides(c)
            table.add_row(
                short_id(c.id),
                c.title,
                c.field,
                shown(mine),
                shown(theirs),
                c.loser_author,
                when(c.loser_at),
            )
        table.print(out)
        print(t("sync.conflicts.hint", lang), file=out)
    if deleted:
        print(t("sync.deleted.title", lang), file=out)
        for c in deleted:
            print(
                t(
                    "sync.deleted.line",
                    lang,
                    id=short_id(c.id),
                    title=_cut(c.title, 36),
                    deleter=c.winner_author or "?",
                    editor=c.loser_author or "?",
                    fields=changed_text(c.loser_value),
                ),
                file=out,
            )
    if held:
        print(t("sync.quarantine.title", lang), file=out)
        for q in held:
            print(
                t(
                    "sync.quarantine.line",
                    lang,
                    id=short_id(q.change_id),
                    entity=q.entity,
                    row=short_id(q.row_id) if q.row_id else "",
                    who=q.author or "?",
                    reason=q.why(lang),
                ),
                file=out,
            )
    return EXIT_OK


def quarantined_json(held: Any, lang: str) -> dict[str, Any]:
    """A quarantined change for `conflicts --json`."""
    return {
        "kind": "quarantined",
        "id": held.change_id,
        "entity": held.entity,
        "row_id": held.row_id,
        "by": held.author,
        "fields": held.fields,
        "reason": held.why(lang),
        "at": held.at.isoformat() if held.at else None,
    }


def _cut(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def conflict_json(conflict: Any) -> dict[str, Any]:
    """A conflict for `conflicts --json`."""
    mine, theirs = sides(conflict)
    return {
        "kind": "deleted_while_changed" if conflict.deleted_while_changed else "conflict",
        "id": conflict.id,
        "entity": conflict.entity,
        "row_id": conflict.row_id,
        "title": conflict.title,
        "field": conflict.field,
        "mine": mine,
        "theirs": theirs,
        "current_value": conflict.winner_value,
        "overwritten_value": conflict.loser_value,
        "overwritten_is_mine": conflict.mine,
        "by": conflict.loser_author,
        "deleted_by": conflict.winner_author if conflict.deleted_while_changed else None,
        "at": conflict.loser_at.isoformat() if conflict.loser_at else None,
    }


def find_conflict(db: Any, fragment: str) -> Any:
    """The conflict whose id is, starts or ends with ``fragment`` (dashes optional)."""
    from kanban_sec.sync.merge import list_conflicts

    wanted = fragment.strip().lower().replace("-", "")
    every = list_conflicts(db, open_only=False) if wanted else []
    matches = [c for c in every if c.id.replace("-", "") == wanted] or [
        c
        for c in every
        if c.id.replace("-", "").endswith(wanted) or c.id.replace("-", "").startswith(wanted)
    ]
    if not matches:
        raise NotFound("sync.conflicts.not_found", id=fragment)
    if len(matches) > 1:
        raise BadInput(
            "sync.conflicts.ambiguous",
            id=fragment,
            matches=", ".join(short_id(c.id) for c in matches[:5]),
        )
    return matches[0]


def _resolve(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.services.conflicts import resolve_conflict

    if args.resolution == "edit" and args.value is None:
        raise BadInput("sync.conflicts.value_needed")
    if args.resolution != "edit" and args.value is not None:
        raise BadInput("sync.conflicts.value_only_edit")
    conflict = find_conflict(service.db, args.id)
    value = None
    if args.value is not None:
        like = conflict.winner_value if conflict.winner_value is not None else conflict.loser_value
        value = edit_value(args.value, like)
    outcome = resolve_conflict(
        service.db,
        service.author,
        conflict.id,
        args.resolution,
        value,
        person_id=service.person_id,
        lang=lang,
    )
    for warning in outcome.warnings:
        print(f"kanban-sec: {warning.render(lang)}", file=sys.stderr)
    print(
        t(
            "sync.conflicts.resolved",
            lang,
            id=short_id(conflict.id),
            field=conflict.field,
            title=conflict.title,
        ),
        file=out,
    )
    return EXIT_OK


# -- server ---------------------------------------------------------------------------------


def _admin_conninfo(url: str, args: argparse.Namespace, lang: str) -> tuple[str, Any]:
    """The administrator's connection string (password included: memory only)."""
    from kanban_sec.sync import settings as cfg

    address = cfg.parse_url(url)

    def conninfo(password: str) -> str:
        return cfg.admin_conninfo(
            url, password, ca_file=args.ca_file, allow_plain_loopback=args.allow_plain_loopback
        )

    conninfo("")  # a bad address or a refused plain connection, before the password
    return conninfo(_server_password(address.account, lang)), address


def server_command(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    """`server init` and `server add-member` (no board database needed)."""
    from kanban_sec.sync import server

    if args.server_command == "init":
        conninfo, address = _admin_conninfo(args.url, args, lang)
        version = server.init_server(conninfo)
        print(t("sync.admin.ready", lang, server=address.server, version=version), file=out)
        return EXIT_OK
    url = args.server or os.environ.get(SERVER_URL_VARIABLE, "")
    if not url.strip():
        raise BadInput("sync.admin.url_needed", variable=SERVER_URL_VARIABLE)
    login = args.name.strip()
    if not login:
        raise BadInput("sync.admin.empty_login")
    conninfo, address = _admin_conninfo(url, args, lang)
    password = _new_member_password(args, login, lang)
    server.add_member(
        conninfo,
        login,
        args.role,
        password,
        person=args.person or login,
        risk_owner=args.risk_owner,
    )
    role = t(f"role.{args.role}", lang)
    if args.risk_owner:
        role = t("sync.admin.with_risk_owner", lang, role=role)
    print(
        t("sync.admin.member_added", lang, login=login, role=role, server=address.server), file=out
    )
    return EXIT_OK


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, str, TextIO], int]] = {
    "sync": sync_command,
    "conflicts": conflicts_command,
}
