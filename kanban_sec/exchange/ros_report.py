"""The ROS analysis report of one chain as Markdown (CommonMark with pipe tables) or one
HTML page (inline CSS, print-friendly); the PDF is made from the HTML in ``ui/`` (Qt).

The report shows the chain, the analysis record, the information values, the links, the
numbered data flows, the risk register and the ROS matrix of the chain's risks, drawn with
the bands and scale words the analysis froze (the board's own when there is none yet).
The values are gathered by :mod:`kanban_sec.services.ros_files`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from kanban_sec.domain.governance import Band, Bands
from kanban_sec.domain.model import SCALE_MAX, SCALE_MIN, Chain, Link
from kanban_sec.domain.ros import (
    Assessment,
    DataFlow,
    InfoValue,
    RegisterRow,
    RosAnalysis,
    band_of,
    risk_matrix,
)
from kanban_sec.domain.text import t
from kanban_sec.exchange.standup_report import REPORT_CSS, md_text

#: The matrix's cell colours, as the window's matrix paints them on a light background.
BAND_COLOURS = {Band.GREEN: "#a5d6a7", Band.YELLOW: "#fff176", Band.RED: "#ef9a9a"}


@dataclass(frozen=True)
class RosReport:
    """Everything the analysis report of one chain shows."""

    chain: Chain
    risk_owner: str  # the risk-owner unit's path
    links: Sequence[Link]
    units: Mapping[str, str]  # unit id → path
    values: Sequence[InfoValue]
    flows: Sequence[DataFlow]
    #: The chain's risks, worst first.
    rows: Sequence[RegisterRow]
    #: The analysis reported on (``None``: the chain has none yet).
    analysis: RosAnalysis | None
    #: The matrix the report draws with: the analysis's frozen one, else the board's.
    bands: Bands
    scales: Mapping[str, Sequence[str]]
    people: Mapping[str, str]  # person id → name
    weakest: str | None
    made_at: datetime
    #: How many analyses the chain has in all.
    analysis_count: int = 0

    def numbers(self) -> dict[str, str]:
        """Each risk's number in the report (``R1`` is the worst), by risk id."""
        return {row.risk.id: f"R{n}" for n, row in enumerate(self.rows, start=1)}

    def band(self, likelihood: int | None, consequence: int | None) -> Band | None:
        """The band of a cell in the report's (frozen) matrix."""
        return band_of(self.bands, likelihood, consequence)


# -- blocks ------------------------------------------------------------------------------------


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
    #: Columns never wrapped (numbers, short codes).
    narrow: frozenset[int] = frozenset()


@dataclass(frozen=True)
class _MatrixCell:
    band: Band
    current: tuple[str, ...]
    inherent: tuple[str, ...]  # started here, now elsewhere


@dataclass(frozen=True)
class _Matrix:
    corner: str
    #: Consequence 1..5: "3 Alvorlig".
    columns: tuple[str, ...]
    #: Likelihood 5..1 with its cells, consequence 1..5.
    rows: tuple[tuple[str, tuple[_MatrixCell, ...]], ...]
    bands: Mapping[Band, str] = field(default_factory=dict)


_Block = _Heading | _Para | _Table | _Matrix


def _label(key: str, lang: str) -> str:
    """A field's name as a row label: capitalised."""
    text = t(key, lang)
    return text[:1].upper() + text[1:]


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _word(scales: Mapping[str, Sequence[str]], side: str, value: int | None) -> str:
    words = scales.get(side, ())
    if value is None or not SCALE_MIN <= value <= len(words):
        return ""
    return words[value - 1]


def _value(report: RosReport, side: str, value: int | None, lang: str) -> str:
    """``4 Meget sannsynlig``, or *not assessed*."""
    if value is None:
        return t("ros.unassessed", lang)
    word = _word(report.scales, side, value)
    return f"{value} {word}" if word else str(value)


def _pair(pair: tuple[int | None, int | None]) -> str:
    lk, co = pair
    if lk is None or co is None:
        return "–"
    # No-break spaces: a narrow column never splits "4 × 5 = 20" over three lines.
    return f"{lk}\u00a0×\u00a0{co}\u00a0=\u00a0{lk * co}"


def _band(band: Band | None, lang: str) -> str:
    return t(f"ros.band.{band.value}", lang) if band is not None else t("ros.unassessed", lang)


