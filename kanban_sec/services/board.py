"""Use cases on the board's items, shared by the command line and the window.

Each call runs in one transaction, writes its change records in it, and returns an
:class:`Outcome` saying what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from kanban_sec.domain.errors import BadInput, Message, NotFound, Refused, msg
from kanban_sec.domain.governance import Acceptance, Action, RiskDecision
from kanban_sec.domain.ids import new_id, short_id
from kanban_sec.domain.model import (
    MATURITY_MAX,
    MATURITY_MIN,
    Chain,
    ChecklistEntry,
    Column,
    Comment,
    Item,
    Person,
    Role,
    Status,
)
from kanban_sec.domain.ownership import Delegation, OrgTree, delegation, lowest_level_share
from kanban_sec.domain.ranking import Ranked, rank
from kanban_sec.domain.text import t
from kanban_sec.services.access import require
from kanban_sec.services.names import Names, names_of
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.session import Service
from kanban_sec.store import rows
from kanban_sec.store.unit_of_work import Board, Reader, UnitOfWork, reading, writing

if TYPE_CHECKING:  # editing is imported when an edit is made: reading the board starts faster
    from kanban_sec.services.item_edit import ItemEdit

T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """An item as the board shows it: its rank, names instead of ids, its delegation."""

    item: Item
    ranked: Ranked | None
    chain: str
    link: str
    link_maturity: int | None
    target_maturity: int | None
    owner_unit: str
    owner_person: str
    risk_owner: str
    delegation: Delegation
    #: The acceptance in force that holds the item out of the ranking.
    accepted: RiskDecision | None = None
    accepted_by: str = ""
    #: For an accepted item: where it would stand (score, weakest link), though unranked.
    standing: Ranked | None = None

    @property
    def score(self) -> int | None:
        ranked = self.ranked or self.standing
        return ranked.score if ranked else None

    @property
    def weakest(self) -> bool:
        ranked = self.ranked or self.standing
        return bool(ranked and ranked.weakest)

    def explanation(self, lang: str) -> str:
        if self.accepted is not None:
            until = self.accepted.valid_until
            why = t(
                "why.accepted",
                lang,
                day=until.isoformat() if until else "—",
                owner=self.accepted_by or "—",
            )
            return f"{why} · {self.standing.explanation(lang)}" if self.standing else why
        return self.ranked.explanation(lang) if self.ranked else t("why.done", lang)


@dataclass(frozen=True)
class BoardView:
    """The ranked board: open items in rank order, then done items (newest first)."""

    entries: list[Entry]
    lowest_level: int
    open_items: int

    @property
    def lowest_level_share(self) -> float:
        return self.lowest_level / self.open_items if self.open_items else 1.0


class BoardService(Service):
    """The board's use cases for one person (the author of every change)."""

    def _may(self, uow: Reader, action: Action) -> None:
        require(uow, self.author, self.person_id, action)

    def prepare_writes(self) -> None:
        """Load what the first edit needs (the item edits' code), which reading the board
        does not: a window calls this once it has painted."""
        from kanban_sec.services import item_edit  # noqa: F401

    # -- reading -----------------------------------------------------------------------
    def view(self, *, include_done: bool = True) -> BoardView:
        """The ranked board with names resolved and delegation worked out."""
        with reading(self.db) as reader:
            board = reader.board(include_done=include_done)
        return build_view(board)

    def resolve(self, fragment: str) -> str:
        """An item id from a whole id or a unique start or end of one."""
        with reading(self.db) as reader:
            return _resolve(reader.item_ids_matching(fragment.strip()), fragment)

    def entry(self, item_id: str) -> Entry:
        for entry in self.view().entries:
            if entry.item.id == item_id:
                return entry
        raise NotFound("item.not_found", id=item_id)

    def comments(self, item_id: str) -> list[Comment]:
        with reading(self.db) as reader:
            return reader.comments(item_id)

    def history(self, item_id: str) -> list[Any]:
        with reading(self.db) as reader:
            return reader.history("item", item_id)

    def people(self) -> dict[str, Person]:
        """The people of the organisation, by id."""
        with reading(self.db) as reader:
            return reader.people()

    def organisation(self) -> OrgTree:
        """The units and the people in them."""
        with reading(self.db) as reader:
            return OrgTree(reader.units(), reader.people())

    def names(self) -> Names:
        """Name lookups (units, people, chains, links) as the board is now."""
        return names_of(self.db)

    def item(self, item_id: str) -> Item | None:
        """An item not deleted, by id."""
        with reading(self.db) as reader:
            return reader.item(item_id)

    def titles(self, item_ids: Iterable[str]) -> dict[str, str]:
        """The titles of ``item_ids`` (``""`` for one deleted or not there)."""
        with reading(self.db) as reader:
            return {
                i: (item.title if (item := reader.item(i)) is not None else "") for i in item_ids
            }

    def columns(self) -> list[Column]:
        """The board's columns in their order."""
        with reading(self.db) as reader:
            return reader.columns()

    def chains(self) -> dict[str, Chain]:
        """The chains, by id."""
        with reading(self.db) as reader:
            return reader.chains()

    # -- creating and editing ----------------------------------------------------------
    def create_item(self, title: str, **values: str) -> Outcome:
        """Add an item; ``values`` are field texts as typed (see :data:`EDITABLE_FIELDS`)."""
        from kanban_sec.services.item_edit import edit_from_texts

        return self._save(
            None, lambda names, item: edit_from_texts(names, item, {"title": title, **values})
        )

    def set_fields(self, item_id: str, values: Mapping[str, str]) -> Outcome:
        """Change fields from their typed text (``set ID FIELD=VALUE``)."""
        from kanban_sec.services.item_edit import edit_from_texts

        return self._save(item_id, lambda names, item: edit_from_texts(names, item, values))

    def save_item(self, item_id: str | None, edit: ItemEdit) -> Outcome:
        """Save what the item dialog changed (``item_id`` None: a new item) in one
        transaction: fields, checklist, pin, block and new comments, all or none."""
        return self._save(item_id, lambda _names, _item: edit)

    def edit_item(self, item_id: str, **changes: Any) -> Outcome:
        """Change fields from domain values (``likelihood=4``, ``tags=[...]``...)."""
        return self._change(item_id, lambda item, uow: replace(item, **changes))

    def move(self, item_id: str, status: Status | str) -> Outcome:
        """Move to another column; a hard WIP limit refuses, a soft one warns."""
        return self.move_many([item_id], status)

    def move_many(self, item_ids: Sequence[str], status: Status | str) -> Outcome:
        """Move cards to a column in one transaction, all of them or none: a hard WIP
        limit without room for them all, or the rulebook refusing any card, refuses the
        whole move with one message; a soft limit warns once."""
        target = status if isinstance(status, Status) else _parsed_status(status)
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.WORK)
            items = [_must_item(uow, item_id) for item_id in dict.fromkeys(item_ids)]
            moving = [item for item in items if item.status is not target]
            row_id = items[0].id if len(items) == 1 else None
            if not moving:
                return Outcome(row_id=row_id)
            warnings = self._check_wip(uow, target, adding=len(moving))
            for item in moving:
                try:
                    _update_item(uow, replace(item, status=target), moved=True)
                except Refused as refused:
                    if len(moving) == 1:
                        raise
                    raise Refused(
                        "move.none_moved", title=item.title, reason=refused.msg
                    ) from refused
            return Outcome(tuple(uow.changes), warnings, row_id)

    def pin(self, item_id: str, reason: str) -> Outcome:
        """Put an item first (expedite), with the reason shown on the card."""
        if not reason.strip():
            raise BadInput("pin.reason_required")
        return self._change(
            item_id,
            lambda item, uow: replace(
                item, pin_reason=reason.strip(), pinned_at=item.pinned_at or uow.now
            ),
        )

    def unpin(self, item_id: str) -> Outcome:
        return self._change(item_id, lambda item, _: replace(item, pinned_at=None, pin_reason=""))

    def block(self, item_id: str, reason: str) -> Outcome:
        if not reason.strip():
            raise BadInput("block.reason_required")
        return self._change(
            item_id,
            lambda item, uow: replace(
                item, blocked_reason=reason.strip(), blocked_at=item.blocked_at or uow.now
            ),
        )

    def unblock(self, item_id: str) -> Outcome:
        return self._change(
            item_id, lambda item, _: replace(item, blocked_reason="", blocked_at=None)
        )

    def assign(self, item_id: str, unit_id: str | None, person_id: str | None = None) -> Outcome:
        """Give the item to a unit and, optionally, a person in it."""

        def change(item: Item, uow: UnitOfWork) -> Item:
            people = uow.people()
            if person_id is not None:
                person = people.get(person_id)
                if person is None:
                    raise NotFound("person.not_found", name=person_id)
                if unit_id is not None and person.unit_id != unit_id:
                    names = Names(uow)
                    raise BadInput(
                        "person.not_in_unit", person=person.name, unit=names.unit_path(unit_id)
                    )
            unit = (
                unit_id
                if unit_id is not None
                else (people[person_id].unit_id if person_id is not None else None)
            )
            if unit is not None and unit not in uow.units():
                raise NotFound("unit.not_found", name=unit)
            return replace(item, owner_unit_id=unit, owner_person_id=person_id)

        return self._change(item_id, change)

    def delegate(self, item_id: str, to: str | None = None) -> Outcome:
        """Hand the item down: to ``to`` (a unit id or person id), or to the one suggestion."""
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.WORK)
            item = _must_item(uow, item_id)
            names = Names(uow)
            link = names.links.get(item.link_id) if item.link_id else None
            suggestion = delegation(item, names.tree, link)
            if not suggestion.can_be_delegated:
                raise Refused("delegate.nothing")
            choices = list(suggestion.units) + list(suggestion.people)
            if to is None:
                if len(choices) != 1:
                    raise Refused(
                        "delegate.ambiguous",
                        choices="; ".join(
                            names.unit_path(c) if c in names.units else names.people[c].name
                            for c in choices
                        )
                        or "—",
                    )
                to = choices[0]
            if to in names.people:
                moved = replace(item, owner_unit_id=names.people[to].unit_id, owner_person_id=to)
            elif to in names.units:
                moved = replace(item, owner_unit_id=to, owner_person_id=None)
            else:
                raise NotFound("unit.not_found", name=to)
            _update_item(uow, moved)
            return Outcome(tuple(uow.changes), (), item_id)

    def delete(self, item_id: str) -> Outcome:
        """Remove the item from the board (a tombstone, so replicas learn of it)."""
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.WORK)
            _must_item(uow, item_id)
            uow.tombstone("item", item_id)
            return Outcome(tuple(uow.changes), (), item_id)

    def add_comment(self, item_id: str, body: str) -> Outcome:
        if not body.strip():
            raise BadInput("comment.empty")
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.COMMENT)
            _must_item(uow, item_id)
            comment_id = self._insert_comment(uow, item_id, body)
            return Outcome(tuple(uow.changes), (), comment_id)

    def set_checklist(self, item_id: str, entries: list[ChecklistEntry]) -> Outcome:
        return self._change(item_id, lambda item, _: replace(item, checklist=list(entries)))

    # -- chains, links, organisation, columns ------------------------------------------
    def set_link_maturity(self, link_id: str, maturity: int) -> Outcome:
        """Assess a link; the whole board re-ranks on the next read."""
        if not MATURITY_MIN <= maturity <= MATURITY_MAX:
            raise BadInput(
                "value.out_of_range", value=maturity, low=MATURITY_MIN, high=MATURITY_MAX
            )
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.MATURITY)
            if uow.row("link", link_id) is None:
                raise NotFound("link.not_found", chain="?", name=link_id)
            uow.update("link", link_id, {"maturity": maturity})
            return Outcome(tuple(uow.changes), (), link_id)

    def set_target_maturity(self, chain_id: str, target: int) -> Outcome:
        if not MATURITY_MIN <= target <= MATURITY_MAX:
            raise BadInput("value.out_of_range", value=target, low=MATURITY_MIN, high=MATURITY_MAX)
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.TARGETS)
            uow.update("chain", chain_id, {"target_maturity": target})
            return Outcome(tuple(uow.changes), (), chain_id)

    def set_wip_limit(self, status: Status, limit: int | None, hard: bool = False) -> Outcome:
        if limit is not None and limit < 0:
            raise BadInput("value.out_of_range", value=limit, low=0, high="∞")
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.WIP_LIMITS)
            column = uow.column(status)
            uow.update("column", column.id, {"wip_limit": limit, "wip_hard": int(hard)})
            return Outcome(tuple(uow.changes), (), column.id)

    def ensure_unit(self, path: str) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.ORGANISATION)
            unit_id = Names(uow).ensure_unit(uow, path)
            return Outcome(tuple(uow.changes), (), unit_id)

    def add_person(self, name: str, unit_path: str, role: Role = Role.OPERATIONAL) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            # Anyone may join an existing unit as an operational member (that gives no more
            # rights than not being in the organisation); other roles and new units are
            # the governing members' call.
            if role is not Role.OPERATIONAL or names.find_unit(unit_path) is None:
                self._may(uow, Action.ORGANISATION)
            person_id = names.ensure_person(uow, name, names.ensure_unit(uow, unit_path), role)
            return Outcome(tuple(uow.changes), (), person_id)

    def add_chain(
        self, name: str, risk_owner: str | None = None, target_maturity: int = MATURITY_MAX
    ) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.ORGANISATION)
            names = Names(uow)
            owner = names.ensure_unit(uow, risk_owner) if risk_owner else None
            chain_id = names.ensure_chain(uow, name, owner, target_maturity)
            return Outcome(tuple(uow.changes), (), chain_id)

    def add_link(
        self,
        chain: str,
        name: str,
        maturity: int = MATURITY_MIN,
        kind: str = "",
        responsible_unit: str | None = None,
    ) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.MATURITY)
            names = Names(uow)
            chain_id = names.chain(chain)
            unit = names.ensure_unit(uow, responsible_unit) if responsible_unit else None
            link_id = names.ensure_link(
                uow, chain_id, name, kind=kind, responsible_unit_id=unit, maturity=maturity
            )
            return Outcome(tuple(uow.changes), (), link_id)

    # -- internals ---------------------------------------------------------------------
    def _save(self, item_id: str | None, edit_of: Callable[[Names, Item], ItemEdit]) -> Outcome:
        """Apply the edit ``edit_of`` makes (from the names and the item as stored) to
        the item, or to a new one, with its comments: one transaction."""
        with writing(self.db, self.author, self.person_id) as uow:
            names = Names(uow)
            before = (
                _own_values(uow, _must_item(uow, item_id))
                if item_id is not None
                else Item(id=new_id(), title="")
            )
            edit = edit_of(names, before)
            if item_id is None or edit.changed():
                self._may(uow, Action.WORK)
            if edit.comments:
                self._may(uow, Action.COMMENT)
                if any(not body.strip() for body in edit.comments):
                    raise BadInput("comment.empty")
            from kanban_sec.services.item_edit import apply_edit

            after = apply_edit(names, before, edit, uow.now)
            _keeps_risk_judgement(uow, before, after)
            warnings: tuple[Message, ...] = ()
            if item_id is None:
                if not after.title:
                    raise BadInput("field.problem", field="title", problem=msg("title.required"))
                warnings = self._check_wip(uow, after.status)
                _insert_item(uow, after)
            else:
                moved = after.status is not before.status
                if moved:
                    warnings = self._check_wip(uow, after.status)
                _update_item(uow, after, moved=moved)
            for body in edit.comments:
                self._insert_comment(uow, after.id, body)
            return Outcome(tuple(uow.changes), warnings, after.id)

    def _insert_comment(self, uow: UnitOfWork, item_id: str, body: str) -> str:
        comment_id = new_id()
        uow.insert(
            "comment",
            {"id": comment_id, "item_id": item_id, "author": self.author, "body": body.strip()},
        )
        return comment_id

    def _change(self, item_id: str, change: Callable[[Item, UnitOfWork], Item]) -> Outcome:
        with writing(self.db, self.author, self.person_id) as uow:
            self._may(uow, Action.WORK)
            item = _must_item(uow, item_id)
            after = change(item, uow)
            _keeps_risk_judgement(uow, item, after)
            _update_item(uow, after)
            return Outcome(tuple(uow.changes), (), item_id)

    def _check_wip(self, uow: UnitOfWork, status: Status, adding: int = 1) -> tuple[Message, ...]:
        """Whether ``adding`` more items fit in the column: a hard limit refuses them all
        when they do not, a soft one warns."""
        column = uow.column(status)
        if column.wip_limit is None:
            return ()
        held = uow.count_open_in(status)
        count = held + adding
        if count <= column.wip_limit:
            return ()
        name = column.name(self.lang)
        if column.wip_hard:
            room = column.wip_limit - held
            if adding > 1 and room > 0:
                raise Refused(
                    "wip.hard_room", column=name, limit=column.wip_limit, room=room, count=adding
                )
            raise Refused("wip.hard", column=name, limit=column.wip_limit)
        return (msg("wip.soft", column=name, count=count, limit=column.wip_limit),)


