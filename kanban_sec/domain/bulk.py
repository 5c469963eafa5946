"""Bulk work over 100,000 objects: the cyclic garbage collector paused meanwhile.

Ranking, export and import allocate hundreds of thousands of small objects that hold no
cycles; each allocation burst otherwise sets off full collections over every live item.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (re-entrant; restores the prior state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
