"""The catalogue's messages of the command line's ROS commands (ros, flow, decide --risk, matrix), in Norwegian and English: part of the one
catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_CLI: dict[str, tuple[str, str]] = {}
