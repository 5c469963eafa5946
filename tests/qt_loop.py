"""The qasync loop under GUI tests, as the application runs it (kanban_sec.app).

The window's background work (kanban_sec.ui.background) runs as asyncio tasks on qasync's
loop. A test does not call ``loop.run_forever()`` (pytest-qt turns Qt's event loop in its
waits), so ``qasync_loop`` makes qasync's loop asyncio's running loop for the test: tasks,
``asyncio.to_thread`` and thread-safe callbacks then run whenever the test waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def _qasync_session_loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    import qasync

    loop = qasync.QEventLoop(qapp)
    yield loop
    loop.close()  # and its worker threads


@pytest.fixture
def qasync_loop(
    _qasync_session_loop: asyncio.AbstractEventLoop, qtbot: Any
) -> Iterator[asyncio.AbstractEventLoop]:
    """qasync's loop as the running loop of this test; no background task outlives it."""
    loop = _qasync_session_loop
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
        qtbot.waitUntil(
            lambda: all(task.done() for task in asyncio.all_tasks(loop)), timeout=30_000
        )
    finally:
        asyncio.events._set_running_loop(None)