def build_view(board: Board, today: date | None = None) -> BoardView:
    """Rank the board and resolve names for display and export.

    Items whose risk is accepted (until a date not yet passed) are not ranked; they follow
    the ranked ones, the soonest to come back first.
    """
    acceptance = Acceptance(board.items, board.decisions, today or date.today())
    accepted = acceptance.accepted
    ranking = {
        r.item_id: r
        for r in rank(
            [i for i in board.items if i.id not in accepted] if accepted else board.items,
            board.chains,
            board.links,
        )
    }
    standings = (
        {
            r.item_id: r
            for r in rank([i for i in board.items if i.id in accepted], board.chains, board.links)
        }
        if accepted
        else {}
    )
    tree = OrgTree(board.units, board.people)
    paths: dict[str, str] = {}

    def path(unit_id: str | None) -> str:
        if unit_id is None or unit_id not in board.units:
            return ""
        if unit_id not in paths:
            paths[unit_id] = tree.path(unit_id)
        return paths[unit_id]

    entries = []
    for item in board.items:
        chain = board.chains.get(item.chain_id) if item.chain_id else None
        link = board.links.get(item.link_id) if item.link_id else None
        person = board.people.get(item.owner_person_id) if item.owner_person_id else None
        entries.append(
            Entry(
                item=item,
                ranked=ranking.get(item.id),
                chain=chain.name if chain else "",
                link=link.name if link else "",
                link_maturity=link.maturity if link else None,
                target_maturity=chain.target_maturity if chain else None,
                owner_unit=path(item.owner_unit_id),
                owner_person=person.name if person else "",
                risk_owner=path(chain.risk_owner_unit_id) if chain else "",
                delegation=delegation(item, tree, link),
                accepted=accepted.get(item.id),
                standing=standings.get(item.id),
                accepted_by=_person_name(board, accepted[item.id].decided_by)
                if item.id in accepted
                else "",
            )
        )
    entries.sort(key=_board_order)
    lowest, total = lowest_level_share(board.items, tree, board.links)
    return BoardView(entries, lowest, total)


