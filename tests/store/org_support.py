"""Helpers for the service tests of governance and the rulebook (the municipality they
run on is the ``org`` fixture in conftest.py)."""

from __future__ import annotations

from datetime import date

from kanban_sec.services.board import BoardService
from kanban_sec.services.governance import GovernanceService
from kanban_sec.services.session import Session

TODAY = date(2026, 11, 28)


def as_(db, name: str, *, today: date = TODAY) -> GovernanceService:
    return GovernanceService(Session(db, name, "en", today=lambda: today))


def board_as(db, name: str) -> BoardService:
    return BoardService(Session(db, name, "en"))


def _item(
    db,
    title: str,
    *,
    link: str = "Dispenser",
    chain: str = "Medisindispenser",
    likelihood: int = 3,
    consequence: int = 3,
    **extra: str,
) -> str:
    return (
        board_as(db, "Henrik Drift")
        .create_item(
            title,
            chain=chain,
            link=link,
            likelihood=str(likelihood),
            consequence=str(consequence),
            **extra,
        )
        .row_id
    )
