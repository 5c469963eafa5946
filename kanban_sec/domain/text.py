"""User-visible text outside the Qt layer, in Norwegian Bokmål and English.

The UI translates its own strings with Qt's ``tr()``; the domain, services and command
line speak through this catalogue so explanations and errors follow the user's language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from kanban_sec.domain.text_ros import ROS
from kanban_sec.domain.text_ros_cli import ROS_CLI
from kanban_sec.domain.text_ros_map import ROS_MAP
from kanban_sec.domain.text_ros_report import ROS_REPORT
from kanban_sec.domain.text_rules_sync import RULES_AND_SYNC
from kanban_sec.domain.text_wheel_standup import WHEEL_AND_STANDUP

LANGUAGES = ("nb", "en")

_CATALOGUE: dict[str, tuple[str, str]] = {
    # ranking explanations
    "why.weakest": (
        "⚑ Svakeste ledd i {chain} (modenhet {maturity}/{target})",
        "⚑ Weakest link in {chain} (maturity {maturity}/{target})",
    ),
    "why.no_chain": (
        "Uten kjede: styrker ingen navngitt kjede (gap {gap})",
        "No chain: strengthens no named chain (gap {gap})",
    ),
    "why.whole_chain": (
        "{chain} som helhet (svakeste ledd er {weakest} {maturity}/{target})",
        "{chain} as a whole (weakest link is {weakest} {maturity}/{target})",
    ),
    "why.whole_chain_no_links": (
        "{chain} som helhet (kjeden har ingen ledd ennå)",
        "{chain} as a whole (the chain has no links yet)",
    ),
    "why.unassessed": (
        "{letter} ikke vurdert (teller {value})",
        "{letter} unassessed (counts {value})",
    ),
    "why.letter_l": ("S", "L"),
    "why.letter_c": ("K", "C"),
    "why.not_weakest": (
        "{chain} › {link} (modenhet {maturity}/{target}; svakeste ledd er "
        "{weakest} {weakest_maturity}/{target})",
        "{chain} › {link} (maturity {maturity}/{target}; weakest link is "
        "{weakest} {weakest_maturity}/{target})",
    ),
    "why.score": (
        "{likelihood} × {consequence} × gap {gap} = {score}",
        "{likelihood} × {consequence} × gap {gap} = {score}",
    ),
    "why.gap0": ("målet er nådd", "target reached"),
    "why.pinned": ("📌 Festet først: {reason}", "📌 Pinned first: {reason}"),
    "why.pinned_no_reason": ("📌 Festet først", "📌 Pinned first"),
    "why.done": ("Ferdig: ikke rangert", "Done: not ranked"),
    "link.unnamed": ("(hele kjeden)", "(whole chain)"),
    "text.or": (" eller ", " or "),
    # Norwegian writes a space before the percent sign.
    "format.percent": ("{value} %", "{value}%"),
    "show.comments": ("Kommentarer", "Comments"),
    "show.history": ("Historikk", "History"),
    "demo.loaded": (
        "Eksempeltavlen er lastet: {count} oppgaver i {path}",
        "Loaded the example board: {count} items in {path}",
    ),
    # the headers of `list`
    "list.col.rank": ("plass", "rank"),
    "list.col.id": ("id", "id"),
    "list.col.score": ("poeng", "score"),
    "list.col.status": ("kolonne", "status"),
    "list.col.title": ("tittel", "title"),
    "list.col.where": ("kjede › ledd", "chain › link"),
    "list.col.owner": ("eier", "owner"),
    # the headers of `people`
    "org.col.name": ("navn", "name"),
    "org.col.role": ("rolle", "role"),
    "org.col.unit": ("enhet", "unit"),
    # progress bars of long command-line work (on a terminal's stderr)
    "progress.import": ("Leser inn linjer", "Importing lines"),
    "progress.export": ("Eksporterer oppgaver", "Exporting items"),
    "progress.push": ("Sender endringer", "Sending changes"),
    "progress.pull": ("Henter endringer", "Fetching changes"),
    # columns
    "status.backlog": ("Backlog", "Backlog"),
    "status.next": ("Neste", "Next"),
    "status.doing": ("Pågår", "Doing"),
    "status.verify": ("Verifiseres", "Verify"),
    "status.done": ("Ferdig", "Done"),
    # validation of single values
    "value.required": ("mangler verdi", "a value is required"),
    "value.not_integer": ("«{value}» er ikke et heltall", "“{value}” is not a whole number"),
    "value.out_of_range": (
        "«{value}» er utenfor {low}–{high}",
        "“{value}” is outside {low}–{high}",
    ),
    "value.bad_status": (
        "«{value}» er ikke en kolonne (bruk {choices})",
        "“{value}” is not a column (use {choices})",
    ),
    "value.bad_effort": (
        "«{value}» er ikke en innsats (bruk {choices})",
        "“{value}” is not an effort (use {choices})",
    ),
    "value.bad_classification": (
        "«{value}» er ikke en gradering (bruk {choices})",
        "“{value}” is not a classification (use {choices})",
    ),
    "value.bad_role": (
        "«{value}» er ikke en rolle (bruk {choices})",
        "“{value}” is not a role (use {choices})",
    ),
    "value.bad_date": (
        "«{value}» er ikke en dato (bruk ÅÅÅÅ-MM-DD)",
        "“{value}” is not a date (use YYYY-MM-DD)",
    ),
    "value.bad_datetime": (
        "«{value}» er ikke et tidspunkt (bruk ÅÅÅÅ-MM-DD TT:MM:SS eller DD.MM.ÅÅÅÅ TT:MM)",
        "“{value}” is not a time (use YYYY-MM-DD HH:MM:SS or DD.MM.YYYY HH:MM)",
    ),
    "value.bad_bool": ("«{value}» er verken ja eller nei", "“{value}” is neither yes nor no"),
    "value.bad_id": (
        "«{value}» er ikke en gyldig id (UUID); la cellen stå tom for nye oppgaver",
        "“{value}” is not a valid id (UUID); leave the cell empty for new items",
    ),
    "value.too_long": (
        "teksten er lengre enn {limit} tegn",
        "the text is longer than {limit} characters",
    ),
    "field.unknown": (
        "ukjent felt «{field}» (kjente felt: {choices})",
        "unknown field “{field}” (known fields: {choices})",
    ),
    "field.assignment": ("«{value}» er ikke FELT=VERDI", "“{value}” is not FIELD=VALUE"),
    "field.problem": ("{field}: {problem}", "{field}: {problem}"),
    # lookups
    "item.not_found": (
        "fant ingen oppgave med id «{id}»; se `kanban-sec list`",
        "no item has the id “{id}”; see `kanban-sec list`",
    ),
    "item.ambiguous": (
        "id-en «{id}» passer på flere oppgaver: {matches}; skriv flere tegn",
        "the id “{id}” matches several items: {matches}; type more characters",
    ),
    "chain.not_found": ("fant ingen kjede «{name}»", "no chain is called “{name}”"),
    "link.not_found": (
        "kjeden {chain} har ikke leddet «{name}»",
        "the chain {chain} has no link “{name}”",
    ),
    "link.needs_chain": (
        "et ledd hører til en kjede: oppgi kjeden også",
        "a link belongs to a chain: give the chain too",
    ),
    "unit.not_found": ("fant ingen enhet «{name}»", "no unit is called “{name}”"),
    "unit.ambiguous": (
        "«{name}» passer på flere enheter: {matches}; skriv hele stien",
        "“{name}” matches several units: {matches}; give the whole path",
    ),
    "person.not_found": ("fant ingen person «{name}»", "nobody is called “{name}”"),
    "person.ambiguous": (
        "«{name}» passer på flere personer: {matches}",
        "“{name}” matches several people: {matches}",
    ),
    "person.not_in_unit": ("{person} hører ikke til {unit}", "{person} is not in {unit}"),
    # board rules
    "wip.hard": (
        "«{column}» har en fast grense på {limit} oppgaver og er full; "
        "gjør ferdig eller flytt noe ut først",
        "“{column}” has a hard limit of {limit} items and is full; "
        "finish or move something out first",
    ),
    "wip.hard_room": (
        "«{column}» har en fast grense på {limit} oppgaver og plass til {room} til; "
        "ingen av de {count} kortene ble flyttet",
        "“{column}” has a hard limit of {limit} items and room for {room} more; "
        "none of the {count} cards was moved",
    ),
    "move.none_moved": (
        "ingen kort ble flyttet: «{title}»: {reason}",
        "no card was moved: “{title}”: {reason}",
    ),
    "wip.soft": (
        "«{column}» har nå {count} oppgaver, over grensen på {limit}",
        "“{column}” now holds {count} items, over its limit of {limit}",
    ),
    "pin.reason_required": (
        "skriv hvorfor oppgaven festes først",
        "say why the item is pinned first",
    ),
    "comment.empty": ("kommentaren er tom; skriv noe", "the comment is empty; write something"),
    "block.reason_required": ("skriv hvorfor oppgaven er blokkert", "say why the item is blocked"),
    "title.required": ("tittel mangler", "the title is missing"),
    "delegate.nothing": (
        "oppgaven eies allerede på laveste nivå",
        "the item is already owned at the lowest level",
    ),
    "delegate.ambiguous": ("velg én av: {choices}", "choose one of: {choices}"),
    # database
    "db.folder_missing": (
        "mappen {folder} finnes ikke; opprett den eller velg en annen --db",
        "the folder {folder} does not exist; create it or choose another --db",
    ),
    "db.not_sqlite": (
        "{path} er ikke en kanban-sec-database (ikke SQLite); filen er ikke "
        "endret — velg en annen --db",
        "{path} is not a kanban-sec database (not SQLite); the file was left "
        "untouched — choose another --db",
    ),
    "db.is_folder": (
        "{path} er en mappe, ikke en databasefil; oppgi en fil med --db",
        "{path} is a folder, not a database file; give a file with --db",
    ),
    "db.empty_path": ("--db er tom; oppgi en fil", "--db is empty; give a file"),
    "backup.empty_dir": (
        "--backup-dir er tom; oppgi en mappe",
        "--backup-dir is empty; give a folder",
    ),
    "db.not_ours": (
        "{path} er en SQLite-database, men ikke fra kanban-sec; filen er ikke endret",
        "{path} is a SQLite database but not a kanban-sec one; the file was left untouched",
    ),
    "db.too_new": (
        "{path} er laget av en nyere kanban-sec (skjema {revision}); "
        "oppdater kanban-sec for å åpne den",
        "{path} was written by a newer kanban-sec (schema {revision}); "
        "update kanban-sec to open it",
    ),
    "db.locked": (
        "databasen {path} er låst av et annet program som skriver; prøv igjen "
        "om litt, eller lukk det andre vinduet",
        "the database {path} is locked by another program that is writing; try "
        "again shortly, or close the other window",
    ),
    "db.unreadable": ("kan ikke lese {path}: {reason}", "cannot read {path}: {reason}"),
    "db.readonly": (
        "kan ikke skrive til {path}: {reason}; ingenting er endret",
        "cannot write to {path}: {reason}; nothing was changed",
    ),
    "db.upgraded": (
        "databasen er oppgradert; sikkerhetskopi: {backup}",
        "the database was upgraded; backup: {backup}",
    ),
    # CSV
    "csv.empty": ("{path} er tom", "{path} is empty"),
    "csv.binary": (
        "{path} er ikke en CSV-fil (inneholder binære data)",
        "{path} is not a CSV file (it holds binary data)",
    ),
    "csv.unknown_encoding": (
        "kan ikke avgjøre om {path} er lagret på Windows eller Mac (tegnkodingen); lagre "
        "den i Excel som «CSV UTF-8» og importer den på nytt",
        "cannot tell whether {path} was saved on Windows or on a Mac (its character "
        "encoding); save it from Excel as “CSV UTF-8” and import it again",
    ),
    "csv.unreadable": ("kan ikke lese {path}: {reason}", "cannot read {path}: {reason}"),
    "csv.no_title": (
        "{path} mangler kolonnen «title» i overskriftslinjen",
        "{path} has no “title” column in its header line",
    ),
    "csv.unknown_columns": (
        "ukjente kolonner: {columns} (bruk --ignore-unknown-columns for å hoppe over dem)",
        "unknown columns: {columns} (use --ignore-unknown-columns to skip them)",
    ),
    "csv.duplicate_column": (
        "kolonnen «{column}» står to ganger",
        "the column “{column}” appears twice",
    ),
    "csv.duplicate_id": (
        "id-en {id} står også på linje {other}",
        "the id {id} also appears on line {other}",
    ),
    "csv.conflict": (
        "{what} er {value} her, men {other} på linje {line}",
        "{what} is {value} here but {other} on line {line}",
    ),
    "csv.risk_owner_fixed": (
        "kjeden {chain} har risikoeier {owner}; risikoeier endres i kjeden, ikke per oppgave",
        "the chain {chain} has the risk owner {owner}; change it on the chain, not per item",
    ),
    "csv.bad_quoting": ("feil i CSV-formatet: {reason}", "the CSV is malformed: {reason}"),
    "csv.cell": (
        "linje {line}, kolonne {column}: {problem}",
        "line {line}, column {column}: {problem}",
    ),
    "csv.problems": (
        "{path}: ingenting er importert; feil funnet: {count}",
        "{path}: nothing was imported; problems found: {count}",
    ),
    "csv.too_many_fields": (
        "antall felt er {count}, men overskriften har {header}",
        "number of fields is {count}, but the header has {header}",
    ),
    "csv.cannot_write": ("kan ikke skrive {path}: {reason}", "cannot write {path}: {reason}"),
    "file.in_use": (
        "kan ikke erstatte {path}: den er åpen i et annet program, som Excel (eller "
        "skrivebeskyttet); lukk den i Excel eller velg et annet navn, og prøv igjen",
        "cannot replace {path}: it is open in another program such as Excel (or "
        "write-protected); close it in Excel or choose another name, and try again",
    ),
    "export.done": ("skrev {count} oppgaver til {path}", "wrote {count} items to {path}"),
    "export.left_out": (
        "{count} konfidensielle oppgaver er ikke med (--include-confidential tar dem med)",
        "{count} confidential items not included (--include-confidential includes them)",
    ),
    "import.done": (
        "importerte {path}: {created} nye, {updated} endret, {unchanged} uendret",
        "imported {path}: {created} new, {updated} changed, {unchanged} unchanged",
    ),
    "import.dry_run": (
        "prøvekjøring av {path}: {created} nye, {updated} ville blitt endret, "
        "{unchanged} uendret; ingenting er skrevet",
        "dry run of {path}: {created} new, {updated} would change, "
        "{unchanged} unchanged; nothing was written",
    ),
    "demo.not_empty": (
        "tavlen i {path} har allerede {count} oppgaver; bruk en tom database "
        "(--db) for eksempeltavlen",
        "the board in {path} already holds {count} items; use an empty database "
        "(--db) for the example board",
    ),
    # generic
    "unexpected": (
        "uventet feil: {error}. Detaljer er skrevet til {log}",
        "unexpected error: {error}. Details were written to {log}",
    ),
    # organisation and chains
    "name.required": ("navnet mangler; skriv et navn", "the name is missing; type a name"),
    "chain.gone": (
        "kjeden finnes ikke lenger (kanskje slettet i et annet vindu); "
        "lukk dialogen og åpne den igjen",
        "the chain no longer exists (perhaps deleted in another window); "
        "close the dialog and open it again",
    ),
    "link.gone": (
        "leddet finnes ikke lenger (kanskje slettet i et annet vindu); "
        "lukk dialogen og åpne den igjen",
        "the link no longer exists (perhaps deleted in another window); "
        "close the dialog and open it again",
    ),
    "unit.gone": (
        "enheten finnes ikke lenger (kanskje slettet i et annet vindu); "
        "lukk dialogen og åpne den igjen",
        "the unit no longer exists (perhaps deleted in another window); "
        "close the dialog and open it again",
    ),
    "person.gone": (
        "personen finnes ikke lenger (kanskje slettet i et annet vindu); "
        "lukk dialogen og åpne den igjen",
        "the person no longer exists (perhaps deleted in another window); "
        "close the dialog and open it again",
    ),
    "chain.name_taken": (
        "det finnes allerede en kjede som heter «{name}»; velg et annet navn",
        "there is already a chain called “{name}”; choose another name",
    ),
    "link.name_taken": (
        "kjeden {chain} har allerede et ledd som heter «{name}»; velg et annet navn",
        "the chain {chain} already has a link called “{name}”; choose another name",
    ),
    "unit.name_taken": (
        "det finnes allerede en enhet som heter «{name}» {where}; velg et annet navn",
        "there is already a unit called “{name}” {where}; choose another name",
    ),
    "unit.at_top": ("på øverste nivå", "at the top level"),
    "unit.in_parent": ("i {parent}", "in {parent}"),
    "unit.name_slash": (
        "«{name}»: et enhetsnavn kan ikke inneholde «/», som skiller nivåene "
        "i en sti; skriv navnet uten",
        "“{name}”: a unit's name cannot contain “/”, which separates the "
        "levels of a path; leave it out",
    ),
    "unit.cycle": (
        "{unit} kan ikke flyttes inn under seg selv ({parent}); velg en enhet utenfor den",
        "{unit} cannot be moved below itself ({parent}); choose a unit outside it",
    ),
    "person.name_taken": (
        "{unit} har allerede en person som heter «{name}»; skill dem med f.eks. et mellomnavn",
        "{unit} already has a person called “{name}”; tell them apart, e.g. with a middle name",
    ),
    "chain.in_use": (
        "kjeden {chain} har fortsatt åpne oppgaver ({count}); flytt dem til en "
        "annen kjede eller gjør dem ferdige før du sletter kjeden",
        "the chain {chain} still has open items ({count}); move them to another "
        "chain or finish them before deleting the chain",
    ),
    "link.in_use": (
        "leddet {link} har fortsatt åpne oppgaver ({count}); flytt dem til et "
        "annet ledd eller gjør dem ferdige før du sletter leddet",
        "the link {link} still has open items ({count}); move them to another "
        "link or finish them before deleting the link",
    ),
    "unit.in_use": (
        "{unit} kan ikke slettes ennå: {reasons}. Flytt eller fjern dette først",
        "{unit} cannot be deleted yet: {reasons}. Move or remove those first",
    ),
    "unit.has_children": ("den har underenheter ({names})", "it has sub-units ({names})"),
    "unit.has_people": ("den har personer ({names})", "it has people ({names})"),
    "unit.owns_items": ("den eier åpne oppgaver ({count})", "it owns open items ({count})"),
    "unit.risk_owner_of": (
        "den er risikoeier for kjeder ({names})",
        "it is the risk owner of chains ({names})",
    ),
    "unit.responsible_for": (
        "den er ansvarlig for ledd ({names})",
        "it is responsible for links ({names})",
    ),
    "person.in_use": (
        "{person} eier fortsatt åpne oppgaver ({count}); gi dem til en annen "
        "før du sletter personen",
        "{person} still owns open items ({count}); give them to someone else "
        "before deleting the person",
    ),
    "person.move_owns": (
        "{person} eier fortsatt åpne oppgaver ({count}) i sin nåværende "
        "enhet; gi dem til en annen der før flyttingen",
        "{person} still owns open items ({count}) in their current unit; "
        "give them to someone else there before the move",
    ),
    **WHEEL_AND_STANDUP,
    # history and audit
    "history.kind.export": ("eksport", "export"),
    "history.kind.import": ("import", "import"),
    "history.written": ("skrev {count} endringer til {path}", "wrote {count} changes to {path}"),
    "history.kind.report": ("rapport", "report"),
    # roles and risk governance
    "role.governing": ("styrende", "governing"),
    "role.operational": ("operativ", "operational"),
    "role.controlling": ("kontrollerende", "controlling"),
    "role.who": ("{name} ({role})", "{name} ({role})"),
    "whoami.person": ("{who}, {unit}", "{who}, {unit}"),
    "desktop.missing": (
        "vinduet trenger systembiblioteker som mangler her; installer dem med "
        "«sudo apt-get install -y {packages}» og start igjen (kommandoene, "
        "f.eks. «kanban-sec list», virker uten)",
        "the window needs system libraries that are missing here; install "
        "them with “sudo apt-get install -y {packages}” and start again (the "
        "commands, e.g. “kanban-sec list”, work without them)",
    ),
    "org.person_added": ("la til {name} ({role}) i {unit}", "added {name} ({role}) to {unit}"),
    "org.person_removed": (
        "fjernet {name} (historikken beholder dem)",
        "removed {name} (the history keeps them)",
    ),
    "org.changed": ("endret {name}", "changed {name}"),
    "org.unit_added": ("enheten {path} finnes", "the unit {path} exists"),
    "org.unit_moved": ("flyttet {path} under {parent}", "moved {path} under {parent}"),
    "org.chain_added": (
        "la til kjeden {name} med risikoeier {unit}",
        "added the chain {name} with risk owner {unit}",
    ),
    "org.link_added": ("la til leddet {name} i {chain}", "added the link {name} to {chain}"),
    "role.who_unknown": (
        "«{name}» (ikke i organisasjonen; regnes som operativ)",
        "“{name}” (not in the organisation; counts as operational)",
    ),
    "role.refused": (
        "{who} kan ikke {action}: det krever rollen {roles}. Be noen med den "
        "rollen, eller velg riktig person under «Hvem er jeg» (KANBAN_SEC_USER på "
        "kommandolinjen).",
        "{who} may not {action}: that takes the {roles} role. Ask someone who "
        "has it, or choose the right person under Who am I (KANBAN_SEC_USER on "
        "the command line).",
    ),
    "action.work": ("endre oppgaver", "change items"),
    "action.comment": ("kommentere", "comment"),
    "action.maturity": ("vurdere modenheten til ledd", "assess the maturity of links"),
    "action.targets": ("sette målmodenhet", "set target maturity"),
    "action.wip_limits": ("sette WIP-grenser", "set WIP limits"),
    "action.policy": ("endre tavlens regler", "change the board policy"),
    "action.bands": (
        "endre akseptgrensene i risikomatrisen",
        "change the risk matrix's acceptance bands",
    ),
    "action.organisation": (
        "endre organisasjonen og kjedene",
        "change the organisation and the chains",
    ),
    "action.recommend": ("gi ITs risikoanbefaling", "give IT's risk recommendation"),
    "action.verify": ("verifisere", "verify"),
    "action.audit": ("lese hele endringshistorikken", "read the whole change history"),
    "classification.open": ("åpen", "open"),
    "classification.internal": ("intern", "internal"),
    "classification.confidential": ("konfidensiell", "confidential"),
    "decision.accept": ("akseptere", "accept"),
    "decision.reduce": ("redusere", "reduce"),
    "decision.share": ("dele", "share"),
    "decision.avoid": ("unngå", "avoid"),
    "value.bad_decision": (
        "«{value}» er ikke en risikobeslutning (bruk {choices})",
        "“{value}” is not a risk decision (use {choices})",
    ),
    "policy.score": ("score ≥ {score}", "score ≥ {score}"),
    "policy.class": ("klassifisering {classification}", "classification {classification}"),
    "policy.none": ("ingen oppgaver", "no items"),
    "verify.needed": (
        "«{title}» må verifiseres av en kontrollerende før den er ferdig "
        "(tavlens regel: {rule}; score {score}). Flytt den til {verify}; en "
        "kontrollerende verifiserer den derfra.",
        "“{title}” must be verified by a controlling member before it is done "
        "(board policy: {rule}; score {score}). Move it to {verify}; a "
        "controlling member verifies it from there.",
    ),
    "verify.needed_no_controller": (
        "«{title}» må verifiseres av en kontrollerende før den er ferdig (tavlens regel: "
        "{rule}; score {score}), men tavlen har ingen kontrollerende ennå. Legg til en under "
        "Organisasjon, eller be en styrende endre regelen.",
        "“{title}” must be verified by a controlling member before it is done (board "
        "policy: {rule}; score {score}), but the board has no controlling member yet. Add "
        "one under Organisation, or ask a governing member to change the policy.",
    ),
    "verify.only_by_control": (
        "«{title}» står i {verify}: derfra til ferdig er en "
        "verifisering, som en kontrollerende gjør med bevis "
        "(Risiko ▸ Verifiser). Arbeid som ikke skal verifiseres, kan "
        "flyttes til ferdig fra Pågår.",
        "“{title}” is in {verify}: from there to done is a "
        "verification, which a controlling member makes with "
        "evidence (Risk ▸ Verify). Work that needs no verification "
        "can go to done from Doing.",
    ),
    "verify.not_in_verify": (
        "«{title}» står i {column}; bare oppgaver i {verify} kan verifiseres. Flytt den dit først.",
        "“{title}” is in {column}; only items in {verify} can be verified. Move it there first.",
    ),
    "verify.evidence_needed": (
        "verifiseringen trenger bevis: en lenke eller et notat om hva som ble kontrollert",
        "the verification needs evidence: a link or a note on what was checked",
    ),
    **RULES_AND_SYNC,
    **ROS,
    **ROS_CLI,
    **ROS_REPORT,
    **ROS_MAP,
}


def t(key: str, lang: str, /, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (``nb`` or ``en``), filled with ``params``."""
    nb, en = _CATALOGUE[key]
    template = nb if lang == "nb" else en
    return template.format(**params) if params else template


