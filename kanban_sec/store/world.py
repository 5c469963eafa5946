"""What the rulebook may ask about the board, answered from one open transaction, and the
consequences a write of an item has by the rules (needing verification, a void acceptance).

Every question is a single indexed query or a small table read: a card move on a board of
10,000 items stays a few milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from kanban_sec.domain import rules
from kanban_sec.domain.governance import Band, Policy, bands_from, policy_from
from kanban_sec.domain.model import Classification, Item
from kanban_sec.domain.ranking import item_score
from kanban_sec.store import rows
from kanban_sec.store.entities import TABLE_OF

if TYPE_CHECKING:
    from kanban_sec.store.unit_of_work import Reader


class StoreWorld:
    """:class:`kanban_sec.domain.rules.World` over a reader's transaction."""

    #: Rows a write is often judged against many times (an import of many items on a few
    #: chains): kept for the transaction, forgotten when the unit of work writes them.
    CACHED = frozenset({"chain", "link", "unit", "setting", "column"})

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._settings: dict[str, str] | None = None
        self._cache: dict[tuple[str, str], Mapping[str, Any] | None] = {}
        self._policy: Policy | None = None

    def forget(self, entity: str) -> None:
        """A row of ``entity`` was written: answer from the database again."""
        if entity in self.CACHED:
            self._cache = {k: v for k, v in self._cache.items() if k[0] != entity}
        if entity == "setting":
            self._settings = None

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        return self.reader.conn.exec_driver_sql(sql, params).first()

    # -- who acts ----------------------------------------------------------------------
    def person(self, person_id: str) -> Mapping[str, Any] | None:
        return self.row("person", person_id)

    def actor(
        self, author: str, person_id: str | None, *, setting_up: bool | None = None
    ) -> rules.Actor:
        """The acting person: by id when known, else the one person with the author's name
        (case-insensitive); somebody not in the organisation acts as operational."""
        found = None
        if person_id is not None:
            found = self._one(
                f"SELECT {rows.PERSON_COLUMNS} FROM people WHERE id = ? AND deleted_at IS NULL",
                (person_id,),
            )
        if found is None:
            folded = author.strip().casefold()
            # SQLite's lower() is Python's casefold() for a name of printable ASCII alone:
            # those are matched in SQL; a name with any other character is read and folded
            # here. (Every write asks: the board's people are not read each time.)
            matches = [
                r
                for r in self.reader.conn.exec_driver_sql(
                    f"SELECT {rows.PERSON_COLUMNS} FROM people WHERE deleted_at IS NULL"
                    " AND (lower(name) = ? OR name GLOB '*[^ -~]*')",
                    (folded,),
                ).all()
                if r[1].casefold() == folded
            ]
            found = matches[0] if len(matches) == 1 else None
        if setting_up is None:
            setting_up = (
                self._one(
                    "SELECT 1 FROM people WHERE role = 'governing' AND deleted_at IS NULL LIMIT 1",
                    (),
                )
                is None
            )
        if found is None:
            return rules.Actor(author, None, rules.OPERATIONAL, None, setting_up)
        return rules.Actor(found[1], found[0], found[3], found[2], setting_up)

    # -- rules.World -------------------------------------------------------------------
    def row(self, entity: str, row_id: str | None) -> Mapping[str, Any] | None:
        if row_id is None:
            return None
        key = (entity, row_id)
        if key in self._cache:
            return self._cache[key]
        result = self.reader.conn.exec_driver_sql(
            f"SELECT * FROM {TABLE_OF[entity]} WHERE id = ?", (row_id,)
        )
        found = result.first()
        row = dict(zip(result.keys(), found, strict=True)) if found is not None else None
        live = row if row is not None and not row.get("deleted_at") else None
        if entity in self.CACHED:
            self._cache[key] = live
        return live

    def units_up(self, unit_id: str) -> list[str]:
        out: list[str] = []
        current: str | None = unit_id
        while current is not None and current not in out:
            out.append(current)
            found = self._one("SELECT parent_id FROM org_units WHERE id = ?", (current,))
            current = found[0] if found is not None else None
        return out

    def approved_since(self, item_id: str, since: str | None) -> bool:
        return (
            self._one(
                "SELECT 1 FROM verifications WHERE item_id = ? AND verdict = 'approved'"
                " AND deleted_at IS NULL AND created_at >= ? LIMIT 1",
                (item_id, since or ""),
            )
            is not None
        )

    def settings(self) -> dict[str, str]:
        if self._settings is None:
            self._settings = self.reader.settings()
        return self._settings

    def score(self, item: Mapping[str, Any]) -> int:
        chain = self.row("chain", item.get("chain_id")) if item.get("chain_id") else None
        link = self.row("link", item.get("link_id")) if item.get("link_id") else None
        # A measure of a ROS risk scores with the risk's likelihood and consequence.
        judged = self.row("ros_risk", item.get("risk_id")) if item.get("risk_id") else None
        shell = Item(
            id=str(item.get("id", "")),
            title="",
            likelihood=_judged((judged or item).get("likelihood")),
            consequence=_judged((judged or item).get("consequence")),
        )
        chain_links = (
            [
                rows.link_from(r)
                for r in self.reader.conn.exec_driver_sql(
                    f"SELECT {rows.LINK_COLUMNS} FROM links"
                    " WHERE chain_id = ? AND deleted_at IS NULL",
                    (chain["id"],),
                ).all()
            ]
            if chain and not link
            else []
        )
        return item_score(
            shell,
            rows.chain_from(
                [
                    chain[k]
                    for k in ("id", "name", "risk_owner_unit_id", "target_maturity", "description")
                ]
            )
            if chain
            else None,
            rows.link_from(
                [
                    link[k]
                    for k in (
                        "id",
                        "chain_id",
                        "name",
                        "kind",
                        "country",
                        "responsible_unit_id",
                        "maturity",
                        "run_by",
                    )
                ]
            )
            if link
            else None,
            chain_links,
        )

    def needs_verification(self, item: Mapping[str, Any]) -> tuple[bool, int]:
        policy = self.policy()
        classification = Classification(item.get("classification") or "open")
        if policy.verify_min_score is None:
            return classification in policy.verify_classifications, 0
        score = self.score(item)
        return (
            score >= policy.verify_min_score or classification in policy.verify_classifications,
            score,
        )

    def has_controller(self) -> bool:
        return (
            self._one(
                "SELECT 1 FROM people WHERE role = 'controlling' AND deleted_at IS NULL LIMIT 1", ()
            )
            is not None
        )

    def policy(self) -> Policy:
        if self._policy is None or self._settings is None:
            self._policy = policy_from(self.settings())
        return self._policy

    def red_band(self, likelihood: int, consequence: int) -> bool:
        return bands_from(self.settings()).band(likelihood, consequence) is Band.RED

    def chain_open_items(self, chain_id: str) -> list[Mapping[str, Any]]:
        return list(
            self.reader.conn.exec_driver_sql(
                "SELECT id, title, likelihood, consequence, chain_id, link_id FROM items"
                " WHERE chain_id = ? AND status != 'done' AND deleted_at IS NULL",
                (chain_id,),
            )
            .mappings()
            .all()
        )

    def change_author(self, change_id: str) -> str | None:
        found = self._one("SELECT author FROM changes WHERE id = ?", (change_id,))
        return found[0] if found is not None else None

    # -- what writing an item brings with it -------------------------------------------
    def item_consequences(
        self, current: Mapping[str, Any] | None, values: dict[str, Any]
    ) -> dict[str, Any]:
        """``values`` with what the rules make follow from them: entering Verify fixes
        whether the item needs verification (never lifted again), and changing what an
        acceptance was decided on voids it, noting who changed what."""
        before = current or {}
        # A measure of a ROS risk takes the risk's likelihood and consequence: its own are
        # kept as they were, for when it leaves the risk (whoever writes, by whatever path).
        # A new row keeps what it is written with: an insert names every column.
        if current is not None and values.get("risk_id", before.get("risk_id")):
            values.pop("likelihood", None)
            values.pop("consequence", None)
        # The rulebook's own fields: a writer that names them without a value means none.
        if "needs_verification" in values and values["needs_verification"] is None:
            values["needs_verification"] = int(bool(before.get("needs_verification")))
        if "acceptance_void" in values and values["acceptance_void"] is None:
            values["acceptance_void"] = ""
        if before.get("needs_verification") and "needs_verification" in values:
            values["needs_verification"] = 1
        status = values.get("status", before.get("status"))
        if (
            status == "verify"
            and before.get("status") != "verify"
            and not before.get("needs_verification")
        ):
            merged = {**before, **values}
            values["needs_verification"] = int(self.needs_verification(merged)[0])
        elif current is None:
            values.setdefault("needs_verification", 0)
        if current is not None:
            changed = {
                n: [before.get(n), values[n]]
                for n in rules.ACCEPTANCE_FIELDS
                if n in values and values[n] != before.get(n)
            }
            if changed and self._accepted(current):
                values["acceptance_void"] = json.dumps(
                    {"by": self.reader_author(), "fields": changed}, ensure_ascii=False
                )
        return values

    def reader_author(self) -> str:
        return str(getattr(self.reader, "author", ""))

    def _accepted(self, item: Mapping[str, Any]) -> bool:
        """Whether an acceptance in force covers the item as it is now."""
        found = self.reader.conn.exec_driver_sql(
            "SELECT covers FROM risk_decisions WHERE deleted_at IS NULL AND decision = 'accept'"
            " AND (item_id = ? OR (item_id IS NULL AND chain_id = ?))"
            " AND (valid_until IS NULL OR valid_until >= ?)",
            (item["id"], item.get("chain_id"), date.today().isoformat()),
        ).all()
        snapshot = rules.acceptance_snapshot(item)
        for (covers,) in found:
            if covers is None:
                return True
            if json.loads(covers).get(item["id"]) == snapshot:
                return True
        return False


def _judged(value: Any) -> int | None:
    """A stored likelihood or consequence; ``None`` when unassessed."""
    return None if value is None or value == "" else int(value)