def _assessment(report: RosReport, side: str, found: Assessment, lang: str) -> str:
    """The value with who, when, the strength of knowledge and the note, on one line."""
    parts = [_value(report, side, found.value, lang)]
    who = report.people.get(found.by or "", "")
    if who or found.at is not None:
        parts.append(t("rosreport.by_at", lang, who=who or "–", when=_when(found.at)))
    if found.knowledge is not None:
        strength = t(f"ros.knowledge.{found.knowledge.value}", lang)
        parts.append(t("rosreport.knowledge", lang, strength=strength))
    if found.note:
        parts.append(t("rosreport.note", lang, note=found.note))
    return " · ".join(parts)


def _treatment(report: RosReport, row: RegisterRow, lang: str) -> str:
    decision = row.treatment
    if decision is None or decision.decision is None:
        return t("ros.treatment.none", lang)
    parts = [t(f"ros.treatment.{decision.decision.value}", lang)]
    who = report.people.get(decision.decided_by or "", "")
    if who or decision.decided_at is not None:
        parts.append(t("rosreport.by_at", lang, who=who or "–", when=_when(decision.decided_at)))
    if decision.valid_until is not None:
        parts.append(t("rosreport.valid_until", lang, day=decision.valid_until.isoformat()))
    if decision.rationale:
        parts.append(t("rosreport.rationale", lang, text=decision.rationale))
    return " · ".join(parts)


def _flags(row: RegisterRow, lang: str) -> str:
    flags = []
    if row.stale:
        flags.append(t("ros.stale", lang))
    if row.expired:
        flags.append(t("rosreport.expired", lang))
    if row.reassess:
        flags.append(t("rosreport.reassess_why", lang))
    return "; ".join(flags)


def _measures(row: RegisterRow, lang: str) -> str:
    return "; ".join(f"{m.title} ({t(f'status.{m.status.value}', lang)})" for m in row.measures)


def _matrix(report: RosReport, lang: str) -> _Matrix:
    cells, _ = risk_matrix(report.rows, report.bands)
    numbers = report.numbers()
    columns = tuple(
        f"{co} {_word(report.scales, 'consequence', co)}".strip()
        for co in range(SCALE_MIN, SCALE_MAX + 1)
    )
    rows = []
    for lk in range(SCALE_MAX, SCALE_MIN - 1, -1):
        line = []
        for co in range(SCALE_MIN, SCALE_MAX + 1):
            cell = cells[(lk, co)]
            now = tuple(numbers[i] for i in cell.current)
            started = tuple(numbers[i] for i in cell.inherent if i not in cell.current)
            line.append(_MatrixCell(cell.band, now, started))
        rows.append((f"{lk} {_word(report.scales, 'likelihood', lk)}".strip(), tuple(line)))
    return _Matrix(
        t("rosreport.matrix_corner", lang),
        columns,
        tuple(rows),
        {band: t(f"ros.band.{band.value}", lang) for band in Band},
    )