def _person_name(board: Board, person_id: str | None) -> str:
    person = board.people.get(person_id) if person_id else None
    return person.name if person else ""


def _board_order(entry: Entry) -> tuple[int, int, str]:
    if entry.ranked is not None:
        return (0, entry.ranked.rank, "")
    if entry.accepted is not None:
        until = entry.accepted.valid_until
        return (1, until.toordinal() if until else 0, entry.item.id)
    done = entry.item.done_at or entry.item.updated_at
    return (2, -int(done.timestamp() * 1_000_000) if done else 0, entry.item.id)


def _resolve(matches: list[str], fragment: str) -> str:
    if not matches:
        raise NotFound("item.not_found", id=fragment)
    if len(matches) > 1:
        raise NotFound(
            "item.ambiguous", id=fragment, matches=", ".join(short_id(m) for m in matches[:5])
        )
    return matches[0]


def _own_values(uow: UnitOfWork, item: Item) -> Item:
    """A measure of a ROS risk with its own likelihood and consequence (it shows its
    risk's), so that an edit taking it off the risk gives it back its own."""
    if item.risk_id is None:
        return item
    row = uow.world.row("item", item.id) or {}
    return replace(item, likelihood=row.get("likelihood"), consequence=row.get("consequence"))


def _must_item(uow: UnitOfWork, item_id: str) -> Item:
    item = uow.item(item_id)
    if item is None:
        raise NotFound("item.not_found", id=item_id)
    return item


