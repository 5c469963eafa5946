"""The command line's tables, one way for every command: on a terminal a `rich` table fitted
to its width; piped, plain aligned text with one row per line and nothing cut.

A terminal is what `rich` takes for one: the stream is a TTY, or ``FORCE_COLOR`` /
``TTY_COMPATIBLE=1`` say so; ``COLUMNS`` sets the width and ``NO_COLOR`` drops the colours.
Piped output has no escape codes and does not depend on any of these, so scripts and
``grep`` see the same columns wherever they run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len

from kanban_sec.cli.output import plainly_piped

if TYPE_CHECKING:  # rich's console and tables load only for a terminal
    from rich.console import Console
    from rich.padding import Padding

#: The narrowest a main column (titles) or another shortened column ever becomes; the
#: widths below which optional columns make way.
_MAIN_MIN, _OTHER_MIN = 12, 4
_MAIN_WANT, _OTHER_WANT = 24, 10


@dataclass(frozen=True, slots=True)
class Column:
    """A column: ``key`` ones (rank, short key, score, dates) are never wrapped or cut;
    ``main`` is the one that wraps (titles); the others are shortened with an ellipsis
    when the terminal is narrow, and ``optional`` ones are left out when it is too narrow
    (on a terminal only: piped output has every column)."""

    header: str
    key: bool = False
    main: bool = False
    right: bool = False
    optional: bool = False
    style: str = ""


@dataclass(slots=True)
class _Row:
    cells: tuple[str, ...]
    note: str = ""
    heading: str = ""


@dataclass
class Table:
    """Rows under headers, with optional notes under rows and headings between groups."""

    columns: list[Column]
    indent: int = 0
    rows: list[_Row] = field(default_factory=list)

    def add_row(self, *cells: str, note: str = "") -> None:
        """A row; ``note`` is a line of its own under it (in the main column on a terminal)."""
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(_Row(tuple(_one_line(c) for c in cells), _one_line(note)))

    def add_heading(self, text: str) -> None:
        """A heading over the rows that follow (the annual wheel's months)."""
        self.rows.append(_Row((), heading=_one_line(text)))

    def print(self, out: TextIO) -> None:
        """Write the table to ``out``: fitted on a terminal, plain text otherwise."""
        if plainly_piped(out):
            out.write("".join(line + "\n" for line in self.plain_lines()))
            return
        from rich.console import Console

        console = Console(file=out, highlight=False, markup=False, emoji=False, soft_wrap=False)
        if console.is_terminal and not console.is_dumb_terminal:
            self._print_rich(console)
        else:
            out.write("".join(line + "\n" for line in self.plain_lines()))

    # -- piped: plain text -----------------------------------------------------------------

    def plain_lines(self) -> list[str]:
        """The table as plain lines: two spaces between columns, widths in terminal cells
        (so æøå, emoji and wide characters line up), trailing spaces trimmed."""
        cells = [c.header for c in self.columns]
        widths = [
            max([cell_len(cells[i])] + [cell_len(r.cells[i]) for r in self.rows if r.cells])
            for i in range(len(cells))
        ]
        margin = " " * self.indent
        note_margin = margin + " " * (widths[0] + 2)

        def line(row: tuple[str, ...]) -> str:
            parts = [
                _pad(cell, width, column.right)
                for cell, width, column in zip(row, widths, self.columns, strict=True)
            ]
            return (margin + "  ".join(parts)).rstrip()

        lines = [line(tuple(cells))]
        for row in self.rows:
            if row.heading:
                lines += ["", row.heading]
                continue
            lines.append(line(row.cells))
            if row.note:
                lines.append(note_margin + row.note)
        return lines

    # -- terminal: rich --------------------------------------------------------------------

    def _print_rich(self, console: Console) -> None:
        """Rows in blocks of one width plan: a note or a heading ends a block and is
        printed across the terminal, as in the plain output."""
        from rich.padding import Padding
        from rich.text import Text

        widths = self._widths(console.width)
        shown = [i for i, w in enumerate(widths) if w]
        console.print(self._rich(widths, [], header=True))
        margin = self.indent + widths[shown[0]] + 2
        block: list[_Row] = []
        for row in self.rows:
            if not row.heading:
                block.append(row)
            if block and (row.heading or row.note):
                console.print(self._rich(widths, block))
                block = []
            if row.heading:
                console.print(Text("\n" + row.heading, style="bold"))
            elif row.note:
                console.print(Padding(Text(row.note, style="dim"), (0, 0, 0, margin)))
        if block:
            console.print(self._rich(widths, block))

    def _rich(self, widths: list[int], rows: list[_Row], header: bool = False) -> Padding:
        """The rows as a rich table with the given column widths (0: left out)."""
        from rich import box
        from rich.padding import Padding
        from rich.table import Table as RichTable
        from rich.text import Text

        table = RichTable(
            box=box.SIMPLE_HEAD,
            header_style="bold",
            pad_edge=False,
            show_edge=False,
            show_header=header,
            padding=(0, 1, 0, 0),
        )
        shown = [i for i, w in enumerate(widths) if w]
        for i in shown:
            column = self.columns[i]
            table.add_column(
                column.header,
                justify="right" if column.right else "left",
                style=column.style or None,
                width=widths[i],
                min_width=widths[i] if column.key else None,
                no_wrap=not column.main,
                overflow="fold" if column.main else "ellipsis",
            )
        for row in rows:
            table.add_row(*(Text(row.cells[i]) for i in shown))
        return Padding(table, (0, 0, 0, self.indent))

    def _natural(self, index: int) -> int:
        """The widest cell of a column: its header and its cells."""
        return max(
            [cell_len(self.columns[index].header)]
            + [cell_len(r.cells[index]) for r in self.rows if r.cells]
        )

    def _widths(self, width: int) -> list[int]:
        """Each column's width on a terminal ``width`` cells wide (0: left out).

        Key columns are as wide as their widest cell. When the rest does not fit, the main
        column keeps half the room left (at least :data:`_MAIN_WANT` cells) and the others
        share the remainder evenly, none wider than it needs; optional columns are left
        out when, with them, a column would get fewer than :data:`_OTHER_WANT` cells."""
        natural = [self._natural(i) for i in range(len(self.columns))]
        with_all = self._plan(width, natural, range(len(self.columns)))
        if with_all[1] or not any(c.optional for c in self.columns):
            return with_all[0]
        return self._plan(
            width, natural, [i for i, c in enumerate(self.columns) if not c.optional]
        )[0]

    def _plan(self, width: int, natural: list[int], shown: Sequence[int]) -> tuple[list[int], bool]:
        """(widths, whether every column got the room it wants) for the ``shown`` ones."""
        widths = [natural[i] if i in shown else 0 for i in range(len(natural))]
        key = [i for i in shown if self.columns[i].key]
        mains = [i for i in shown if self.columns[i].main]
        others = [i for i in shown if not self.columns[i].key and not self.columns[i].main]
        room = width - self.indent - 2 * (len(shown) - 1) - sum(natural[i] for i in key)
        if sum(natural[i] for i in mains + others) <= room:
            return widths, True
        main_room = min(sum(natural[i] for i in mains), max(room // 2, _MAIN_WANT)) if mains else 0
        left = max(room - main_room, 0)
        for number, i in enumerate(sorted(others, key=lambda i: natural[i])):
            widths[i] = max(
                min(natural[i], left // (len(others) - number)), min(natural[i], _OTHER_MIN)
            )
            left -= widths[i]
        for i in mains:  # what the others leave
            widths[i] = max(min(natural[i], _MAIN_MIN), room - sum(widths[j] for j in others))
        # Never wider than the terminal: what is still over comes off the widest of the
        # others, then the main column (key columns are never cut).
        over = sum(widths[i] for i in mains + others) - room
        for i in sorted(others + mains, key=lambda i: -widths[i]):
            if over <= 0:
                break
            cut = min(over, widths[i] - 1)
            widths[i] -= cut
            over -= cut
        fits = all(widths[i] >= min(natural[i], _OTHER_WANT) for i in others) and all(
            widths[i] >= min(natural[i], _MAIN_WANT) for i in mains
        )
        return widths, fits


def _one_line(text: str) -> str:
    """A cell on one line: newlines and tabs become spaces."""
    return " ".join(text.split()) if any(c in text for c in "\n\r\t") else text


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * (width - cell_len(text))
    return space + text if right else text + space


def print_matrix_grid(
    cell_text: Callable[[int, int], str],
    likelihood_words: Sequence[str],
    consequence_words: Sequence[str],
    lang: str,
    out: TextIO,
) -> None:
    """A 5 × 5 ROS matrix as text: likelihood 5 at the top with its words, consequence
    1 to 5 across, each cell as ``cell_text(likelihood, consequence)`` says; the
    consequence words under it."""
    from kanban_sec.domain.text import t

    scale = range(1, 6)
    letter_c = t("why.letter_c", lang)
    heading = t("gov.matrix_likelihood", lang)
    row_labels = [f"{lk} {likelihood_words[lk - 1]}" for lk in reversed(scale)]
    label_width = max(len(heading), *(len(label) for label in row_labels))
    texts = {(lk, co): cell_text(lk, co) for lk in scale for co in scale}
    width = max(6, *(len(text) for text in texts.values()))
    print(
        f"{heading.ljust(label_width)}  "
        + "  ".join(f"{letter_c}{co}".rjust(width) for co in scale),
        file=out,
    )
    for lk, label in zip(reversed(scale), row_labels, strict=True):
        print(
            f"{label.ljust(label_width)}  "
            + "  ".join(texts[(lk, co)].rjust(width) for co in scale),
            file=out,
        )
    print("", file=out)
    print(
        f"{t('gov.matrix_consequence', lang)}: "
        + " · ".join(f"{letter_c}{co} {consequence_words[co - 1]}" for co in scale),
        file=out,
    )
