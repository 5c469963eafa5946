"""A large, realistic board for the benchmarks, written through the real store.

``make_board(path, n_items, seed=1)`` fills an empty database with ~40 org units in a
4-level tree, ~200 people, ~50 chains of 5-12 links each and ``n_items`` items, using
``open_database`` and the unit of work (``writing(db, author)`` + ``uow.insert_many``), so
every row leaves its change record exactly as in real use. The same ``seed`` gives the
same board (ids included). Items are written in batches of 10,000, one transaction each.

Shares (exact, not random): 20% done, 1% pinned and 2% blocked (both open items only),
5% confidential, 10% without chain, 5% in a chain but without link. Random: 30% of the
descriptions hold commas, quotes, line breaks (LF or CRLF) or begin like a formula
(Markdown "- " bullets, "=>"); 10% of the titles hold a comma; effort is empty for ~1/6.

``board_for(n_items, seed)`` caches the built file in ``bench/out/`` (git-ignored) and
reuses it while the generator version and the schema revision are unchanged.

Run alone: ``python bench/make_board.py [N_ITEMS] [SEED] [--smoke]`` (``--smoke``: 2,000
items unless N_ITEMS is given).
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common import OUT, scaled

from kanban_sec.store import migrate, rows
from kanban_sec.store.database import open_database
from kanban_sec.store.unit_of_work import writing

#: Bump when the generated content changes, so cached files are rebuilt.
GENERATOR_VERSION = 3
AUTHOR = "bench"
BATCH = 10_000
#: "Now" of the generated history (fixed, so a seed always gives the same board).
REFERENCE = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)

# -- the organisation ---------------------------------------------------------------------

ROOT = "Oslo kommune"
AGENCIES: dict[str, dict[str, list[str]]] = {
    "Origo": {
        "Drift": ["Team Nettverk", "Team Klient", "Team Plattform"],
        "Sikkerhet": ["Team SOC", "Team Tilgang", "Team Sårbarhet"],
        "Integrasjon": ["Team API", "Team Fellestjenester", "Team Data"],
    },
    "Helseetaten": {
        "Velferdsteknologi": ["Team Medisinering", "Team Trygghet", "Team Sensor"],
        "Sykehjemsetaten IKT": ["Team EPJ", "Team Fagsystem", "Team Brukerstøtte"],
        "Internkontroll helse": ["Team Revisjon", "Team Avvik", "Team Personvern"],
    },
    "Bymiljøetaten": {
        "Mobilitet": ["Team TT-kort", "Team Parkering", "Team Bysykkel"],
        "Digitalisering": ["Team Skjema", "Team Innbygger", "Team Kart"],
        "Eiendom": ["Team Adgang", "Team Byggdrift", "Team Energi"],
    },
}

FIRST = [
    "Anne",
    "Bjørn",
    "Camilla",
    "Dag",
    "Eli",
    "Fredrik",
    "Guro",
    "Håkon",
    "Ingrid",
    "Jonas",
    "Kari",
    "Lars",
    "Marte",
    "Nils",
    "Oda",
    "Per",
    "Ragnhild",
    "Sindre",
    "Tone",
    "Ulrik",
    "Vilde",
    "Øystein",
    "Åse",
    "Amir",
    "Fatima",
    "Mateusz",
]
LAST = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Lie",
    "Ali",
    "Nowak",
    "Strand",
    "Solberg",
    "Bakken",
]

# -- chains, links, items -------------------------------------------------------------------

SERVICES = [
    "Medisindispenser",
    "TT-kort søknad",
    "Microsoft 365",
    "Infrastruktur",
    "Trygghetsalarm",
    "EPJ sykehjem",
    "Byggesak",
    "Parkeringstillatelse",
    "Skoleportal",
    "Barnehageopptak",
    "Økonomisystem",
    "Lønn og personal",
    "Sak og arkiv",
    "Innbyggerportal",
    "Kartinnsyn",
    "Adgangskontroll",
    "Bysykkel",
    "Velferdsteknologi-plattform",
    "Digital postkasse",
    "Legevakt-IKT",
    "Helsestasjon journal",
    "Renovasjon app",
    "Energistyring",
    "Vann og avløp SCADA",
    "Bibliotek selvbetjening",
]
VARIANTS = ["", " (sky)"]
LINK_KINDS = [
    ("Enhet", "device"),
    ("Mobilnett", "network"),
    ("Leverandørsky", "cloud"),
    ("Underleverandør", "vendor"),
    ("Integrasjonshub", "integration"),
    ("EPJ-integrasjon", "integration"),
    ("Klient-PC", "client"),
    ("ID-porten", "identity"),
    ("API-gateway", "integration"),
    ("Database", "data"),
    ("Backup", "data"),
    ("Logging", "monitoring"),
    ("Brannmur", "network"),
    ("Mobilapp", "client"),
    ("Betalingsløsning", "vendor"),
    ("Active Directory", "identity"),
]
COUNTRIES = ["NO", "NO", "NO", "SE", "DK", "IE", "DE", "NL", "US"]
VERBS = [
    "Innfør",
    "Revider",
    "Kartlegg",
    "Herd",
    "Oppgrader",
    "Dokumenter",
    "Test",
    "Overvåk",
    "Krypter",
    "Begrens",
    "Fjern",
    "Automatiser",
]
OBJECTS = [
    "MFA for administratorer",
    "tilgangsstyring",
    "logging av hendelser",
    "sikkerhetskopi",
    "leverandøravtale",
    "databehandleravtale",
    "sårbarhetsskanning",
    "nettverkssegmentering",
    "passordpolicy",
    "hendelseshåndtering",
    "beredskapsplan",
    "TLS-sertifikater",
    "rettighetsgjennomgang",
    "patching",
    "dataflytdiagram",
    "ROS-analyse",
    "DPIA",
    "endepunktbeskyttelse",
]
TAGS = [
    "ROS",
    "NSM",
    "GDPR",
    "personvern",
    "MFA",
    "logging",
    "patching",
    "leverandør",
    "årshjul",
    "backup",
    "tilgang",
    "kryptering",
    "sky",
    "OT",
    "beredskap",
]
PIN_REASONS = [
    "Pålegg fra Datatilsynet",
    "Aktiv hendelse, se varsel fra NSM",
    "Revisjonsfunn med frist",
    "Direktørens prioritet",
]
BLOCK_REASONS = [
    "Venter på leverandør",
    'Venter på "go" fra risikoeier',
    "Mangler tilgang, bestilt i portalen",
    "Avhenger av nettverksendring, uke 34",
]
#: Most descriptions are plain text; RICH_SHARE of them have commas, quotes, line breaks
#: (LF and CRLF) or start like a formula ("- " Markdown bullets, "=>").
PLAIN_DESCRIPTIONS = [
    "Funn fra ROS-analysen: {link} i {chain} mangler {obj}.",
    "Oppfølging av {obj} for {link} etter revisjon {year}.",
    "Tiltak {n} i handlingsplanen for {chain}.",
    "",
]
RICH_DESCRIPTIONS = [
    'Leverandøren bekrefter at {obj} ikke er på plass, se "avvik {n}" i kvalitetssystemet.',
    "## Bakgrunn\n{obj} for {link} er ikke vurdert siden {year}.\n\n"
    '- Kartlegg dagens oppsett\n- Vurder tiltak, kost og nytte\n- Oppdater "{chain}"-ROS',
    "- Kontroller {obj}\n- Rapporter til risikoeier, med kopi til personvernombudet",
    "Tiltak etter internkontroll {year}, punkt {n}: {obj}, {link}.\r\nSe også NSM-rådet.",
    '=> Se egen sak om {obj}; avklar med "{link}"-leverandøren, før {year}.',
]
RICH_SHARE = 0.3
#: Share of titles with a comma (the others use a dash and parentheses).
COMMA_TITLE_SHARE = 0.1
FRAMEWORKS = ["NSM {a}.{b}.{c}", "CIS {a}.{b}", "ISO 27002 {a}.{b}", "GDPR art. {n}", ""]
# Status shares (exact): 20% done.
STATUS_SHARES = (
    ("backlog", 0.45),
    ("next", 0.15),
    ("doing", 0.12),
    ("verify", 0.08),
    ("done", 0.20),
)
EFFORTS = [None, "XS", "S", "M", "L", "XL"]


def _ids(rng: random.Random, moment: datetime) -> str:
    """A version 7 UUID from ``rng`` (time-ordered like real ids, reproducible)."""
    ms = int(moment.timestamp() * 1000)
    value = (
        (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    )
    return str(uuid.UUID(int=value))


def _spread(count: int, shares: Sequence[tuple[Any, float]], rng: random.Random) -> list[Any]:
    """``count`` values in exactly the given shares (rounded), shuffled."""
    values: list[Any] = []
    for value, share in shares[:-1]:
        values += [value] * round(count * share)
    values += [shares[-1][0]] * (count - len(values))
    rng.shuffle(values)
    return values


def _flags(count: int, share: float, eligible: Sequence[int], rng: random.Random) -> set[int]:
    return set(rng.sample(list(eligible), min(len(eligible), round(count * share))))


def _organisation(rng: random.Random, now: datetime) -> tuple[Any, ...]:
    units: list[dict[str, Any]] = []

    def unit(name: str, parent: str | None) -> str:
        unit_id = _ids(rng, now - timedelta(days=900))
        units.append({"id": unit_id, "name": name, "parent_id": parent})
        return unit_id

    root = unit(ROOT, None)
    levels: dict[int, list[str]] = {1: [root], 2: [], 3: [], 4: []}
    for agency, departments in AGENCIES.items():
        agency_id = unit(agency, root)
        levels[2].append(agency_id)
        for department, teams in departments.items():
            department_id = unit(department, agency_id)
            levels[3].append(department_id)
            for team in teams:
                levels[4].append(unit(team, department_id))

    names = rng.sample([f"{f} {s}" for f in FIRST for s in LAST], 200)
    people: list[dict[str, Any]] = []
    for number, name in enumerate(names):
        if number < 8:
            unit_id, role = rng.choice(levels[2] + levels[1]), "governing"
        elif number < 35:
            unit_id = rng.choice(levels[3])
            role = "governing" if number % 3 else "controlling"
        else:
            unit_id = rng.choice(levels[4])
            role = "controlling" if rng.random() < 0.05 else "operational"
        people.append(
            {
                "id": _ids(rng, now - timedelta(days=800)),
                "name": name,
                "unit_id": unit_id,
                "role": role,
            }
        )

    chains: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    chain_names = [s + v for v in VARIANTS for s in SERVICES][:50]
    for name in chain_names:
        chain_id = _ids(rng, now - timedelta(days=700))
        chains.append(
            {
                "id": chain_id,
                "name": name,
                "risk_owner_unit_id": rng.choice(levels[2] + levels[3]),
                "target_maturity": 3 if rng.random() < 0.8 else 2,
                "description": f"Verdikjeden for {name}, fra innbygger til leverandør.",
            }
        )
        for link_name, kind in rng.sample(LINK_KINDS, rng.randint(5, 12)):
            links.append(
                {
                    "id": _ids(rng, now - timedelta(days=700)),
                    "chain_id": chain_id,
                    "name": link_name,
                    "kind": kind,
                    "country": rng.choice(COUNTRIES),
                    "responsible_unit_id": rng.choice(levels[4]),
                    "maturity": rng.randint(0, 3),
                }
            )
    return units, people, chains, links, levels


def _items(
    n: int,
    rng: random.Random,
    units: list[dict[str, Any]],
    people: list[dict[str, Any]],
    chains: list[dict[str, Any]],
    links: list[dict[str, Any]],
    levels: dict[int, list[str]],
) -> list[dict[str, Any]]:
    statuses = _spread(n, STATUS_SHARES, rng)
    chain_kind = _spread(n, (("none", 0.10), ("no_link", 0.05), ("link", 0.85)), rng)
    classes = _spread(n, (("confidential", 0.05), ("internal", 0.20), ("open", 0.75)), rng)
    open_positions = [i for i, s in enumerate(statuses) if s != "done"]
    pinned = _flags(n, 0.01, open_positions, rng)
    blocked = _flags(n, 0.02, [i for i in open_positions if i not in pinned], rng)
    links_of: dict[str, list[dict[str, Any]]] = {c["id"]: [] for c in chains}
    for link in links:
        links_of[link["chain_id"]].append(link)
    members: dict[str, list[str]] = {u["id"]: [] for u in units}
    for person in people:
        members[person["unit_id"]].append(person["id"])
    unit_pool = levels[4] * 15 + levels[3] * 5 + levels[2] * 3 + levels[1]
    span = 730 * 24 * 3600

    items = []
    for i in range(n):
        created = REFERENCE - timedelta(seconds=rng.randrange(span), microseconds=i % 997)
        status = statuses[i]
        chain = link = None
        if chain_kind[i] != "none":
            chain = rng.choice(chains)
            if chain_kind[i] == "link":
                link = rng.choice(links_of[chain["id"]])
        link_name = link["name"] if link else "tjenesten"
        chain_name = chain["name"] if chain else "egen drift"
        obj = rng.choice(OBJECTS)
        fill = {
            "link": link_name,
            "chain": chain_name,
            "obj": obj,
            "n": rng.randint(1, 400),
            "year": rng.randint(2019, 2024),
        }
        unit_id = rng.choice(unit_pool)
        person_id = (
            rng.choice(members[unit_id]) if members[unit_id] and rng.random() < 0.65 else None
        )
        entered = created + (REFERENCE - created) * rng.random()
        started = done = None
        if status in ("doing", "verify", "done"):
            started = created + (entered - created) * rng.random()
        if status == "done":
            done = entered
        framework = rng.choice(FRAMEWORKS).format(
            a=rng.randint(1, 18), b=rng.randint(1, 9), c=rng.randint(1, 9), n=rng.randint(5, 99)
        )
        tag_count = rng.choice((0, 0, 1, 1, 2, 3))
        items.append(
            {
                "id": _ids(rng, created),
                "title": f"{rng.choice(VERBS)} {obj}, {link_name} i {chain_name}"
                if rng.random() < COMMA_TITLE_SHARE
                else f"{rng.choice(VERBS)} {obj} – {link_name} ({chain_name})",
                "description": rng.choice(
                    RICH_DESCRIPTIONS if rng.random() < RICH_SHARE else PLAIN_DESCRIPTIONS
                ).format(**fill),
                "status": status,
                "chain_id": chain["id"] if chain else None,
                "link_id": link["id"] if link else None,
                "likelihood": rng.randint(1, 5),
                "consequence": rng.randint(1, 5),
                "effort": rng.choice(EFFORTS),
                "owner_unit_id": unit_id,
                "owner_person_id": person_id,
                "framework_ref": framework,
                "classification": classes[i],
                "tags": rows.tags_json(rng.sample(TAGS, tag_count)),
                "checklist": "[]",
                "blocked_reason": rng.choice(BLOCK_REASONS) if i in blocked else "",
                "blocked_at": rows.ts(entered) if i in blocked else None,
                "due_date": (REFERENCE.date() + timedelta(days=rng.randint(-60, 365))).isoformat()
                if rng.random() < 0.3
                else None,
                "pinned_at": rows.ts(REFERENCE - timedelta(minutes=i % 10_000))
                if i in pinned
                else None,
                "pin_reason": rng.choice(PIN_REASONS) if i in pinned else "",
                "status_changed_at": rows.ts(entered),
                "started_at": rows.ts(started) if started else None,
                "done_at": rows.ts(done) if done else None,
                "created_at": rows.ts(created),
            }
        )
    return items


def make_board(path: str | os.PathLike[str], n_items: int, seed: int = 1) -> Path:
    """Fill a new (absent or empty) database at ``path`` with a board of ``n_items`` items."""
    target = Path(path)
    rng = random.Random(seed)
    units, people, chains, links, levels = _organisation(rng, REFERENCE)
    db = open_database(target, daily_backup=False)
    try:
        with writing(db, AUTHOR) as uow:
            existing = uow.conn.exec_driver_sql("SELECT count(*) FROM items").scalar_one()
            if existing:
                raise ValueError(f"{target} already holds {existing} items")
            # The generated history has done work nobody verified: a board whose policy
            # asks for no verification (the rulebook holds every write to the policy).
            uow.insert_many(
                "setting",
                [
                    {"id": "policy.verify_min_score", "value": ""},
                    {"id": "policy.verify_classifications", "value": ""},
                ],
            )
            uow.insert_many("unit", units)
            uow.insert_many("person", people)
            uow.insert_many("chain", chains)
            uow.insert_many("link", links)
        items = _items(n_items, rng, units, people, chains, links, levels)
        for start in range(0, len(items), BATCH):
            with writing(db, AUTHOR) as uow:
                uow.insert_many("item", items[start : start + BATCH])
    finally:
        db.close()
    _checkpoint(target)
    return target


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file, so the file can be renamed on its own."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def cached_path(n_items: int, seed: int = 1) -> Path:
    return OUT / (f"board-n{n_items}-seed{seed}-gen{GENERATOR_VERSION}-rev{migrate.HEAD}.sqlite")


def board_for(n_items: int, seed: int = 1, *, quiet: bool = False) -> Path:
    """The cached board file for ``(n_items, seed)``, built first if missing."""
    path = cached_path(n_items, seed)
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
        leftover.unlink(missing_ok=True)
    if not quiet:
        print(f"building {path.name} ({n_items:,} items, seed {seed}) ...", flush=True)
    start = time.perf_counter()
    try:
        make_board(temp, n_items, seed)
        os.replace(temp, path)
    finally:
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            leftover.unlink(missing_ok=True)
    if not quiet:
        print(
            f"built in {time.perf_counter() - start:.1f} s ({path.stat().st_size / 1e6:.0f} MB)",
            flush=True,
        )
    return path


def main(argv: list[str]) -> None:
    n_items = int(argv[1]) if len(argv) > 1 else scaled(100_000)
    seed = int(argv[2]) if len(argv) > 2 else 1
    path = board_for(n_items, seed)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table in ("org_units", "people", "chains", "links", "items", "changes"):
            count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            print(f"{table:10} {count:>9,}")
        for status, count in conn.execute(
            "SELECT status, count(*) FROM items GROUP BY status ORDER BY 2 DESC"
        ):
            print(f"  {status:8} {count:>9,}")
    finally:
        conn.close()
    print(path)


if __name__ == "__main__":
    main(sys.argv)
