"""Background work on the qasync loop: one blocking service call at a time off the UI thread.

:class:`BackgroundCall` runs ``work(progress)`` as an asyncio task on the loop that qasync
runs inside Qt's (:mod:`kanban_sec.app`); the blocking call itself runs in a worker thread
through :func:`asyncio.to_thread`, so the window keeps painting. The work reports how far
it is through ``progress(...)``; each report reaches the UI thread as ``progressed``. Once
Cancel was pressed the next report raises :class:`Cancelled` inside the work, so the
service's transaction rolls back and nothing is half written. The end comes back on the UI
thread as ``finished(result)`` or ``failed(error)`` (``error`` a :class:`Cancelled` when the
cancel took effect); what to tell the person is the caller's to decide.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class Cancelled(Exception):
    """Raised inside background work by its progress callback once Cancel was pressed."""


class Progress:
    """What background work is handed: ``progress(*values)`` shows how far it is (e.g.
    ``done, total``) and raises :class:`Cancelled` once the person has cancelled."""

    def __init__(self, cancel: threading.Event, send: Callable[[tuple[Any, ...]], None]) -> None:
        self._cancel = cancel
        self._send = send

    @property
    def cancelled(self) -> bool:
        """Whether Cancel was pressed (for checks that cannot raise, e.g. SQLite's handler)."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when Cancel was pressed: a point where the work may stop."""
        if self._cancel.is_set():
            raise Cancelled

    def __call__(self, *values: Any) -> None:
        self.check()
        self._send(values)


class BackgroundCall(QObject):
    """``work(progress)`` in a worker thread, driven by an asyncio task on the qasync loop.

    Signals (on the UI thread): ``progressed(tuple)`` with what the work reported,
    ``finished(object)`` with its result, ``failed(object)`` with the exception it raised.
    """

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._stopped = threading.Event()
        self._stopped.set()
        self._running = False
        # The newest report not yet shown: reports are coalesced, the newest wins (the
        # loop may run queued callbacks out of order, and a flood would only cost time).
        self._latest: tuple[Any, ...] | None = None
        self._latest_lock = threading.Lock()
        #: The asyncio task while the work runs (and after, until it is let go).
        self.task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        """From :meth:`start` until ``finished`` or ``failed`` is emitted."""
        return self._running

    @property
    def cancelling(self) -> bool:
        """Whether Cancel was pressed during this run."""
        return self._cancel.is_set()

    def start(self) -> None:
        """Start the work on the running asyncio loop (qasync's: the application runs it)."""
        if self._running:
            raise RuntimeError("already running")
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError(
                "background work needs the qasync loop that kanban_sec.app "
                "runs (tests: the qasync_loop fixture)"
            ) from None
        self._cancel.clear()
        self._stopped.clear()
        self._running = True
        self.task = loop.create_task(self._run(loop))

    def cancel(self) -> None:
        """Ask the work to stop at its next report; ``failed(Cancelled)`` follows unless it
        had already got past its last report (then ``finished``: see :attr:`cancelling`).
        Safe from any thread."""
        if self._running:
            self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker thread has stopped (shutdown, tests); ``True`` if it has."""
        return self._stopped.wait(timeout)

    # -- the worker thread: no Qt object is touched there --------------------------------
    def _in_thread(self, progress: Progress) -> tuple[bool, Any]:
        try:
            return True, self._work(progress)
        except BaseException as error:  # handed to the UI thread, never lost in the thread
            return False, error
        finally:
            self._stopped.set()

    # -- the task, on the UI thread ------------------------------------------------------
    async def _run(self, loop: asyncio.AbstractEventLoop) -> None:
        def send(values: tuple[Any, ...]) -> None:
            with self._latest_lock:
                pending, self._latest = self._latest is not None, values
            if not pending:
                loop.call_soon_threadsafe(self._report)

        try:
            ok, value = await asyncio.to_thread(self._in_thread, Progress(self._cancel, send))
        except asyncio.CancelledError:  # the loop is closing: the work stops at its next report
            self._cancel.set()
            self._running = False
            raise
        self._running = False
        if not shiboken6.isValid(self):  # its window is gone; nobody is listening
            return
        # A slot that raises goes to sys.excepthook (the application's hook shows it).
        (self.finished if ok else self.failed).emit(value)

    def _report(self) -> None:
        with self._latest_lock:
            values, self._latest = self._latest, None
        if (
            values is not None
            and self._running
            and not self._cancel.is_set()
            and shiboken6.isValid(self)
        ):
            self.progressed.emit(values)