_STARTED = ("doing", "verify", "done")


def status_times(status: str, started_at: str | None, now: str) -> dict[str, str | None]:
    """The times that follow entering a column: entered, first started, done (or reopened)."""
    return {
        "status_changed_at": now,
        "started_at": started_at or (now if status in _STARTED else None),
        "done_at": now if status == "done" else None,
    }


def _insert_item(uow: UnitOfWork, item: Item) -> None:
    values = rows.item_values(item)
    values.update(status_times(values["status"], values["started_at"], uow.now_text))
    uow.insert("item", values)


def _parsed_status(text: str) -> Status:
    from kanban_sec.domain import fields as parse
    from kanban_sec.services.item_edit import parsed

    return parsed("status", parse.parse_status, text)


def _keeps_risk_judgement(uow: UnitOfWork, before: Item, after: Item) -> None:
    """A measure of a ROS risk takes the risk's likelihood and consequence: changing them
    on the item is refused with where to change them (never silently dropped)."""
    if not before.risk_id or after.risk_id != before.risk_id:
        return
    if (after.likelihood, after.consequence) != (before.likelihood, before.consequence):
        risk = uow.world.row("ros_risk", before.risk_id)
        raise Refused(
            "ros.measure_takes_risk",
            title=after.title,
            risk=str(risk.get("title", "")) if risk is not None else before.risk_id,
        )


def _update_item(uow: UnitOfWork, item: Item, *, moved: bool = False) -> None:
    values = rows.item_values(item)
    del values["id"]
    if moved:
        values.update(status_times(values["status"], values["started_at"], uow.now_text))
    uow.update("item", item.id, values)
