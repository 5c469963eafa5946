"""The standup report as Markdown (CommonMark with pipe tables) or one HTML page; the PDF
is made from the HTML in ``ui/`` (Qt). The report itself is built by
:mod:`kanban_sec.services.standup`."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from kanban_sec.domain.model import Status
from kanban_sec.domain.standup import ChangeKind
from kanban_sec.domain.standup_report import ChangeLine, ItemRef, RiskLine, StandupReport
from kanban_sec.domain.text import ordinal, t


@dataclass(frozen=True)
class _Heading:
    level: int
    text: str


@dataclass(frozen=True)
class _Para:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: The column given the most room (the item, or a note's text).
    wide: int = 0


_Block = _Heading | _Para | _Table


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _column(status: Status | None, lang: str) -> str:
    return t(f"status.{status.value}", lang) if status is not None else "–"


def _item(ref: ItemRef | None, lang: str) -> str:
    if ref is None:
        return ""
    if ref.title is None:
        return t("confidential.item", lang, id=ref.short)
    return f"{ref.title} ({ref.short})"


def _rank(value: int | None, lang: str) -> str:
    """A rank as the ordinal it is ("26." in Norwegian, "26th" in English), never "#26",
    which reads like an id."""
    return "–" if value is None else ordinal(value, lang)


def _hidden_text(text: str | None, lang: str) -> str:
    return t("confidential.hidden", lang) if text is None else text


def _risk_subject(line: RiskLine, lang: str) -> str:
    if line.item is None:
        return t("standup.risk_chain", lang, chain=line.chain, count=line.items)
    return _item(line.item, lang)


def _change_table(kind: ChangeKind, lines: list[ChangeLine], lang: str) -> _Table:
    def h(*keys: str) -> tuple[str, ...]:
        return tuple(t(f"standup.col.{key}", lang) for key in keys)

    item = [_item(c.item, lang) for c in lines]
    by = [(c.author, _when(c.at)) for c in lines]
    if kind is ChangeKind.NEW:
        return _Table(
            h("item", "column", "owner", "by", "when"),
            tuple(
                (i, _column(c.to_status, lang), c.to_owner, *w)
                for i, c, w in zip(item, lines, by, strict=True)
            ),
        )
    if kind in (ChangeKind.MOVED, ChangeKind.OWNER):
        moved = kind is ChangeKind.MOVED
        return _Table(
            h("item", "from", "to", "by", "when"),
            tuple(
                (
                    i,
                    _column(c.from_status, lang) if moved else c.from_owner,
                    _column(c.to_status, lang) if moved else c.to_owner,
                    *w,
                )
                for i, c, w in zip(item, lines, by, strict=True)
            ),
        )
    if kind in (ChangeKind.DONE, ChangeKind.REMOVED):
        return _Table(
            h("item", "from", "by", "when"),
            tuple(
                (i, _column(c.from_status, lang), *w)
                for i, c, w in zip(item, lines, by, strict=True)
            ),
        )
    if kind in (ChangeKind.BLOCKED, ChangeKind.UNBLOCKED):
        return _Table(
            h("item", "column", "reason", "by", "when"),
            tuple(
                (i, _column(c.to_status, lang), _hidden_text(c.reason, lang), *w)
                for i, c, w in zip(item, lines, by, strict=True)
            ),
        )
    return _Table(
        h("item", "column", "rank", "places"),
        tuple(
            (
                i,
                _column(c.to_status, lang),
                f"{_rank(c.from_rank, lang)} → {_rank(c.to_rank, lang)}",
                f"{c.places:+d}",
            )
            for i, c in zip(item, lines, strict=True)
        ),
    )


def _blocks(report: StandupReport, lang: str) -> list[_Block]:
    """The report as headings, paragraphs and tables, in ``lang``."""

    def h(*keys: str) -> tuple[str, ...]:
        return tuple(t(f"standup.col.{key}", lang) for key in keys)

    none = _Para(t("standup.none", lang), muted=True)
    standup = report.standup
    title = (
        t("standup.title", lang, date=standup.held_on.isoformat())
        if standup
        else t("standup.report_title", lang)
    )
    out: list[_Block] = [_Heading(1, title)]
    if report.baseline is not None:
        out.append(
            _Para(
                t(
                    "standup.period_standup",
                    lang,
                    date=report.baseline.held_on.isoformat(),
                    since=_when(report.since),
                    until=_when(report.until),
                )
            )
        )
    else:
        out.append(
            _Para(t("standup.period", lang, since=_when(report.since), until=_when(report.until)))
        )
    if standup is not None:
        out.append(_Para(t("standup.facilitator", lang, name=report.facilitator)))
        out.append(_Para(t("standup.attendees", lang, names=", ".join(report.attendees) or "–")))
    if report.open_items:
        percent = round(100 * report.lowest_level / report.open_items)
        share = t("format.percent", lang, value=percent)
        out.append(
            _Para(
                t(
                    "standup.lowest_level",
                    lang,
                    count=report.lowest_level,
                    total=report.open_items,
                    share=share,
                )
            )
        )

    out.append(_Heading(2, t("standup.changes", lang)))
    if not report.changes:
        out.append(none)
    for kind in ChangeKind:
        lines = report.changes_of(kind)
        if lines:
            out.append(_Heading(3, f"{t(f'standup.kind.{kind.value}', lang)} ({len(lines)})"))
            out.append(_change_table(kind, lines, lang))

    def section(key: str, table: _Table) -> None:
        out.append(_Heading(2, f"{t(key, lang)} ({len(table.rows)})"))
        out.append(table if table.rows else none)

    section(
        "standup.aging",
        _Table(
            h("item", "column", "since", "days", "limit"),
            tuple(
                (
                    _item(a.item, lang),
                    _column(a.status, lang),
                    _when(a.entered),
                    str(a.days),
                    str(a.limit_days),
                )
                for a in report.aging
            ),
        ),
    )
    section(
        "standup.blocked",
        _Table(
            h("item", "column", "reason", "since", "days"),
            tuple(
                (
                    _item(b.item, lang),
                    _column(b.status, lang),
                    _hidden_text(b.reason, lang),
                    _when(b.since),
                    str(b.days) if b.days is not None else "?",
                )
                for b in report.blocked
            ),
        ),
    )
    section(
        "standup.wip",
        _Table(
            h("column", "count", "limit"),
            tuple(
                (
                    _column(w.status, lang),
                    str(w.count),
                    f"{w.limit} ({t('standup.hard' if w.hard else 'standup.soft', lang)})",
                )
                for w in report.wip_over_limit
            ),
        ),
    )
    section(
        "standup.delegable",
        _Table(
            h("item", "column", "owner", "suggestion"),
            tuple(
                (
                    _item(d.item, lang),
                    _column(d.status, lang),
                    d.owner,
                    "; ".join(d.suggestions) or "–",
                )
                for d in report.delegable
            ),
        ),
    )
    section(
        "standup.risk",
        _Table(
            h("item", "until", "risk_owner"),
            tuple(
                (_risk_subject(r, lang), r.valid_until.isoformat(), r.risk_owner or "–")
                for r in report.risk_decisions_expiring
            ),
        ),
    )
    section(
        "standup.notes",
        _Table(
            h("kind", "item", "text", "by", "when"),
            tuple(
                (
                    t(f"standup.{n.kind.value}", lang),
                    _item(n.item, lang),
                    _hidden_text(n.body, lang),
                    n.author,
                    _when(n.at),
                )
                for n in report.notes
            ),
            wide=2,
        ),
    )
    return out


# Never at the start of a line here, so "#", "+", "-" and digits need no escaping.
_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|"})


def md_text(text: str) -> str:
    """Text safe inside Markdown (and one table cell): specials escaped, one line (the
    reports' one escaping, shared with the ROS analysis report)."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


_md = md_text


def render_markdown(report: StandupReport, lang: str) -> str:
    """The report as Markdown (CommonMark with pipe tables)."""
    parts = []
    for block in _blocks(report, lang):
        if isinstance(block, _Heading):
            parts.append(f"{'#' * block.level} {_md(block.text)}")
        elif isinstance(block, _Para):
            parts.append(f"*{_md(block.text)}*" if block.muted else _md(block.text))
        else:
            lines = [
                "| " + " | ".join(_md(h) for h in block.headers) + " |",
                "|" + "---|" * len(block.headers),
            ]
            lines += [
                "| " + " | ".join(_md(cell) or " " for cell in row) + " |" for row in block.rows
            ]
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


#: The reports' style (the ROS analysis report adds its matrix to it).
REPORT_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt;
       color: #1d1d1d; }
h1 { font-size: 18pt; margin-bottom: 4pt; }
h2 { font-size: 13pt; margin-top: 16pt; margin-bottom: 4pt; color: #1f3a5f; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 3pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
p.muted { color: #6b6b6b; font-style: italic; }
table { border-collapse: collapse; margin-bottom: 6pt; }
th, td { border: 1px solid #b8b8b8; padding: 3px 6px; text-align: left;
         vertical-align: top; }
th { background-color: #e8edf3; font-weight: bold; }
""".strip()


#: A column whose cells are all at most this long (times, columns, counts, names) is kept
#: on one line: the long texts (titles, reasons, notes) wrap, between words, in the rest.
_SHORT_CELL = 24


def _short_columns(table: _Table) -> set[int]:
    """The columns of ``table`` that are never wrapped."""
    return {
        number
        for number in range(len(table.headers))
        if all(len(row[number]) <= _SHORT_CELL for row in table.rows)
    }


def render_html(report: StandupReport, lang: str) -> str:
    """The report as one HTML page (UTF-8, inline CSS, tables for sections)."""
    e = html.escape
    blocks = _blocks(report, lang)
    title = next(b.text for b in blocks if isinstance(b, _Heading))
    body = []
    for block in blocks:
        if isinstance(block, _Heading):
            body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, _Para):
            muted = ' class="muted"' if block.muted else ""
            body.append(f"<p{muted}>{e(block.text)}</p>")
        else:
            short = _short_columns(block)

            def cell(tag: str, number: int, text: str, short: set[int] = short) -> str:
                keep = ' style="white-space: nowrap"' if number in short else ""
                return f"<{tag}{keep}>{e(text)}</{tag}>"

            head = "".join(cell("th", n, h) for n, h in enumerate(block.headers))
            cells = "".join(
                "<tr>" + "".join(cell("td", n, text) for n, text in enumerate(row)) + "</tr>\n"
                for row in block.rows
            )
            # 99 %: Qt's layout rounds a 100 % table one pixel past some widths, and the
            # window then scrolls sideways for it.
            body.append(
                '<table width="99%" border="1" cellspacing="0" cellpadding="4">\n'
                f"<thead><tr>{head}</tr></thead>\n<tbody>\n{cells}</tbody></table>"
            )
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>\n{REPORT_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
