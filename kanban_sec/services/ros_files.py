"""Files of a ROS analysis: the report of a chain (Markdown, HTML, PDF), its risks as CSV,
and its data flows as CSV both ways. Every file is written whole or not at all and is on
the record (a transfer); a flows file is imported all or nothing, in one transaction
through the store's one write path, so the rulebook judges every row."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from kanban_sec.domain.errors import BadInput, KanbanError, NotFound
from kanban_sec.domain.governance import bands_from
from kanban_sec.domain.ids import new_id
from kanban_sec.domain.ros import (
    CONSEQUENCE_WORDS,
    LIKELIHOOD_WORDS,
    RosAnalysis,
    scale_words,
)
from kanban_sec.exchange.csv_codec import read_csv
from kanban_sec.exchange.ros_csv import FlowRow, flows_csv, read_flows, risks_csv
from kanban_sec.exchange.ros_report import RosReport, render_html, render_markdown
from kanban_sec.services.files import write_atomically
from kanban_sec.services.history import record_transfer
from kanban_sec.services.names import Names
from kanban_sec.services.outcome import Outcome
from kanban_sec.services.ros import RosService
from kanban_sec.store import ros_reader
from kanban_sec.store.unit_of_work import reading, writing

#: The report's formats (``csv``: the chain's risks).
FORMATS = ("md", "html", "pdf", "csv")
PdfWriter = Callable[[str, Path], None]


class RosFiles(RosService):
    """The ROS analysis's files for one person."""

    # -- the report --------------------------------------------------------------------
    def report(self, chain: str, analysis: str | None = None) -> RosReport:
        """What the report of ``chain`` shows: its newest analysis, or the one ``analysis``
        names (its id, or the start or end of it)."""
        picture = self.picture(chain)
        with reading(self.db) as reader:
            found = ros_reader.analyses(reader, picture.chain.id)
            people = {p.id: p.name for p in reader.people().values()}
            settings = reader.settings()
        chosen = _analysis(found, analysis, picture.chain.name)
        if chosen is not None:
            bands = chosen.bands
            scales = _frozen_scales(chosen, scale_words(settings, self.lang), self.lang)
        else:
            bands, scales = bands_from(settings), dict(scale_words(settings, self.lang))
        return RosReport(
            chain=picture.chain,
            risk_owner=picture.risk_owner,
            links=picture.links,
            units=picture.units,
            values=picture.values,
            flows=picture.flows,
            rows=picture.rows,
            analysis=chosen,
            bands=bands,
            scales=scales,
            people=people,
            weakest=picture.weakest,
            made_at=datetime.now().astimezone(),
            analysis_count=len(found),
        )

    def render(self, report: RosReport, format: str, *, delimiter: str = ",") -> str | bytes:
        """The report as text (``md``, ``html``) or the risks as CSV bytes (``csv``)."""
        if format == "md":
            return render_markdown(report, self.lang)
        if format == "html":
            return render_html(report, self.lang)
        if format == "csv":
            return risks_csv(
                report.rows,
                report.people,
                {v.id: v.name for v in report.values},
                report.bands,
                delimiter,
            )
        raise ValueError(f"cannot render a report as {format!r}")

    def write_report(
        self,
        chain: str,
        path: str | os.PathLike[str],
        format: str,
        *,
        analysis: str | None = None,
        delimiter: str = ",",
        pdf_writer: PdfWriter | None = None,
    ) -> RosReport:
        """Write the report of ``chain`` (``format`` one of :data:`FORMATS`) to ``path``,
        whole or not at all, and record it (a transfer of kind ``report``)."""
        if format not in FORMATS:
            raise ValueError(f"report format must be one of {FORMATS}, not {format!r}")
        if format == "pdf" and pdf_writer is None:
            raise KanbanError("standup.pdf_unavailable", reason="no PDF writer")
        report = self.report(chain, analysis)
        target = Path(path)
        if format == "pdf":
            assert pdf_writer is not None
            _write_pdf(target, render_html(report, self.lang), pdf_writer)
        else:
            data = self.render(report, format, delimiter=delimiter)
            write_atomically(target, data if isinstance(data, bytes) else data.encode("utf-8"))
        record_transfer(self.db, self.author, "report", target, len(report.rows))
        return report

    # -- data flows as CSV -----------------------------------------------------------
    def export_flows(
        self, chain: str, path: str | os.PathLike[str], *, delimiter: str = ","
    ) -> int:
        """Write ``chain``'s data flows to a CSV file (recorded); returns how many."""
        with reading(self.db) as reader:
            chain_id = Names(reader).chain(chain)
            flows = ros_reader.flows(reader, chain_id)
            links = reader.links()
        write_atomically(path, flows_csv(flows, links, delimiter))
        record_transfer(self.db, self.author, "export", path, len(flows))
        return len(flows)

    def import_flows(
        self, chain: str, path: str | os.PathLike[str], *, dry_run: bool = False
    ) -> Outcome:
        """Read ``chain``'s data flows from a CSV file, all or nothing: a row whose number
        the chain has changes that flow, others are added (without a number: the next
        free one); flows the file leaves out stay. ``counts``: created, updated,
        unchanged."""
        table = read_csv(path)
        try:
            with writing(self.db, self.author, self.person_id) as uow:
                names = Names(uow)
                chain_id = names.chain(chain)
                links = {
                    " ".join(k.name.split()).casefold(): k.id
                    for k in uow.links().values()
                    if k.chain_id == chain_id
                }
                counts = _write_flows(uow, chain_id, read_flows(table, links))
                if dry_run:  # judged by the rulebook as a real import, then undone
                    raise _DryRun(counts)
                return Outcome(tuple(uow.changes), (), chain_id, counts)
        except _DryRun as done:
            return Outcome((), (), None, done.counts)


