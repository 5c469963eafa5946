"""The operating system's trusted certificate authorities, for libpq.

libpq (inside psycopg) verifies the server with OpenSSL and cannot take a Python
``SSLContext`` (so ``truststore``, which gives one, cannot help it). Its
``sslrootcert=system`` is OpenSSL's default store: right on Linux (the distribution's
bundle, where an administrator adds a CA with ``update-ca-certificates``), but on Windows
and macOS it misses the system's own store — a municipal CA pushed by group policy or an
MDM profile. There the store's certificates are exported to a PEM file in the app's data
folder, refreshed at each sync, and passed as ``sslrootcert``.

:func:`pem_bundle` (DER certificates to one PEM text) and :func:`windows_trusted` (which
store entries count) are pure, so they are tested on Linux.
"""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

#: The extended key usage a certificate authority must allow to sign a server certificate.
SERVER_AUTH = "1.3.6.1.5.5.7.3.1"

#: macOS keychains with trusted roots: the administrator's additions, then Apple's roots.
MAC_KEYCHAINS = (
    "/Library/Keychains/System.keychain",
    "/System/Library/Keychains/SystemRootCertificates.keychain",
)

FILE_NAME = "system-ca.pem"


def pem_bundle(certificates: Iterable[bytes]) -> str:
    """DER certificates as one PEM text, each once, in the order given."""
    seen: set[bytes] = set()
    parts: list[str] = []
    for der in certificates:
        if der in seen:
            continue
        seen.add(der)
        parts.append(ssl.DER_cert_to_PEM_cert(der))
    return "".join(parts)


def windows_trusted(entries: Iterable[tuple[bytes, str, set[str] | bool]]) -> list[bytes]:
    """The DER certificates of ``ssl.enum_certificates`` entries that may vouch for a
    server: X.509 ones trusted for every purpose or for server authentication."""
    return [
        der
        for der, encoding, trust in entries
        if encoding == "x509_asn"
        and (trust is True or (isinstance(trust, set) and SERVER_AUTH in trust))
    ]


def ders_from_pem(text: str) -> list[bytes]:
    """The certificates of a PEM text, as DER."""
    end = "-----END CERTIFICATE-----"
    ders = []
    for block in text.split(end)[:-1]:
        start = block.find("-----BEGIN CERTIFICATE-----")
        if start >= 0:
            ders.append(ssl.PEM_cert_to_DER_cert(block[start:] + end + "\n"))
    return ders


def _windows_store() -> list[bytes]:
    if sys.platform != "win32":
        return []
    ders: list[bytes] = []
    for store in ("ROOT", "CA"):
        ders += windows_trusted(ssl.enum_certificates(store))
    return ders


def _mac_store() -> list[bytes]:
    keychains = [k for k in MAC_KEYCHAINS if os.path.exists(k)]
    if not keychains:
        return []
    done = subprocess.run(
        ["/usr/bin/security", "find-certificate", "-a", "-p", *keychains],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return ders_from_pem(done.stdout)


def write_bundle(folder: Path, certificates: Iterable[bytes]) -> Path | None:
    """Write the PEM bundle of ``certificates`` to ``folder`` (only when it changed);
    ``None`` when there is none."""
    text = pem_bundle(certificates)
    if not text:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / FILE_NAME
    try:
        if target.read_text(encoding="ascii") == text:
            return target
    except OSError:
        pass
    partial = target.with_name(FILE_NAME + ".tmp")
    partial.write_text(text, encoding="ascii")
    os.replace(partial, target)
    return target


def system_root_cert(
    folder: Path | None = None,
    *,
    platform: str = sys.platform,
    store: Callable[[], list[bytes]] | None = None,
) -> str | None:
    """What libpq's ``sslrootcert`` should be to trust what this OS trusts: a PEM file
    exported from the store on Windows and macOS, ``"system"`` elsewhere (``None`` when
    libpq is older than 16 and there is no export: its own default then applies).
    ``store`` stands for the OS store's certificates (tests)."""
    import psycopg

    if platform in ("win32", "darwin"):
        if folder is None:
            from platformdirs import user_data_path

            folder = user_data_path("kanban-sec", appauthor=False)
        if store is None:
            store = _windows_store if platform == "win32" else _mac_store
        try:
            ders = store()
            exported = write_bundle(folder, ders)
        except (OSError, ssl.SSLError, subprocess.SubprocessError, ValueError):
            exported = None
        if exported is not None:
            return str(exported)
    return "system" if psycopg.pq.version() >= 160000 else None
