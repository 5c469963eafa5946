"""Errors a user can cause, carried as translatable messages rather than text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kanban_sec.domain.text import t


@dataclass(frozen=True)
class Message:
    """A catalogue key with its parameters; parameters may be messages themselves."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The message in ``lang``."""
        params = {
            name: value.render(lang) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return t(self.key, lang, **params)


def msg(key: str, **params: Any) -> Message:
    """Shorthand for :class:`Message`."""
    return Message(key, params)


class RoleChoice(Message):
    """ "governing or operational", in the reader's language (``params["roles"]``: the
    roles' values)."""

    def render(self, lang: str) -> str:
        return t("text.or", lang).join(t(f"role.{r}", lang) for r in self.params["roles"])


def role_choice(roles: list[str]) -> Message:
    return RoleChoice("", {"roles": list(roles)})


class KanbanError(Exception):
    """A failure to report to the user as one readable message (exit status 1)."""

    exit_code = 1

    def __init__(self, key: str, **params: Any) -> None:
        self.msg = Message(key, params)
        super().__init__(self.msg.render("en"))

    def message(self, lang: str) -> str:
        """The whole message in ``lang``."""
        return self.msg.render(lang)


class BadInput(KanbanError):
    """The user gave something invalid; nothing was written (exit status 2)."""

    exit_code = 2


class NotFound(BadInput):
    """A name or id does not match anything."""


class Refused(BadInput):
    """A board rule (such as a hard WIP limit) refuses the change."""


class StoreFailure(KanbanError):
    """The database cannot be opened, read or written."""


@dataclass(frozen=True)
class Problem:
    """One bad cell or row of an input file."""

    line: int
    column: str
    message: Message

    def render(self, lang: str) -> str:
        return t(
            "csv.cell", lang, line=self.line, column=self.column, problem=self.message.render(lang)
        )


class ImportProblems(BadInput):
    """Every problem found in a file; the file was not imported."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__("csv.problems", path=path, count=len(self.problems))

    def message(self, lang: str) -> str:
        lines = [self.msg.render(lang)]
        lines += ["  " + p.render(lang) for p in self.problems]
        return "\n".join(lines)


class FieldProblem(ValueError):
    """A single value that cannot be used for a field."""

    def __init__(self, message: Message) -> None:
        self.msg = message
        super().__init__(message.render("en"))
