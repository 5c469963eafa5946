"""Which SQLite journal mode a board file gets: WAL on a local disk, DELETE on a network
drive (SMB, NFS, sshfs...), where WAL's shared-memory index is not safe across machines.

:func:`journal_mode` is a pure decision from facts about the path; the ``*_facts``
functions gather those facts on each operating system (and their parsers are pure, so the
decision for Windows and macOS inputs is tested on Linux).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

#: ``GetDriveTypeW``'s answer for a network drive (a mapped H: on a file server).
DRIVE_REMOTE = 4

#: Filesystem types (Linux /proc/mounts, macOS f_fstypename) that live on another machine.
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.davfs",
        "fuse.sshfs",
        "sshfs",
        "9p",
        "ncpfs",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.rclone",
        "lustre",
    }
)


@dataclass(frozen=True)
class PathFacts:
    """What the journal mode depends on: the OS, the path, and what its drive is."""

    platform: str  # sys.platform: "win32", "darwin", "linux"
    path: str
    drive_type: int | None = None  # Windows: GetDriveTypeW of the path's root
    fstype: str | None = None  # Linux/macOS: the filesystem type of the path's mount


def is_network(facts: PathFacts) -> bool:
    """Whether the board file lies on another machine's disk."""
    if facts.platform == "win32":
        if PureWindowsPath(facts.path).drive.startswith(("\\\\", "//")):
            return True  # a UNC path: \\server\share\board.sqlite
        return facts.drive_type == DRIVE_REMOTE
    fstype = (facts.fstype or "").lower()
    return fstype in NETWORK_FILESYSTEMS or fstype.startswith(("nfs", "smb", "cifs"))


def journal_mode(facts: PathFacts) -> str:
    """``"DELETE"`` for a file on a network drive, else ``"WAL"``."""
    return "DELETE" if is_network(facts) else "WAL"


# -- the facts, gathered ------------------------------------------------------------------


def _unescape_mount(field: str) -> str:
    """/proc/mounts writes a space in a mount point as ``\\040`` (tab, newline likewise)."""
    return (
        field.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
    )


def fstype_from_proc_mounts(mounts: str, path: str) -> str | None:
    """The filesystem type of ``path``'s mount, from the text of /proc/mounts (the
    longest mount point that contains the path wins)."""
    target = PurePosixPath(path)
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePosixPath(_unescape_mount(fields[1]))
        if target == point or point in target.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fields[2])
    return None if best is None else best[1]


def fstype_from_mount_output(output: str, path: str) -> str | None:
    """The filesystem type of ``path``'s mount, from macOS ``mount``'s output
    (``//kari@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by kari)``)."""
    target = PurePosixPath(path)
    best: tuple[int, str] | None = None
    for line in output.splitlines():
        if " on " not in line or not line.rstrip().endswith(")"):
            continue
        rest = line.split(" on ", 1)[1]
        point_text, _, options = rest.rpartition(" (")
        if not point_text:
            continue
        point = PurePosixPath(point_text)
        fstype = options.rstrip(")").split(",")[0].strip()
        if target == point or point in target.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fstype)
    return None if best is None else best[1]


def _windows_drive_type(path: Path) -> int | None:
    if sys.platform != "win32":
        return None
    import ctypes

    root = PureWindowsPath(path).anchor
    if not root:
        return None
    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))
    except (AttributeError, OSError):
        return None


def path_facts(path: Path) -> PathFacts:
    """The facts about ``path`` on this machine (unknown facts stay ``None``: local)."""
    folder = str(path.parent)
    if sys.platform == "win32":
        return PathFacts("win32", str(path), drive_type=_windows_drive_type(path))
    fstype: str | None = None
    real = os.path.realpath(folder)
    try:
        if sys.platform == "darwin":
            output = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
            ).stdout
            fstype = fstype_from_mount_output(output, real)
        else:
            fstype = fstype_from_proc_mounts(Path("/proc/mounts").read_text(encoding="utf-8"), real)
    except (OSError, subprocess.SubprocessError):
        fstype = None
    return PathFacts(sys.platform, str(path), fstype=fstype)
