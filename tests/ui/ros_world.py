"""ROS risks on a copy of the example board, written through RosService as the people who
may write them: IT's likelihood (Henrik Dahl), the business's consequence (Astrid
Myklebust for the medication dispenser, Camilla Berg for the TT card), and measures."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kanban_sec.services.board import BoardService
from kanban_sec.services.ros import RosService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database
from tests.ros_board import without_the_examples_ros

IT = "Henrik Dahl"
BUSINESS = "Astrid Myklebust"  # governing, Hjemmetjenesten: the dispenser's risk owner
TT_OWNER = "Camilla Berg"
CONTROL = "Trude Fossum"
DISPENSER = "Medisindispenser"
TT = "TT-kort søknad"


@dataclass
class World:
    moved: str  # inherent 4 × 5, now 2 × 5
    steady: str  # 3 × 3
    waiting: str  # likelihood only: not assessed
    tt: str  # 2 × 3 in the TT chain
    moved_measures: list[str]
    steady_measures: list[str]


def build(db_path: Path) -> World:
    """The risks and their measures, written on ``db_path``."""
    without_the_examples_ros(db_path)
    db = open_database(db_path, daily_backup=False)
    try:

        def ros(name: str) -> RosService:
            return RosService(Session(db, name, "en"))

        it, business = ros(IT), ros(BUSINESS)
        moved = it.add_risk(DISPENSER, "Dispenser firmware tampered", threat="A", link=None)
        steady = it.add_risk(DISPENSER, "SMS alerts lost", threat="Outage")
        waiting = it.add_risk(DISPENSER, "Cloud region moved abroad")
        tt = it.add_risk(TT, "Application forged")
        ids = [o.row_id or "" for o in (moved, steady, waiting, tt)]
        it.assess_likelihood(ids[0], 4, "many units in homes", "medium")
        business.assess_consequence(ids[0], 5, "wrong medicine", "high")
        it.assess_likelihood(ids[0], 2, "signed firmware now")
        it.assess_likelihood(ids[1], 3)
        business.assess_consequence(ids[1], 3)
        it.assess_likelihood(ids[2], 2)
        it.assess_likelihood(ids[3], 2)
        ros(TT_OWNER).assess_consequence(ids[3], 3)
        board = BoardService(Session(db, IT, "en"))
        measures: list[list[str]] = []
        for risk_id, titles in (
            (ids[0], ["Sign the firmware", "Lock the dispenser's service port"]),
            (ids[1], ["Second SMS provider"]),
            (ids[3], ["Check applicant identity"]),
        ):
            made = []
            for title in titles:
                item_id = board.create_item(title).row_id or ""
                it.link_measure(item_id, risk_id)
                made.append(item_id)
            measures.append(made)
        return World(*ids, measures[0], measures[1])
    finally:
        db.close()


def cell_counts(db_path: Path) -> tuple[Counter[tuple[int, int]], int]:
    """Risks per (likelihood, consequence) and how many are not assessed, from the file."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT likelihood, consequence FROM ros_risks WHERE deleted_at IS NULL"
        ).fetchall()
    finally:
        conn.close()
    cells = Counter((lk, co) for lk, co in rows if lk is not None and co is not None)
    return cells, sum(1 for lk, co in rows if lk is None or co is None)


def measures_of(db_path: Path, risk_ids: set[str]) -> set[str]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT id, risk_id FROM items WHERE deleted_at IS NULL AND risk_id IS NOT NULL"
        ).fetchall()
    finally:
        conn.close()
    return {item_id for item_id, risk_id in rows if risk_id in risk_ids}


def risk_row(db_path: Path, risk_id: str) -> dict[str, object]:
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        found = conn.execute("SELECT * FROM ros_risks WHERE id = ?", (risk_id,)).fetchone()
    finally:
        conn.close()
    return dict(found)


def changes_count(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0])
    finally:
        conn.close()
