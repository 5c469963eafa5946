from __future__ import annotations

import pytest

from kanban_sec.domain.model import Role
from kanban_sec.services.board import BoardService
from kanban_sec.services.session import Session
from kanban_sec.store.database import open_database


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "board.sqlite")
    yield database
    database.close()


@pytest.fixture
def service(db):
    return BoardService(Session(db, "tester", "en"))


@pytest.fixture
def org(db) -> dict[str, str]:
    """A municipality with a risk owner, IT staff, internal control and a governing lead."""
    setup = BoardService(Session(db, "Guro Leder"))  # the first governing member sets the board up
    ids = {
        "lead": setup.add_person("Guro Leder", "Kommune / Sikkerhet", Role.GOVERNING).row_id,
        "owner": setup.add_person(
            "Astrid Eier", "Kommune / Helse / Hjemmetjenesten", Role.GOVERNING
        ).row_id,
        "nurse": setup.add_person(
            "Nils Sone", "Kommune / Helse / Hjemmetjenesten / Sone Nord", Role.OPERATIONAL
        ).row_id,
        "engineer": setup.add_person(
            "Henrik Drift", "Kommune / IT / Drift", Role.OPERATIONAL
        ).row_id,
        "control": setup.add_person(
            "Trude Kontroll", "Kommune / Internkontroll", Role.CONTROLLING
        ).row_id,
    }
    # Setting up the chains is the governing lead's work from now on.
    lead = BoardService(Session(db, "Guro Leder"))
    ids["chain"] = lead.add_chain("Medisindispenser", "Kommune / Helse / Hjemmetjenesten").row_id
    ids["weak"] = lead.add_link("Medisindispenser", "Dispenser", maturity=1).row_id
    ids["strong"] = lead.add_link("Medisindispenser", "Fagsystem", maturity=2).row_id
    ids["other_chain"] = lead.add_chain("Skoleportal", "Kommune / Skole").row_id
    ids["portal"] = lead.add_link("Skoleportal", "Portal", maturity=0).row_id
    return ids
