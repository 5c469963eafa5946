"""write_atomically when the target is locked, as Excel on Windows locks a CSV it has open:
os.replace raises PermissionError. Linux has no such lock, so os.replace is made to fail."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kanban_sec.domain.errors import BadInput
from kanban_sec.services import files
from kanban_sec.services.files import write_atomically


class Locked:
    """os.replace refusing with PermissionError the first ``times`` calls (Excel holds the
    file), then doing the real rename; the pauses between tries are recorded, not slept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, times: int) -> None:
        self.times, self.calls, self.pauses = times, 0, []
        real = os.replace

        def replace(src: object, dst: object) -> None:
            self.calls += 1
            if self.calls <= self.times:
                raise PermissionError(13, "The process cannot access the file", str(dst))
            real(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(files.os, "replace", replace)
        monkeypatch.setattr(files.time, "sleep", self.pauses.append)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "board.csv")


@pytest.mark.parametrize("times", [1, 3, files.REPLACE_TRIES - 1])
def test_a_lock_let_go_within_the_retries_is_waited_out(monkeypatch, tmp_path, times):
    target = tmp_path / "board.csv"
    target.write_bytes(b"old\r\n")
    locked = Locked(monkeypatch, times)
    write_atomically(target, b"new\r\n")
    assert target.read_bytes() == b"new\r\n"
    assert locked.calls == times + 1
    assert locked.pauses == [files.REPLACE_PAUSE] * times
    assert leftovers(tmp_path) == []


def test_a_lock_that_stays_says_close_it_in_excel_and_keeps_the_old_file(monkeypatch, tmp_path):
    target = tmp_path / "board.csv"
    target.write_bytes(b"old\r\n")
    locked = Locked(monkeypatch, times=10**6)
    with pytest.raises(BadInput) as caught:
        write_atomically(target, b"new\r\n")
    # tried for about two seconds, then given up
    assert locked.calls == files.REPLACE_TRIES
    assert 1.5 <= sum(locked.pauses) <= 3
    error = caught.value
    assert error.msg.key == "file.in_use"
    assert error.message("en") == (
        f"cannot replace {target}: it is open in another program such as Excel (or "
        "write-protected); close it in Excel or choose another name, and try again"
    )
    nb = error.message("nb")
    assert str(target) in nb and "lukk den i Excel" in nb and "\n" not in nb
    assert target.read_bytes() == b"old\r\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("times", [0, 10**6], ids=["linux", "windows"])
def test_a_folder_in_the_way_is_not_retried(monkeypatch, tmp_path, times):
    # Linux refuses to rename over a folder with IsADirectoryError, Windows with
    # PermissionError: neither is a lock to wait out or to blame on Excel.
    locked = Locked(monkeypatch, times)
    target = tmp_path / "board.csv"
    target.mkdir()
    with pytest.raises(BadInput) as caught:
        write_atomically(target, b"new\r\n")
    assert caught.value.msg.key == "csv.cannot_write"
    assert locked.pauses == []
    assert target.is_dir() and leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_written_is_not_called_in_use(tmp_path):
    target = tmp_path / "missing" / "board.csv"
    with pytest.raises(BadInput) as caught:
        write_atomically(target, b"new\r\n")
    assert caught.value.msg.key == "csv.cannot_write"
