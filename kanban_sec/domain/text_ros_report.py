"""The catalogue's messages of ROS analysis reports (Markdown, HTML, PDF), the risks CSV and the data flows CSV, in Norwegian and English: part of the one
catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_REPORT: dict[str, tuple[str, str]] = {}