def _blocks(report: RosReport, lang: str) -> list[_Block]:
    """The report as headings, paragraphs, tables and the matrix, in ``lang``."""

    def h(*keys: str) -> tuple[str, ...]:
        return tuple(t(f"rosreport.col.{key}", lang) for key in keys)

    none = _Para(t("rosreport.none", lang), muted=True)
    chain = report.chain
    out: list[_Block] = [_Heading(1, t("rosreport.title", lang, chain=chain.name))]
    out.append(
        _Table(
            h("what", "value"),
            (
                (t("rosreport.chain", lang), chain.name),
                (t("rosreport.risk_owner", lang), report.risk_owner or "–"),
                (t("rosreport.target", lang), f"{chain.target_maturity}/3"),
                (t("rosreport.made", lang), _when(report.made_at)),
            ),
        )
    )
    if chain.description.strip():
        out.append(_Para(chain.description))

    out.append(_Heading(2, t("rosreport.analysis", lang)))
    analysis = report.analysis
    if analysis is None:
        out.append(_Para(t("rosreport.no_analysis", lang), muted=True))
    else:
        in_it = set(analysis.risk_ids)
        facts = [
            (t("rosreport.held_on", lang), analysis.held_on.isoformat()),
            (t("rosreport.participants", lang), ", ".join(analysis.participants) or "–"),
            (
                t("rosreport.risks_assessed", lang),
                t(
                    "rosreport.risks_of",
                    lang,
                    count=sum(1 for r in report.rows if r.risk.id in in_it),
                    total=len(report.rows),
                ),
            ),
            (t("rosreport.decisions", lang), analysis.decisions or "–"),
            (t("rosreport.notes", lang), analysis.notes or "–"),
        ]
        if analysis.occurrence is not None:
            facts.append((t("rosreport.wheel", lang), analysis.occurrence.isoformat()))
        if report.analysis_count > 1:
            facts.append((t("rosreport.analyses", lang), str(report.analysis_count)))
        out.append(_Table(h("what", "value"), tuple(facts)))

    numbers = report.numbers()
    unassessed = sum(1 for r in report.rows if not r.risk.assessed)
    out.append(_Heading(2, t("rosreport.matrix", lang)))
    out.append(_Para(t("rosreport.matrix_legend", lang)))
    out.append(_matrix(report, lang))
    if unassessed:
        out.append(_Para(t("rosreport.matrix_unassessed", lang, count=unassessed), muted=True))
    if analysis is not None:
        out.append(_Para(t("rosreport.frozen", lang, day=analysis.held_on.isoformat())))

    out.append(_Heading(2, f"{t('rosreport.register', lang)} ({len(report.rows)})"))
    if not report.rows:
        out.append(none)
    else:
        out.append(
            _Table(
                h("number", "risk", "link", "current", "inherent", "target", "band", "treatment"),
                tuple(
                    (
                        numbers[r.risk.id],
                        r.risk.title,
                        r.link.name if r.link else t("link.unnamed", lang),
                        _pair(r.risk.current),
                        _pair(r.risk.inherent),
                        _pair(r.risk.target),
                        _band(report.band(*r.risk.current), lang),
                        t(f"ros.treatment.{r.decision.value if r.decision else 'none'}", lang)
                        + (" ⚠" if r.stale or r.expired or r.reassess else ""),
                    )
                    for r in report.rows
                ),
                frozenset({0}),
            )
        )

    out.append(_Heading(2, f"{t('rosreport.values', lang)} ({len(report.values)})"))
    out.append(
        _Table(
            h("information", "confidentiality", "integrity", "availability", "set_by", "notes"),
            tuple(
                (
                    v.name,
                    str(v.confidentiality or "–"),
                    str(v.integrity or "–"),
                    str(v.availability or "–"),
                    " · ".join(
                        p for p in (report.people.get(v.set_by or "", ""), _when(v.set_at)) if p
                    ),
                    v.notes,
                )
                for v in report.values
            ),
            frozenset({1, 2, 3}),
        )
        if report.values
        else none
    )

    links = {link.id: link for link in report.links}
    out.append(_Heading(2, f"{t('rosreport.links', lang)} ({len(report.links)})"))
    out.append(
        _Table(
            h("link", "kind", "country", "run_by", "unit", "maturity"),
            tuple(
                (
                    link.name,
                    link.kind,
                    link.country,
                    t(f"ros.run_by.{link.run_by}", lang),
                    report.units.get(link.responsible_unit_id or "", ""),
                    f"{link.maturity}/3"
                    + (f" ⚑ {t('rosreport.weakest', lang)}" if link.id == report.weakest else ""),
                )
                for link in report.links
            ),
        )
        if report.links
        else none
    )

    def link_name(link_id: str) -> str:
        found = links.get(link_id)
        return found.name if found is not None else "?"

    out.append(_Heading(2, f"{t('rosreport.flows', lang)} ({len(report.flows)})"))
    out.append(
        _Table(
            h("number", "data", "from", "to", "notes"),
            tuple(
                (str(f.number), f.data, link_name(f.from_link_id), link_name(f.to_link_id), f.notes)
                for f in sorted(report.flows, key=lambda f: f.number)
            ),
            frozenset({0}),
        )
        if report.flows
        else none
    )

    values = {v.id: v.name for v in report.values}
    if report.rows:
        out.append(_Heading(2, t("rosreport.details", lang)))
    for row in report.rows:
        risk = row.risk
        out.append(_Heading(3, f"{numbers[risk.id]} {risk.title}"))
        facts = [
            (t("rosreport.link", lang), row.link.name if row.link else t("link.unnamed", lang)),
            (_label("field.threat", lang), risk.threat or "–"),
            (_label("field.vulnerability", lang), risk.vulnerability or "–"),
            (_label("field.existing_measures", lang), risk.existing_measures or "–"),
            (
                t("rosreport.values_at_stake", lang),
                ", ".join(values.get(v, "?") for v in risk.value_ids) or "–",
            ),
            (
                t("rosreport.likelihood", lang),
                _assessment(report, "likelihood", risk.likelihood, lang),
            ),
            (
                t("rosreport.consequence", lang),
                _assessment(report, "consequence", risk.consequence, lang),
            ),
            (t("rosreport.current", lang), _pair(risk.current)),
            (t("rosreport.inherent", lang), _pair(risk.inherent)),
            (t("rosreport.target_risk", lang), _pair(risk.target)),
            (t("rosreport.band", lang), _band(report.band(*risk.current), lang)),
            (t("rosreport.treatment", lang), _treatment(report, row, lang)),
            (t("rosreport.measures", lang), _measures(row, lang) or "–"),
        ]
        flags = _flags(row, lang)
        if flags:
            facts.append((t("rosreport.attention", lang), "⚠ " + flags))
        out.append(_Table(h("what", "value"), tuple(facts)))
    return out


