"""Reports as PDF, laid out by Qt's rich-text engine: no browser, works headless.

``QTextDocument`` takes the report's HTML (or Markdown), is laid out on the pages of a
``QPdfWriter`` (A4) and painted page by page, with the page number at the foot. Without a
display, set ``QT_QPA_PLATFORM=offscreen`` before this module is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

#: Page margins in millimetres.
MARGIN_MM = 15.0
#: Printer resolution: text stays vector, this only sets the layout's precision.
RESOLUTION_DPI = 300
BODY_POINTS = 10.0
FOOTER_POINTS = 8.0

# A QGuiApplication this module had to create is kept for the life of the process: Qt
# cannot make a second one after the first is gone.
_app: QGuiApplication | None = None


def _ensure_application() -> None:
    global _app
    if QGuiApplication.instance() is None:
        _app = QGuiApplication([])


def _writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setResolution(RESOLUTION_DPI)
    writer.setCreator("kanban-sec")
    return writer


def _body_font() -> QFont:
    font = QFont()
    font.setPointSizeF(BODY_POINTS)
    # Without ligatures "fi" stays two letters, so the PDF's text can be searched and copied.
    for tag in ("liga", "clig"):
        feature = QFont.Tag.fromString(tag)
        if feature is not None:
            font.setFeature(feature, 0)
    return font


def _print(document: QTextDocument, path: str | os.PathLike[str]) -> None:
    """Lay ``document`` out on A4 pages of a new PDF at ``path`` and paint every page."""
    target = Path(path)
    writer = _writer(target)
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    if title:
        writer.setTitle(title)
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_POINTS * 2.5 * writer.resolution() / 72
    width, height = float(area.width()), float(area.height()) - footer
    # Laid out on the writer itself, so points are the printer's points.
    document.documentLayout().setPaintDevice(writer)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(width, height))
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write a PDF to {target}")
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(FOOTER_POINTS)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(0, height, width, footer),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"{page + 1} / {pages}",
            )
    finally:
        painter.end()
    del writer  # the file is complete once the writer is gone
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(f"Qt wrote no PDF to {target}")


def _document() -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(_body_font())
    # Lines break between words only: a word longer than its table column widens the
    # column instead of being cut in two ("underdatabehandler-avtale").
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    return document


def write_pdf(html: str, path: str | os.PathLike[str]) -> None:
    """Lay out ``html`` on A4 pages and write it as a PDF file at ``path``."""
    _ensure_application()
    document = _document()
    document.setHtml(html)
    _print(document, path)
