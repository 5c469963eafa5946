"""Who is acting, and whether their role lets them: the services' one place for it.

The person is the one chosen under "Who am I" (the window passes their id) or, on the
command line, the person whose name is the author (``KANBAN_SEC_USER`` or the login name).
Somebody not in the organisation counts as operational: they may work items, not govern,
decide risk or verify.
"""

from __future__ import annotations

from collections.abc import Mapping

from kanban_sec.domain.errors import Message, msg, role_choice
from kanban_sec.domain.governance import Action, may, roles_for
from kanban_sec.domain.model import Item, Person, Role
from kanban_sec.domain.ranking import item_score as score_of
from kanban_sec.domain.rules import Refusal
from kanban_sec.store.unit_of_work import Reader


def actor_in(people: Mapping[str, Person], author: str, person_id: str | None) -> Person | None:
    """The acting person: by id when known, else the one person with the author's name."""
    if person_id is not None and person_id in people:
        return people[person_id]
    folded = author.strip().casefold()
    matches = [p for p in people.values() if p.name.casefold() == folded]
    return matches[0] if len(matches) == 1 else None


def _lookup(reader: Reader, author: str, person_id: str | None) -> Person | None:
    """:func:`actor_in` by query: by id, else the one person with the author's name."""
    if person_id is not None:
        person = reader.person(person_id)
        if person is not None:
            return person
    found = reader.people_named(author.strip())
    if not author.isascii():  # SQLite's NOCASE folds ASCII only: "ÅSE" is not "Åse"
        return actor_in(reader.people(), author, None)
    matches = [p for p in found if p.name.casefold() == author.strip().casefold()]
    return matches[0] if len(matches) == 1 else None


def actor(reader: Reader, author: str, person_id: str | None) -> Person | None:
    return actor_in(reader.people(), author, person_id)


def who(person: Person | None, author: str) -> Message:
    """How a refusal names the acting person."""
    if person is None:
        return msg("role.who_unknown", name=author)
    return msg("role.who", name=person.name, role=msg(f"role.{person.role.value}"))


def require(reader: Reader, author: str, person_id: str | None, action: Action) -> Person | None:
    """The acting person, when their role allows ``action``; else :class:`Refused`.

    On every move of a card: one indexed lookup of the person, not the whole organisation
    (that is read only to refuse, or for what the board allows before it has governance).
    """
    person = _lookup(reader, author, person_id)
    if person is not None and person.role in roles_for(action):
        return person
    if person is None and Role.OPERATIONAL in roles_for(action):
        return None
    people = reader.people()
    person = actor_in(people, author, person_id)
    if not may(person, action, people):
        roles = sorted(roles_for(action), key=list(Role).index)
        code = {Action.VERIFY: "KS002"}.get(action, "KS004")
        raise Refusal(
            code,
            "role.refused",
            {
                "who": who(person, author),
                "action": msg(f"action.{action}"),
                "roles": _roles_text(roles),
            },
        ).error()
    return person


def _roles_text(roles: list[Role]) -> Message:
    return role_choice([r.value for r in roles])


def item_score(reader: Reader, item: Item) -> int:
    """The item's score (likelihood × consequence × gap), as the ranking computes it."""
    chain = reader.chains().get(item.chain_id) if item.chain_id else None
    link = reader.links().get(item.link_id) if item.link_id else None
    return score_of(item, chain, link, reader.links().values() if link is None else ())