# -- Markdown ----------------------------------------------------------------------------------

_md = md_text


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_matrix_cell(cell: _MatrixCell, bands: Mapping[Band, str]) -> str:
    parts = [f"**{' '.join(cell.current)}**"] if cell.current else []
    if cell.inherent:
        parts.append(f"({' '.join(cell.inherent)})")
    parts.append(f"*{_md(bands[cell.band])}*")
    return " ".join(parts)


def render_markdown(report: RosReport, lang: str) -> str:
    """The report as Markdown (CommonMark with pipe tables, as GitHub renders them)."""
    parts = []
    for block in _blocks(report, lang):
        if isinstance(block, _Heading):
            parts.append(f"{'#' * block.level} {_md(block.text)}")
        elif isinstance(block, _Para):
            parts.append(f"*{_md(block.text)}*" if block.muted else _md(block.text))
        elif isinstance(block, _Matrix):
            lines = [
                _md_row([_md(block.corner), *(_md(c) for c in block.columns)]),
                "|" + "---|" * (len(block.columns) + 1),
            ]
            lines += [
                _md_row([_md(head), *(_md_matrix_cell(c, block.bands) for c in cells)])
                for head, cells in block.rows
            ]
            parts.append("\n".join(lines))
        else:
            lines = [_md_row([_md(h) for h in block.headers]), "|" + "---|" * len(block.headers)]
            lines += [_md_row([_md(cell) or " " for cell in row]) for row in block.rows]
            parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


# -- HTML --------------------------------------------------------------------------------------

_CSS = (
    REPORT_CSS
    + """
table.matrix td { text-align: center; vertical-align: middle; }
table.matrix th { text-align: center; }
span.band { font-size: 8pt; color: #333333; }
span.started { color: #444444; }
@media print { h2, h3 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
""".strip()
)


def _html_text(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return "<br>".join(html.escape(line) for line in text.splitlines()) if text else ""


def _html_table(block: _Table) -> str:
    def cell(tag: str, number: int, text: str) -> str:
        keep = ' style="white-space: nowrap"' if number in block.narrow else ""
        return f"<{tag}{keep}>{_html_text(text)}</{tag}>"

    head = "".join(cell("th", n, h) for n, h in enumerate(block.headers))
    body = "".join(
        "<tr>" + "".join(cell("td", n, text) for n, text in enumerate(row)) + "</tr>\n"
        for row in block.rows
    )
    # 99 %: Qt's layout rounds a 100 % table one pixel past some widths.
    return (
        '<table width="99%" border="1" cellspacing="0" cellpadding="4">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody></table>"
    )


def _html_matrix(block: _Matrix) -> str:
    e = html.escape
    head = f"<th>{e(block.corner)}</th>" + "".join(
        f'<th width="17%">{e(c)}</th>' for c in block.columns
    )
    body = []
    for label, cells in block.rows:
        tds = []
        for cell in cells:
            colour = BAND_COLOURS[cell.band]
            inner = []
            if cell.current:
                inner.append(f"<b>{e(' '.join(cell.current))}</b>")
            if cell.inherent:
                inner.append(f'<span class="started">({e(" ".join(cell.inherent))})</span>')
            inner.append(f'<span class="band">{e(block.bands[cell.band])}</span>')
            tds.append(
                f'<td bgcolor="{colour}" style="background-color: {colour}">'
                + "<br>".join(inner)
                + "</td>"
            )
        body.append(f"<tr><th>{e(label)}</th>{''.join(tds)}</tr>")
    return (
        '<table class="matrix" width="99%" border="1" cellspacing="0" cellpadding="5">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody></table>"
    )


def render_html(report: RosReport, lang: str) -> str:
    """The report as one self-contained HTML page (UTF-8, inline CSS, escaped text)."""
    e = html.escape
    blocks = _blocks(report, lang)
    title = next(b.text for b in blocks if isinstance(b, _Heading))
    body = []
    for block in blocks:
        if isinstance(block, _Heading):
            body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, _Para):
            muted = ' class="muted"' if block.muted else ""
            body.append(f"<p{muted}>{_html_text(block.text)}</p>")
        elif isinstance(block, _Matrix):
            body.append(_html_matrix(block))
        else:
            body.append(_html_table(block))
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
