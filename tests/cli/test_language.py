"""Norwegian Bokmål: `--lang nb`, KANBAN_SEC_LANG=nb and a Norwegian locale."""

from __future__ import annotations

import json

from cli_support import assert_error, assert_ok, csv_bytes, snapshot


def test_norwegian_board_and_messages(demo, run, demo_db, tmp_path, cli_env):
    bad = tmp_path / "feil.csv"
    bad.write_bytes(csv_bytes(["tittel,title,likelihood", "x,Ny,7"]))
    bad_cell = tmp_path / "celle.csv"
    bad_cell.write_bytes(csv_bytes(["title,likelihood,due_date", "Ny,høy,neste uke"]))
    nb = {**cli_env, "KANBAN_SEC_LANG": "nb"}
    locale_nb = {k: v for k, v in cli_env.items() if k != "KANBAN_SEC_LANG"}
    locale_nb["LANG"] = "nb_NO.UTF-8"
    before = snapshot(demo_db)
    table, listed, unknown, columns, cells, demo_again = run.many(
        ("--db", demo_db, "--lang", "nb", "list"),
        ("--db", demo_db, "list", "--json"),
        ("--db", demo_db, "show", "0123abcd"),
        ("--db", demo_db, "import", bad),
        ("--db", demo_db, "import", bad_cell),
        ("--db", demo_db, "demo"),
        env=nb,
    )
    # the default language comes from the locale when KANBAN_SEC_LANG is not set
    (from_locale,) = run.many(("--db", demo_db, "move", "0123abcd", "doing"), env=locale_nb)

    out = assert_ok(table)
    header = out.splitlines()[0]
    assert "poeng" in header and "tittel" in header and "kolonne" in header
    assert "↳ ⚑ Svakeste ledd i " in out and "modenhet" in out
    assert "Pågår" in out and "Doing" not in out

    items = json.loads(assert_ok(listed))
    weakest = next(i for i in items if i["weakest_link"] and i["chain"])
    assert weakest["explanation"].startswith("⚑ Svakeste ledd i " + weakest["chain"]) or weakest[
        "explanation"
    ].startswith("📌 Festet først")

    def judged(letter: str, value: int | None) -> str:
        return f"{letter} ikke vurdert (teller 3)" if value is None else f"{letter}{value}"

    assert all(
        f"{judged('S', i['likelihood'])} × {judged('K', i['consequence'])}" in i["explanation"]
        for i in items
    )

    assert_error(unknown, 2, "fant ingen oppgave med id «0123abcd»")
    assert_error(columns, 2, "ukjente kolonner: tittel", "--ignore-unknown-columns")
    assert cells.returncode == 2 and cells.stdout == ""
    assert cells.stderr.splitlines() == [
        f"kanban-sec: {bad_cell}: ingenting er importert; feil funnet: 2",
        "  linje 2, kolonne due_date: «neste uke» er ikke en dato (bruk ÅÅÅÅ-MM-DD)",
        "  linje 2, kolonne likelihood: «høy» er ikke et heltall",
    ]
    assert_error(demo_again, 2, "har allerede", "oppgaver")
    assert_error(from_locale, 2, "fant ingen oppgave med id «0123abcd»")
    assert snapshot(demo_db) == before


def test_help_says_what_protects_the_board_file(run, cli_env):
    """--help ends with what keeps the board private on this OS (on Windows not the file
    mode: the profile folder's access list and BitLocker)."""
    from kanban_sec import runtime
    from kanban_sec.domain.text import t

    english = assert_ok(run("--help"))
    assert "file mode 0600" in english and "FileVault" in english
    norsk = assert_ok(run("--help", env={**cli_env, "KANBAN_SEC_LANG": "nb"}))
    assert "filmodus 0600" in norsk
    assert runtime.protection_key("linux") == runtime.protection_key("darwin")
    windows = runtime.protection_key("win32")
    for lang, words in (("en", ("read-only", "profile", "BitLocker")), ("nb", ("profilen",))):
        text = t(windows, lang)
        assert all(word in text for word in (*words, "0600")), text
