"""The catalogue's messages of the chain map and its Open Threat Model (OTM) exchange, in Norwegian and English: part of the one
catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_MAP: dict[str, tuple[str, str]] = {}
