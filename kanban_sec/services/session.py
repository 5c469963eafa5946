"""Who acts on which board, in which language: the one value every service is given.

The window keeps one and swaps it when somebody chooses another person under "Who am I"
or another language; the command line makes one per command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from kanban_sec.store.database import Database


@dataclass(frozen=True)
class Session:
    """The board, the acting person (the author of every change) and the language."""

    db: Database
    #: The acting person's name: the author of every change written.
    actor: str
    #: The language of the messages a service writes into the board or returns.
    lang: str = "en"
    #: The person chosen under "Who am I"; else the actor's name finds them.
    person_id: str | None = None
    #: Today's date (risk acceptances run out by it); a test may fix it.
    today: Callable[[], date] = field(default=date.today, compare=False)

    def acting_as(self, name: str, person_id: str | None = None) -> Session:
        """The same board and language, another person acting."""
        return replace(self, actor=name, person_id=person_id)

    def speaking(self, lang: str) -> Session:
        """The same board and person, another language."""
        return replace(self, lang=lang)


class Service:
    """A set of use cases acting for one :class:`Session` (which may be swapped)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def db(self) -> Database:
        return self.session.db

    @property
    def author(self) -> str:
        """Who writes: the acting person's name, stamped on every change."""
        return self.session.actor

    @property
    def person_id(self) -> str | None:
        return self.session.person_id

    @property
    def lang(self) -> str:
        return self.session.lang

    def today(self) -> date:
        return self.session.today()
