"""The board's commands: the ranked list, an item's fields and history, adding, moving and
changing items, the example board, and CSV import and export."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO

from kanban_sec.cli.output import ascii_json
from kanban_sec.domain.errors import BadInput
from kanban_sec.domain.ids import short_id
from kanban_sec.domain.text import t
from kanban_sec.runtime import APP_NAME

EXIT_OK = 0


def add_parsers(sub: Any) -> None:
    """The board's commands, first in ``--help``."""
    sub.add_parser("demo", help="load the example board into an empty database")
    sub.add_parser(
        "whoami", help="who you act as: name, role and unit (--as NAME or KANBAN_SEC_USER sets it)"
    )

    p = sub.add_parser("list", help="the ranked board (open items unless asked)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--status", help="only this column (key or name)")
    p.add_argument("--owner", help="only items owned by this unit or a unit under it")
    p.add_argument("--mine", action="store_true", help="only items owned by you")
    p.add_argument("--all", action="store_true", help="done items too")

    p = sub.add_parser(
        "show", help="every field of an item, why it ranks where it does, comments and history"
    )
    p.add_argument("id")

    p = sub.add_parser("add", help="add an item")
    p.add_argument("title")
    for name in (
        "chain",
        "link",
        "likelihood",
        "consequence",
        "effort",
        "owner",
        "person",
        "status",
        "framework-ref",
        "classification",
        "tags",
        "due",
        "description",
    ):
        p.add_argument(f"--{name}")
    p.add_argument(
        "--risk",
        help="the ROS risk it is a measure of (id, short key or title): it moves into the "
        "risk's chain and takes the risk's likelihood and consequence",
    )

    p = sub.add_parser("move", help="move an item to another column")
    p.add_argument("id")
    p.add_argument("status")

    p = sub.add_parser(
        "set", help="change fields: FIELD=VALUE ... (risk=RISK makes it a measure, risk= ends it)"
    )
    p.add_argument("id")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")

    for name, text in (
        ("pin", "put an item first, with a reason"),
        ("block", "mark an item blocked, with a reason"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id")
        p.add_argument("reason")
    for name, text in (
        ("unpin", "let the ranking place an item again"),
        ("unblock", "clear an item's blocked mark"),
        ("delete", "remove an item from the board"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("id")

    p = sub.add_parser("delegate", help="hand an item to a lower unit or a person")
    p.add_argument("id")
    p.add_argument("--to", help="unit path or person (default: the one suggestion)")

    p = sub.add_parser("comment", help="add a comment to an item")
    p.add_argument("id")
    p.add_argument("text")

    p = sub.add_parser("maturity", help="set a link's maturity (0-3); the board re-ranks")
    p.add_argument("chain")
    p.add_argument("link")
    p.add_argument("maturity", type=int, choices=range(4))


def add_exchange_parsers(sub: Any) -> None:
    """CSV import and export, last in ``--help``."""
    p = sub.add_parser("import", help="import items from CSV (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="report what would change")
    p.add_argument("--ignore-unknown-columns", action="store_true")

    p = sub.add_parser("export", help="export the backlog to CSV for Excel")
    p.add_argument("file", help="the CSV file to write (- for standard output)")
    p.add_argument("--delimiter", choices=(",", ";", "tab"), default=",")
    p.add_argument("--include-done", action="store_true")
    p.add_argument("--include-confidential", action="store_true")


def _cmd_board(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    args.json, args.status, args.owner, args.mine, args.all = False, None, None, False, False
    _cmd_list(service, args, lang, out)
    view = service.view(include_done=False)
    share = f"{view.lowest_level_share:.0%}"
    print(
        f"\n{view.open_items} open · {share} owned at the lowest level · {service.db.path}"
        if lang == "en"
        else f"\n{view.open_items} åpne · {share} eid på laveste nivå · {service.db.path}",
        file=out,
    )
    if view.open_items == 0:
        print(
            "The board is empty: `kanban-sec demo` loads an example board."
            if lang == "en"
            else "Tavlen er tom: `kanban-sec demo` laster en eksempeltavle.",
            file=out,
        )
    return EXIT_OK


def _cmd_list(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.domain import fields as parse
    from kanban_sec.domain.errors import FieldProblem
    from kanban_sec.domain.model import Status

    status = None
    if args.status:
        try:
            status = parse.parse_status(args.status)
        except FieldProblem as problem:
            raise BadInput("field.problem", field="--status", problem=problem.msg) from None
    include_done = args.all or status is Status.DONE
    view = service.view(include_done=include_done)
    entries = view.entries
    if status is not None:
        entries = [e for e in entries if e.item.status is status]
    if args.owner:
        names = service.names()
        inside = set(names.tree.subtree(names.unit(args.owner)))
        entries = [e for e in entries if e.item.owner_unit_id in inside]
    if args.mine:
        me = service.author.casefold()
        entries = [e for e in entries if e.owner_person.casefold() == me]
    if args.json:
        risks = _risk_titles(service, entries)
        json.dump(
            [_entry_json(e, lang, risks) for e in entries],
            out,
            ensure_ascii=ascii_json(out),
            indent=2,
        )
        out.write("\n")
        return EXIT_OK
    _print_table(entries, lang, out)
    return EXIT_OK


def _risk_titles(service: Any, entries: list[Any]) -> dict[str, str]:
    """The titles of the ROS risks the entries are measures of (read only when there are)."""
    if not any(e.item.risk_id for e in entries):
        return {}
    from kanban_sec.services.ros import RosService

    return dict(RosService(service.session).titles())


def _entry_json(entry: Any, lang: str, risks: dict[str, str] | None = None) -> dict[str, Any]:
    item, ranked = entry.item, entry.ranked
    risk_id = item.risk_id
    # Where the score's gap is measured from (an accepted item's would-be standing too):
    # the link's maturity, or for work on a chain as a whole its weakest link's.
    standing = ranked or entry.standing
    in_chain = standing is not None and standing.place.chain is not None
    return {
        "id": item.id,
        "rank": ranked.rank if ranked else None,
        "title": item.title,
        "status": item.status.value,
        "chain": entry.chain or None,
        "link": entry.link or None,
        "likelihood": item.likelihood,
        "consequence": item.consequence,
        "link_maturity": standing.maturity if in_chain else entry.link_maturity,
        "target_maturity": standing.target if in_chain else entry.target_maturity,
        "gap": standing.gap if standing is not None else None,
        "score": entry.score,
        "weakest_link": entry.weakest,
        "accepted_until": entry.accepted.valid_until.isoformat()
        if entry.accepted is not None and entry.accepted.valid_until
        else None,
        "effort": item.effort.value if item.effort else None,
        "owner_unit": entry.owner_unit or None,
        "owner_person": entry.owner_person or None,
        "risk_owner": entry.risk_owner or None,
        "can_be_delegated": entry.delegation.can_be_delegated,
        "pinned": item.pinned,
        "pin_reason": item.pin_reason or None,
        "blocked_reason": item.blocked_reason or None,
        "classification": item.classification.value,
        "framework_ref": item.framework_ref or None,
        "tags": item.tags,
        "due_date": item.due_date.isoformat() if item.due_date else None,
        # the ROS risk it is a measure of (its likelihood and consequence are the risk's)
        "risk": {"id": risk_id, "title": (risks or {}).get(risk_id, "")} if risk_id else None,
        "explanation": entry.explanation(lang),
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(entries: list[Any], lang: str, out: TextIO) -> None:
    from kanban_sec.cli.table import Column, Table

    def head(name: str) -> str:
        return t(f"list.col.{name}", lang)

    table = Table(
        [
            Column(head("rank"), key=True, right=True),
            Column(head("id"), key=True, style="cyan"),
            Column("⚑", key=True),
            Column(head("score"), key=True, right=True, style="bold"),
            Column(head("status"), key=True),
            Column(head("title"), main=True),
            Column(head("where"), optional=True),
            Column(head("owner")),
        ]
    )
    for e in entries:
        item, ranked = e.item, e.ranked
        flags = (
            ("⚑" if e.weakest else "")
            + ("📌" if item.pinned else "")
            + ("⛔" if item.blocked else "")
        )
        where = f"{e.chain} › {e.link or t('link.unnamed', lang)}" if e.chain else ""
        owner = e.owner_person or e.owner_unit.rsplit(" / ", 1)[-1]
        shown_rank = str(ranked.rank) if ranked else "≈" if e.accepted is not None else "–"
        table.add_row(
            shown_rank,
            short_id(item.id),
            flags,
            "" if e.score is None else str(e.score),
            t(f"status.{item.status.value}", lang),
            item.title,
            where,
            owner,
            note="↳ " + e.explanation(lang),
        )
    table.print(out)


def _cmd_show(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id = service.resolve(args.id)
    entry = service.entry(item_id)
    item = entry.item
    data = _entry_json(entry, lang, _risk_titles(service, [entry]))
    if data["risk"] is not None:  # one line: the risk's title and short key
        data["risk"] = f"{data['risk']['title']} ({short_id(data['risk']['id'])})"
    data["description"] = item.description
    data["checklist"] = [f"[{'x' if c.done else ' '}] {c.text}" for c in item.checklist]
    for name in (
        "created_at",
        "updated_at",
        "status_changed_at",
        "started_at",
        "done_at",
        "blocked_at",
        "pinned_at",
    ):
        value = getattr(item, name)
        data[name] = value.isoformat(timespec="seconds") if value else None
    suggestion = entry.delegation
    if suggestion.can_be_delegated:
        names = service.names()
        data["delegate_to"] = [names.unit_path(u) for u in suggestion.units] + [
            names.people[p].name for p in suggestion.people
        ]
    width = max(len(k) for k in data)
    for key, value in data.items():
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        text = "" if value is None else str(value)
        print(f"{key.ljust(width)}  {text}".rstrip(), file=out)
    comments = service.comments(item_id)
    if comments:
        print("\n" + t("show.comments", lang), file=out)
        for c in comments:
            print(f"  {c.created_at:%Y-%m-%d %H:%M} {c.author}: {c.body}", file=out)
    print("\n" + t("show.history", lang), file=out)
    for change in service.history(item_id):
        shown = ", ".join(
            f"{k}: {_short(v[1])} → {_short(v[0])}"
            for k, v in change.fields.items()
            if k != "updated_at"
        )
        print(f"  {change.at:%Y-%m-%d %H:%M} {change.author}: {shown}", file=out)
    return EXIT_OK


def _short(value: Any) -> str:
    text = "∅" if value is None or value == "" else str(value)
    return _cut(text.replace("\n", " "), 40)


def _report(outcome: Any, lang: str, out: TextIO, done: str) -> int:
    for warning in outcome.warnings:
        print(f"{APP_NAME}: {warning.render(lang)}", file=sys.stderr)
    print(done, file=out)
    return EXIT_OK


def _cmd_add(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    values = {
        field: getattr(args, attr)
        for field, attr in (
            ("chain", "chain"),
            ("link", "link"),
            ("likelihood", "likelihood"),
            ("consequence", "consequence"),
            ("effort", "effort"),
            ("owner_unit", "owner"),
            ("owner_person", "person"),
            ("status", "status"),
            ("framework_ref", "framework_ref"),
            ("classification", "classification"),
            ("tags", "tags"),
            ("due_date", "due"),
            ("description", "description"),
            ("risk", "risk"),
        )
        if getattr(args, attr) is not None
    }
    outcome = service.create_item(args.title, **values)
    return _report(outcome, lang, out, outcome.row_id)


def _cmd_move(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id = service.resolve(args.id)
    outcome = service.move(item_id, args.status)
    entry = service.entry(item_id)
    return _report(
        outcome, lang, out, f"{short_id(item_id)} → {t('status.' + entry.item.status.value, lang)}"
    )


def _cmd_set(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    values: dict[str, str] = {}
    for assignment in args.assignments:
        name, sep, value = assignment.partition("=")
        if not sep or not name.strip():
            raise BadInput("field.assignment", value=assignment)
        values[name.strip().replace("-", "_")] = value
    item_id = service.resolve(args.id)
    outcome = service.set_fields(item_id, values)
    return _report(outcome, lang, out, short_id(item_id))


def _simple(method: str, *extra: str) -> Any:
    def command(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
        item_id = service.resolve(args.id)
        outcome = getattr(service, method)(item_id, *(getattr(args, e) for e in extra))
        return _report(outcome, lang, out, short_id(item_id))

    return command


def _cmd_delegate(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    item_id = service.resolve(args.id)
    target = None
    if args.to:
        names = service.names()
        target = names.find_person(args.to) or names.unit(args.to)
    outcome = service.delegate(item_id, target)
    entry = service.entry(item_id)
    return _report(
        outcome, lang, out, f"{short_id(item_id)} → {entry.owner_person or entry.owner_unit}"
    )


def _cmd_maturity(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    names = service.names()
    link_id = names.link(names.chain(args.chain), args.link)
    outcome = service.set_link_maturity(link_id, args.maturity)
    return _report(outcome, lang, out, f"{args.chain} › {args.link}: {args.maturity}/3")


def _cmd_demo(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.services.demo import load_demo

    outcome = load_demo(service)
    return _report(
        outcome,
        lang,
        out,
        t("demo.loaded", lang, count=outcome.counts["items"], path=service.db.path),
    )


def _cmd_import(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.cli.progress import progress, rows
    from kanban_sec.services.csv_exchange import import_csv

    with progress({"import": t("progress.import", lang)}) as report:
        if report is not None:
            report("import", 0, None)  # shown while the file is read
        outcome = import_csv(
            service,
            args.file,
            dry_run=args.dry_run,
            ignore_unknown_columns=args.ignore_unknown_columns,
            on_progress=rows(report, "import"),
        )
    key = "import.dry_run" if args.dry_run else "import.done"
    return _report(outcome, lang, out, t(key, lang, path=args.file, **outcome.counts))


def _cmd_export(service: Any, args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from kanban_sec.cli.progress import progress, rows
    from kanban_sec.services.csv_export import export_csv

    target = sys.stdout.buffer if args.file == "-" else args.file
    with progress({"export": t("progress.export", lang)}) as report:
        if report is not None:
            report("export", 0, None)  # shown while the board is read and ranked
        count = export_csv(
            service.db,
            target,
            delimiter=args.delimiter,
            include_done=args.include_done,
            include_confidential=args.include_confidential,
            lang=lang,
            author=service.author,
            on_progress=rows(report, "export"),
        )
    if args.file != "-":
        print(t("export.done", lang, count=count, path=args.file), file=out)
    if not args.include_confidential:
        from kanban_sec.services.csv_export import confidential_left_out

        left = confidential_left_out(service.db, include_done=args.include_done)
        if left:  # beside the summary; for an export to stdout, on stderr (clean data)
            print(
                t("export.left_out", lang, count=left), file=sys.stderr if args.file == "-" else out
            )
    return EXIT_OK


def _cmd_whoami(service: Any, lang: str, out: TextIO) -> int:
    from kanban_sec.services.governance import GovernanceService

    print(GovernanceService(service.session).whoami().render(lang), file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable[[Any, argparse.Namespace, str, TextIO], int]] = {
    "board": _cmd_board,
    "demo": _cmd_demo,
    "whoami": lambda service, args, lang, out: _cmd_whoami(service, lang, out),
    "list": _cmd_list,
    "show": _cmd_show,
    "add": _cmd_add,
    "move": _cmd_move,
    "set": _cmd_set,
    "pin": _simple("pin", "reason"),
    "unpin": _simple("unpin"),
    "block": _simple("block", "reason"),
    "unblock": _simple("unblock"),
    "delete": _simple("delete"),
    "comment": _simple("add_comment", "text"),
    "delegate": _cmd_delegate,
    "maturity": _cmd_maturity,
    "import": _cmd_import,
    "export": _cmd_export,
}
