"""Sync trusts what the operating system trusts: on Windows and macOS the system store's
CAs (a municipal CA pushed by group policy) are exported to a PEM file for libpq; on
Linux libpq's ``sslrootcert=system``. The export is checked against the test server."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from kanban_sec.sync import client, errors, system_ca
from kanban_sec.sync.client import Remote

from .pg import PgCluster, url


def _der(pem_file: Path) -> bytes:
    return system_ca.ders_from_pem(pem_file.read_text(encoding="ascii"))[0]


def test_the_bundle_holds_each_certificate_once_as_pem(pg: PgCluster) -> None:
    ours, other = _der(pg.ca_file), _der(pg.wrong_ca_file)
    text = system_ca.pem_bundle([ours, other, ours])
    assert text.count("-----BEGIN CERTIFICATE-----") == 2
    assert system_ca.ders_from_pem(text) == [ours, other]
    context = ssl.create_default_context(cadata=text)  # OpenSSL reads it
    assert len(context.get_ca_certs()) == 2


def test_only_windows_entries_trusted_for_servers_are_taken() -> None:
    entries = [
        (b"all", "x509_asn", True),
        (b"tls", "x509_asn", {"1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"}),
        (b"mail-only", "x509_asn", {"1.3.6.1.5.5.7.3.4"}),
        (b"pkcs7", "pkcs_7_asn", True),
    ]
    assert system_ca.windows_trusted(entries) == [b"all", b"tls"]


def test_linux_uses_libpqs_system_store(tmp_path: Path) -> None:
    assert system_ca.system_root_cert(tmp_path, platform="linux") == "system"
    assert not (tmp_path / system_ca.FILE_NAME).exists()


def test_the_export_is_rewritten_only_when_the_store_changes(tmp_path: Path, pg: PgCluster):
    ours, other = _der(pg.ca_file), _der(pg.wrong_ca_file)
    first = system_ca.write_bundle(tmp_path, [ours])
    assert first is not None
    stamp = first.stat().st_mtime_ns
    assert system_ca.write_bundle(tmp_path, [ours]) == first
    assert first.stat().st_mtime_ns == stamp
    system_ca.write_bundle(tmp_path, [ours, other])
    assert len(system_ca.ders_from_pem(first.read_text(encoding="ascii"))) == 2
    assert system_ca.write_bundle(tmp_path, []) is None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_a_ca_only_the_os_store_trusts_verifies_the_server(
    pg: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    """No --ca-file and no sslrootcert in the address: the server is verified against
    the exported OS store; a store without its CA refuses the connection."""
    store = [_der(pg.ca_file)]
    real = system_ca.system_root_cert
    monkeypatch.setattr(
        system_ca,
        "system_root_cert",
        lambda: real(tmp_path, platform=platform, store=lambda: list(store)),
    )
    remote = Remote(url(pg.host, pg.port, "postgres", pg.admin_user, None))
    assert "sslrootcert" not in remote.url
    conn = client.connect(remote, pg.admin_password)
    try:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        conn.close()
    store[:] = [_der(pg.wrong_ca_file)]  # the store no longer holds the server's CA
    with pytest.raises(errors.TlsFailure):
        client.connect(remote, pg.admin_password)