def _frozen_scales(
    analysis: RosAnalysis, today: Mapping[str, Sequence[str]], lang: str
) -> dict[str, Sequence[str]]:
    """The scale words the analysis froze. The guidance's own words (not a board's) are
    shown in the reader's language: they say the same in both. A side the analysis lacks
    takes today's words."""
    guidance = {"likelihood": LIKELIHOOD_WORDS, "consequence": CONSEQUENCE_WORDS}
    out = dict(today)
    for side, words in analysis.scales.items():
        if side not in guidance or len(words) != 5:
            continue
        known = guidance[side]
        out[side] = known[lang] if tuple(words) in {tuple(w) for w in known.values()} else words
    return out


class _DryRun(Exception):
    """Leaves a dry run's transaction without committing it."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__("dry run")
        self.counts = counts


def _analysis(found: list[RosAnalysis], reference: str | None, chain: str) -> RosAnalysis | None:
    """The newest analysis, or the one ``reference`` names."""
    if reference is None:
        return found[-1] if found else None
    exact = [a for a in found if a.id == reference.strip()]
    if exact:
        return exact[0]
    text = reference.strip().replace("-", "").casefold()
    matches = [
        a
        for a in found
        if len(text) >= 4
        and (a.id.replace("-", "").startswith(text) or a.id.replace("-", "").endswith(text))
    ]
    if len(matches) > 1:
        raise BadInput("rosreport.analysis_ambiguous", id=reference, count=len(matches))
    if not matches:
        raise NotFound("rosreport.analysis_unknown", id=reference, chain=chain)
    return matches[0]


def _write_flows(uow: Any, chain_id: str, rows: list[FlowRow]) -> dict[str, int]:
    existing = {f.number: f for f in ros_reader.flows(uow, chain_id)}
    taken = set(existing) | {r.number for r in rows if r.number is not None}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for row in rows:
        number = row.number
        found = existing.get(number) if number is not None else None
        values = {
            "from_link_id": row.from_link_id,
            "to_link_id": row.to_link_id,
            "data": row.data,
            "notes": row.notes,
        }
        if found is not None:
            changed = {k: v for k, v in values.items() if getattr(found, k) != v}
            if changed:
                uow.update("data_flow", found.id, changed)
            counts["updated" if changed else "unchanged"] += 1
            continue
        if number is None:
            number = max(taken, default=0) + 1
            if number > 999:
                raise BadInput("rosreport.flow_numbers_full", line=row.line)
            taken.add(number)
        uow.insert("data_flow", {"id": new_id(), "chain_id": chain_id, "number": number, **values})
        counts["created"] += 1
    return counts


def _write_pdf(target: Path, page: str, pdf_writer: PdfWriter) -> None:
    """Qt writes the PDF beside ``target``; it is renamed into place when whole."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        pdf_writer(page, temp)
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise BadInput(
            "csv.cannot_write", path=str(target), reason=error.strerror or str(error)
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