def has(key: str) -> bool:
    """Whether the catalogue knows ``key``."""
    return key in _CATALOGUE


def _norwegian(value: str) -> bool:
    """Whether a locale or language name (``nb_NO.UTF-8``, ``nn-NO``, ``no``, Windows's
    ``Norwegian Bokmål_Norway``, ``Norsk``) is Norwegian."""
    first = value.split(":")[0].strip().strip('"').lower()
    return first[:2] in ("nb", "nn", "no")


def environment_language(environ: Mapping[str, str]) -> str | None:
    """``nb``/``en`` from KANBAN_SEC_LANG or the POSIX locale variables; ``None`` when
    none of them is set (or only to ``C``)."""
    for var in ("KANBAN_SEC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "nb" if _norwegian(value) else "en"
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """``nb`` when the locale asks for Norwegian (nb, nn, no), else ``en``."""
    return environment_language(os.environ if environ is None else environ) or "en"


def choose_language(platform: str, environ: Mapping[str, str], os_language: str | None) -> str:
    """The language to speak: KANBAN_SEC_LANG, else the locale variables, else (on Windows
    and macOS, where those are seldom set) the language the system shows its own menus in,
    ``os_language`` (``nb-NO``, ``nn_NO``, ``Norwegian Bokmål_Norway``); else English."""
    found = environment_language(environ)
    if found is not None:
        return found
    if platform.startswith(("win", "darwin")) and os_language:
        return "nb" if _norwegian(os_language) else "en"
    return "en"


def windows_language_tag(langid: int) -> str:
    """The tag of a Windows language id (GetUserDefaultUILanguage): 0x0414 ``nb_NO``,
    0x0814 ``nn_NO``; any Norwegian id (primary language 0x14) is ``no``."""
    import locale

    if langid & 0x3FF == 0x14:
        return locale.windows_locale.get(langid, "no")
    return locale.windows_locale.get(langid, "")


def apple_language(defaults_output: str) -> str:
    """The first of ``defaults read -g AppleLanguages`` (a list: ``(\n "nb-NO",\n
    "en-NO"\n)``), or ``AppleLocale``'s one line (``nb_NO``)."""
    for line in defaults_output.splitlines():
        entry = line.strip().strip("(),").strip().strip('"')
        if entry:
            return entry
    return ""


def ordinal(number: int, lang: str) -> str:
    """A rank as the ordinal it is ("26." in Norwegian, "26th" in English), never "#26",
    which reads like an id that changes next week."""
    if lang == "nb":
        return f"{number}."
    teen = 10 <= number % 100 <= 20
    return f"{number}{'th' if teen else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"
