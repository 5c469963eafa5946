"""The catalogue's messages of the rulebook, risk governance and sync (server, client,
conflicts and refused changes), in Norwegian and English: part of the one catalogue of
:mod:`kanban_sec.domain.text`."""

from __future__ import annotations

RULES_AND_SYNC: dict[str, tuple[str, str]] = {
    # the rulebook (domain/rules.py)
    "rule.bad_value": (
        "{entity}.{field} kan ikke være {value}: {why}",
        "{entity}.{field} cannot be {value}: {why}",
    ),
    "rule.unknown_entity": ("ukjent slags rad: {entity}", "unknown kind of row: {entity}"),
    "rule.role": (
        "{who} kan ikke {what}: det krever rollen {roles}. Be noen med den "
        "rollen, eller velg riktig person under «Hvem er jeg» (KANBAN_SEC_USER på "
        "kommandolinjen).",
        "{who} may not {what}: that takes the {roles} role. Ask someone who has "
        "it, or choose the right person under Who am I (KANBAN_SEC_USER on the "
        "command line).",
    ),
    "rule.what_create": ("opprette {entity}", "create {entity}"),
    "rule.what_delete": ("slette {entity}", "delete {entity}"),
    "rule.what_change": ("endre {field} på {entity}", "change the {field} of {entity}"),
    "entity.unit": ("en enhet", "a unit"),
    "entity.person": ("en person", "a person"),
    "entity.chain": ("en kjede", "a chain"),
    "entity.link": ("et ledd", "a link"),
    "entity.column": ("en kolonne", "a column"),
    "entity.item": ("en oppgave", "an item"),
    "entity.comment": ("en kommentar", "a comment"),
    "entity.activity": ("en aktivitet i årshjulet", "an activity of the annual wheel"),
    "entity.standup": ("en standup", "a standup"),
    "entity.standup_note": ("et standupnotat", "a standup note"),
    "entity.transfer": ("en eksport eller import", "an export or import"),
    "entity.risk_decision": ("en risikobeslutning", "a risk decision"),
    "entity.verification": ("en verifisering", "a verification"),
    "entity.setting": ("tavlens regler", "the board policy"),
    "entity.conflict": ("en konflikt", "a conflict"),
    "field.risk_owner_unit_id": ("risikoeier", "risk owner"),
    "field.target_maturity": ("målmodenhet", "target maturity"),
    "field.parent_id": ("overordnet enhet", "parent unit"),
    "field.name": ("navn", "name"),
    "field.role": ("rolle", "role"),
    "field.unit_id": ("enhet", "unit"),
    "field.wip_limit": ("WIP-grense", "WIP limit"),
    "field.wip_hard": ("fast WIP-grense", "hard WIP limit"),
    "field.value": ("verdi", "value"),
    "field.decision": ("beslutning", "decision"),
    "field.decided_by": ("hvem som besluttet", "decider"),
    "field.valid_until": ("gyldig til", "valid-until date"),
    "field.rationale": ("begrunnelse", "rationale"),
    "field.decided_at": ("beslutningstidspunkt", "decision time"),
    "field.covers": ("hva beslutningen gjelder", "what the decision covers"),
    "field.status": ("status", "status"),
    "field.chain_id": ("kjede", "chain"),
    "field.maturity": ("modenhet", "maturity"),
    "field.title": ("tittel", "title"),
    "field.likelihood": ("sannsynlighet", "likelihood"),
    "field.consequence": ("konsekvens", "consequence"),
    "rule.as_somebody_else": (
        "{who} kan ikke skrive {field} som {value}: man skriver bare i eget navn",
        "{who} may not write {field} as {value}: everyone writes in their own name",
    ),
    "rule.blocked_done": (
        "«{title}» er blokkert ({reason}) og kan ikke bli ferdig. Fjern blokkeringen først.",
        "“{title}” is blocked ({reason}) and cannot be done. Unblock it first.",
    ),
    "rule.verify_first": (
        "«{title}» har stått i Verifiseres da tavlens regel krevde "
        "verifisering, og må verifiseres av en kontrollerende før den er "
        "ferdig, selv om scoren nå er {score}. Flytt den til Verifiseres; "
        "en kontrollerende verifiserer den derfra.",
        "“{title}” was in Verify when the board policy asked for a "
        "verification, so a controlling member must verify it before it is "
        "done, even though its score is now {score}. Move it to Verify; a "
        "controlling member verifies it from there.",
    ),
    "rule.verify_not_in_verify": (
        "«{title}» står ikke i Verifiseres; bare oppgaver der kan verifiseres",
        "“{title}” is not in Verify; only items there can be verified",
    ),
    "rule.not_decider": (
        "{who} kan ikke ta risikobeslutninger for {chain}: det gjør en "
        "styrende i risikoeierenheten {unit} (eller en enhet over den). IT "
        "kan gi en anbefaling.",
        "{who} may not decide risk for {chain}: a governing member of the "
        "risk-owner unit {unit} (or a unit above it) does. IT can give a "
        "recommendation.",
    ),
    "rule.chain_move": (
        "{who} kan ikke flytte «{title}» ut av {chain}: risikoeierskapet "
        "følger tjenesten, og bare risikoeieren for {chain} kan gi den fra seg",
        "{who} may not move “{title}” out of {chain}: risk ownership stays "
        "with the service, and only the risk owner of {chain} can hand it "
        "over",
    ),
    "rule.others_comment": (
        "{who} kan bare endre sine egne kommentarer",
        "{who} may change only their own comments",
    ),
    "rule.others_conflict": (
        "{who} kan ikke lukke en konflikt mellom {names}: det gjør de selv eller en styrende",
        "{who} may not close a conflict between {names}: they do, or a governing member",
    ),
    "void.likelihood": ("sannsynlighet", "likelihood"),
    "void.consequence": ("konsekvens", "consequence"),
    "void.chain_id": ("kjede", "chain"),
    "void.link_id": ("ledd", "link"),
    "why.acceptance_void": (
        "Aksept bortfalt: {who} endret {fields}",
        "Acceptance void: {who} changed {fields}",
    ),
    "verify.reason_needed": ("skriv hvorfor arbeidet sendes tilbake", "say why the work goes back"),
    "risk.target_needed": (
        "en risikobeslutning gjelder én oppgave eller én hel kjede: oppgi den ene eller den andre",
        "a risk decision is about one item or one whole chain: give one of them",
    ),
    "risk.rationale_needed": (
        "skriv en begrunnelse for beslutningen",
        "give the decision's rationale",
    ),
    "risk.valid_until_needed": (
        "en aksept trenger en gyldig-til-dato (da kommer risikoen tilbake på tavlen)",
        "an acceptance needs a valid-until date (when the risk comes back on the board)",
    ),
    "risk.valid_until_past": (
        "gyldig-til-datoen {day} er passert; velg en dag fra i dag",
        "the valid-until date {day} has passed; choose today or later",
    ),
    "risk.valid_until_far": (
        "gyldig-til-datoen {day} er mer enn {years} år fram; en aksept må vurderes på nytt før det",
        "the valid-until date {day} is more than {years} years ahead; "
        "an acceptance must be reviewed before then",
    ),
    "risk.not_owner": (
        "{who} kan ikke ta risikobeslutninger for {chain}: det gjør "
        "risikoeieren, {unit}. IT kan gi en anbefaling.",
        "{who} may not decide risk for {chain}: the risk owner does, {unit}. "
        "IT can give a recommendation.",
    ),
    "risk.not_governing": (
        "{who} kan ikke ta denne risikobeslutningen: uten en risikoeier "
        "på kjeden gjør en styrende det",
        "{who} may not take this risk decision: without a risk owner on "
        "the chain, a governing member does",
    ),
    "risk.unassessed": (
        "«{title}» har ikke vurdert sannsynlighet og konsekvens og kan ikke "
        "aksepteres ennå; vurder begge i saken først",
        "“{title}” has no assessed likelihood and consequence and cannot be "
        "accepted yet; assess both in the item first",
    ),
    "risk.red_band": (
        "«{title}» (S{likelihood} × K{consequence}) ligger i rødt felt og kan "
        "ikke aksepteres; reduser, del eller unngå risikoen, eller be en "
        "styrende endre akseptgrensene",
        "“{title}” (L{likelihood} × C{consequence}) is in the red band and "
        "cannot be accepted; reduce, share or avoid the risk, or ask a "
        "governing member to change the acceptance bands",
    ),
    "risk.not_found": ("fant ingen risikobeslutning {id}", "no risk decision {id}"),
    "csv.needs_verification": (
        "«{title}» kan ikke settes ferdig fra en fil: tavlens regel "
        "({rule}; score {score}) krever at en kontrollerende "
        "verifiserer den fra Verifiseres",
        "“{title}” cannot be set done from a file: the board policy "
        "({rule}; score {score}) wants a controlling member to verify "
        "it from Verify",
    ),
    "gov.bad_limit": (
        "«{value}» er ikke en WIP-grense: bruk et tall, eller none",
        "“{value}” is not a WIP limit: use a number, or none",
    ),
    "gov.wip_none": ("ingen grense", "no limit"),
    "gov.wip_soft": ("{limit} (varsler)", "{limit} (warns)"),
    "gov.wip_hard": ("{limit} (fast: nekter)", "{limit} (hard: refuses)"),
    "why.accepted": (
        "Akseptert til {day} av {owner}: utenfor rangeringen",
        "Accepted until {day} by {owner}: out of the ranking",
    ),
    # confidential and governance CLI
    "confidential.item": ("Konfidensiell oppgave …{id}", "Confidential item …{id}"),
    "confidential.hidden": ("(skjult)", "(hidden)"),
    "standup.col.risk_owner": ("Risikoeier", "Risk owner"),
    "standup.risk_chain": (
        "Hele kjeden {chain} ({count} oppgaver)",
        "Whole chain {chain} ({count} items)",
    ),
    "gov.chain_subject": ("kjeden {chain}", "chain {chain}"),
    "gov.recommended": (
        "anbefaling for {subject}: {decision}",
        "recommendation for {subject}: {decision}",
    ),
    "gov.decided": ("beslutning for {subject}: {decision}", "decision for {subject}: {decision}"),
    "gov.decided_until": (
        "beslutning for {subject}: {decision}, gyldig til {day}",
        "decision for {subject}: {decision}, valid until {day}",
    ),
    "gov.verified": (
        "{id} er verifisert og står nå i {column}",
        "{id} is verified and now in {column}",
    ),
    "gov.rejected": ("{id} er sendt tilbake til {column}", "{id} went back to {column}"),
    "gov.no_risks": ("Ingen risikosaker.", "No risk cases."),
    "gov.col.subject": ("Gjelder", "About"),
    "gov.col.recommendation": ("Anbefaling", "Recommendation"),
    "gov.col.recommended_by": ("Anbefalt av", "Recommended by"),
    "gov.col.decision": ("Beslutning", "Decision"),
    "gov.col.decided_by": ("Besluttet av", "Decided by"),
    "gov.col.until": ("Gyldig til", "Valid until"),
    "gov.col.state": ("Status", "State"),
    "gov.state.in_force": ("gjelder", "in force"),
    "gov.state.expired": ("utløpt", "expired"),
    "gov.state.pending": ("venter på risikoeier", "awaiting the risk owner"),
    "gov.policy_rule": (
        "Verifisering før ferdig kreves for: {rule}",
        "Verification before done is required for: {rule}",
    ),
    "gov.policy_score": ("Minste score: {score}", "Minimum score: {score}"),
    "gov.policy_no_score": (
        "Minste score: ingen (score krever ikke verifisering)",
        "Minimum score: none (score does not require verification)",
    ),
    "gov.policy_classes": ("Graderinger: {classes}", "Classifications: {classes}"),
    "gov.none": ("ingen", "none"),
    "gov.policy_saved": ("tavlens regel er endret", "the board policy is changed"),
    "gov.matrix_title": (
        "ROS-matrise: åpne oppgaver per sannsynlighet × konsekvens (G = grønn, Y = gul, R = rød)",
        "ROS matrix: open items per likelihood × consequence (G = green, Y = yellow, R = red)",
    ),
    "gov.matrix_likelihood": ("Sannsynlighet", "Likelihood"),
    "gov.matrix_consequence": ("Konsekvens", "Consequence"),
    "gov.matrix_unassessed": (
        "Ikke vurdert ennå (står ikke i noen rute): {count} åpne "
        "oppgaver mangler sannsynlighet eller konsekvens",
        "Not assessed yet (in no cell): {count} open items lack a likelihood or consequence",
    ),
    "gov.matrix_accepted": (
        "{count} av de åpne oppgavene er akseptert (tallet i parentes)",
        "{count} of the open items are accepted (the number in brackets)",
    ),
    # sync server
    "sync.server.not_set_up": (
        "synkroniseringsserveren er ikke satt opp: be administratoren kjøre "
        "`kanban-sec server init`",
        "the sync server is not set up: ask the administrator to run `kanban-sec server init`",
    ),
    "sync.server.too_new": (
        "serveren er nyere enn denne kanban-sec (serverens skjema {server}, appens {client}): "
        "oppdater appen",
        "the server is newer than this kanban-sec (server schema {server}, this app "
        "{client}): update the app",
    ),
    "sync.server.too_old": (
        "serveren er eldre enn denne kanban-sec (serverens skjema {server}, appens {client}): "
        "administratoren kjører `kanban-sec server init` for å oppgradere",
        "the server is older than this kanban-sec (server schema {server}, this app "
        "{client}): the administrator runs `kanban-sec server init` to upgrade",
    ),
    "sync.server.bad_version": (
        "serverens skjemaversjon «{value}» er ikke et tall: be administratoren kjøre "
        "`kanban-sec server init`",
        "the server's schema version “{value}” is not a number: ask the administrator to run "
        "`kanban-sec server init`",
    ),
    "sync.server.no_access": (
        "brukeren «{user}» får ikke lese kanban-sec-skjemaet på serveren: be administratoren "
        "legge den til som medlem (`kanban-sec server add-member`)",
        "the login “{user}” may not read the kanban-sec schema on the server: ask the "
        "administrator to add it as a member (`kanban-sec server add-member`)",
    ),
    "sync.server.unreachable": (
        "får ikke kontakt med synkroniseringsserveren {where}: {reason}",
        "cannot reach the sync server {where}: {reason}",
    ),
    "sync.server.auth_failed": (
        "synkroniseringsserveren {where} avviste brukeren «{user}»: feil brukernavn eller passord",
        "the sync server {where} refused the login “{user}”: wrong user name or password",
    ),
    "sync.server.tls_failed": (
        "fikk ikke en sikker (TLS-)forbindelse til {where}: serverens sertifikat kunne ikke "
        "bekreftes ({reason}). Sjekk CA-sertifikatet (sslrootcert) og servernavnet.",
        "no secure (TLS) connection to {where}: the server's certificate could not be "
        "verified ({reason}). Check the CA certificate (sslrootcert) and the server name.",
    ),
    "sync.server.tls_unsupported": (
        "serveren {where} tilbyr ikke TLS, men kanban-sec krever kryptert forbindelse",
        "the server {where} does not offer TLS, but kanban-sec requires an encrypted connection",
    ),
    "sync.server.tls_required": (
        "serveren {where} avviser forbindelser uten TLS: bruk sslmode=verify-full",
        "the server {where} refuses connections without TLS: use sslmode=verify-full",
    ),
    "sync.server.not_allowed": (
        "serveren {where} slipper ikke «{user}» inn i databasen «{database}»: spør administratoren",
        "the server {where} does not let “{user}” into the database “{database}”: ask the "
        "administrator",
    ),
    "sync.server.no_database": (
        "serveren {where} har ingen database «{database}»",
        "the server {where} has no database “{database}”",
    ),
    "sync.server.bad_address": (
        "adressen til synkroniseringsserveren er ikke gyldig: {reason}",
        "the sync server address is not valid: {reason}",
    ),
    "sync.server.hlc_ahead": (
        "serveren avviste endring {change}: tidsstempelet er {seconds} s foran serverens klokke "
        "(høyst {limit} s er tillatt). Sjekk klokken på denne maskinen.",
        "the server refused change {change}: its time stamp is {seconds} s ahead of the "
        "server clock (at most {limit} s allowed). Check this computer's clock.",
    ),
    "sync.server.only_controlling": (
        "serveren avviste endring {change}: bare kontrollerende medlemmer verifiserer "
        "(«{user}» er ikke det)",
        "the server refused change {change}: only controlling members verify (“{user}” is not one)",
    ),
    "sync.server.only_decider": (
        "serveren avviste endring {change}: bare styrende medlemmer og risikoeiere tar "
        "risikobeslutninger («{user}» er ingen av delene)",
        "the server refused change {change}: only governing members and risk owners record "
        "risk decisions (“{user}” is neither)",
    ),
    "sync.server.only_governing": (
        "serveren avviste endring {change} ({entity}): bare styrende medlemmer endrer "
        "innstillinger, kolonner og roller («{user}» er ikke det)",
        "the server refused change {change} ({entity}): only governing members change "
        "settings, columns and roles (“{user}” is not one)",
    ),
    "sync.server.bad_change": (
        "serveren avviste endring {change}: feltene er ikke et JSON-objekt av [ny, gammel]-par",
        "the server refused change {change}: its fields are not a JSON object of [new, old] pairs",
    ),
    "sync.server.not_yourself": (
        "serveren avviste en endring skrevet i et annet medlems navn: hvert medlem skriver "
        "bare som seg selv",
        "the server refused a change written in another member's name: a member writes only "
        "as themselves",
    ),
    "sync.server.permission": (
        "brukeren «{user}» får ikke gjøre dette på synkroniseringsserveren: {reason}",
        "the login “{user}” may not do this on the sync server: {reason}",
    ),
    "sync.server.no_rights": (
        "«{user}» får ikke sette opp serveren ({reason}): kjør det som databasens eier med "
        "CREATEROLE, eller som superbruker",
        "“{user}” may not set up the server ({reason}): run it as the database owner with "
        "CREATEROLE, or as a superuser",
    ),
    "sync.server.member_exists": (
        "serveren har allerede en bruker «{login}»: velg et annet navn",
        "the server already has a login “{login}”: choose another name",
    ),
    "sync.server.bad_login": (
        "«{login}» kan ikke være et brukernavn: det må ha 1–63 tegn og ikke begynne med «pg_»",
        "“{login}” cannot be a login name: it needs 1–63 characters and must not begin with “pg_”",
    ),
    "sync.server.no_password": ("et medlem trenger et passord", "a member needs a password"),
    "sync.server.error": (
        "synkroniseringsserveren meldte en feil: {reason}",
        "the sync server reported an error: {reason}",
    ),
    # sync client
    "sync.settings.bad_url": (
        "«{url}» er ikke en serveradresse: bruk postgresql://BRUKER@VERT:PORT/DATABASE",
        "“{url}” is not a server address: use postgresql://USER@HOST:PORT/DATABASE",
    ),
    "sync.settings.url_password": (
        "serveradressen inneholder et passord: ta det ut av adressen. Passordet lagres i "
        "nøkkelringen (Synkronisering ▸ Innstillinger), eller gis i KANBAN_SEC_SYNC_PASSWORD "
        "på kommandolinjen",
        "the server address contains a password: take it out of the address. The password "
        "is kept in the keyring (Sync ▸ Sync settings), or given in KANBAN_SEC_SYNC_PASSWORD "
        "on the command line",
    ),
    "sync.settings.no_remote": (
        "denne tavlen har ingen synkroniseringsserver: oppgi --remote URL (og --save for å "
        "huske den), eller sett den opp under Synkronisering ▸ Innstillinger",
        "this board has no sync server: give --remote URL (and --save to remember it), or "
        "set one up under Sync ▸ Sync settings",
    ),
    "sync.settings.bad_interval": (
        "«{value}» minutter er ikke et intervall: bruk 0 (av) eller flere",
        "“{value}” minutes is not an interval: use 0 (off) or more",
    ),
    "sync.settings.no_keyring": (
        "fant ingen nøkkelring (passordlager) som kan brukes på denne maskinen, så passordet "
        "kan ikke lagres. Installer eller lås opp en nøkkelring, eller sett {variable} når "
        "du synkroniserer fra kommandolinjen",
        "no usable keyring (password store) was found on this computer, so the password "
        "cannot be kept. Install or unlock a keyring, or set {variable} when you sync from "
        "the command line",
    ),
    "sync.settings.keyring_store": (
        "nøkkelringen kunne ikke lagre passordet: {reason}",
        "the keyring could not store the password: {reason}",
    ),
    "sync.settings.keyring_read": (
        "nøkkelringen kunne ikke lese passordet: {reason}",
        "the keyring could not read the password: {reason}",
    ),
    "sync.settings.keyring_forget": (
        "nøkkelringen kunne ikke slette passordet: {reason}",
        "the keyring could not remove the password: {reason}",
    ),
    "sync.settings.plain_refused": (
        "en ukryptert forbindelse til {host} er ikke tillatt: uten TLS kobler kanban-sec "
        "bare til denne maskinen (localhost)",
        "an unencrypted connection to {host} is not allowed: without TLS kanban-sec "
        "connects only to this computer (localhost)",
    ),
    "sync.run.no_password": (
        "mangler passord for {account}: sett {variable}, lagre passordet i nøkkelringen "
        "(Synkronisering ▸ Innstillinger, eller sync --save i en terminal), eller kjør "
        "kommandoen i en terminal for å bli spurt",
        "no password for {account}: set {variable}, keep the password in the keyring (Sync "
        "▸ Sync settings, or sync --save in a terminal), or run the command in a terminal "
        "to be asked",
    ),
    "sync.run.done": (
        "sendt {pushed}, hentet {pulled}, {conflicts} nye konflikter",
        "pushed {pushed}, pulled {pulled}, {conflicts} new conflicts",
    ),
    "sync.run.open_conflicts": (
        "åpne konflikter: {count} (se `kanban-sec conflicts`)",
        "open conflicts: {count} (see `kanban-sec conflicts`)",
    ),
    "sync.settings.ca_missing": (
        "CA-sertifikatet {path} finnes ikke eller kan ikke leses",
        "the CA certificate {path} does not exist or cannot be read",
    ),
    "sync.conflicts.none": ("Ingen åpne konflikter.", "No open conflicts."),
    "sync.conflicts.col.id": ("id", "id"),
    "sync.conflicts.col.item": ("gjelder", "item"),
    "sync.conflicts.col.field": ("felt", "field"),
    "sync.conflicts.col.mine": ("min verdi", "mine"),
    "sync.conflicts.col.theirs": ("deres verdi", "theirs"),
    "sync.conflicts.col.who": ("overskrevet verdi av", "overwritten value by"),
    "sync.conflicts.col.when": ("når", "when"),
    "sync.conflicts.hint": (
        "Løs en: kanban-sec conflicts resolve ID keep|take|edit --value V (keep: verdien "
        "tavlen har nå; take: den overskrevne)",
        "Resolve one: kanban-sec conflicts resolve ID keep|take|edit --value V (keep: the "
        "value the board has now; take: the overwritten one)",
    ),
    "sync.conflicts.not_found": (
        "fant ingen konflikt med id «{id}»; se `kanban-sec conflicts`",
        "no conflict has the id “{id}”; see `kanban-sec conflicts`",
    ),
    "sync.conflicts.ambiguous": (
        "id-en «{id}» passer på flere konflikter: {matches}; skriv flere tegn",
        "the id “{id}” matches several conflicts: {matches}; type more characters",
    ),
    "sync.conflicts.value_needed": (
        "edit trenger den nye verdien: --value VERDI",
        "edit needs the new value: --value VALUE",
    ),
    "sync.conflicts.value_only_edit": (
        "--value hører bare til edit",
        "--value goes only with edit",
    ),
    "sync.conflicts.resolved": (
        "konflikt {id} er løst ({title}: {field})",
        "conflict {id} is resolved ({title}: {field})",
    ),
    "sync.admin.no_password": (
        "mangler administratorpassord for {account}: sett {variable}, eller kjør kommandoen "
        "i en terminal for å bli spurt",
        "no administrator password for {account}: set {variable}, or run the command in a "
        "terminal to be asked",
    ),
    "sync.admin.passwords_differ": (
        "passordene er ikke like; ingenting er endret",
        "the passwords differ; nothing was changed",
    ),
    "sync.admin.member_password_needed": (
        "det nye medlemmets passord mangler: gi det på standard inn med --password-stdin, "
        "eller kjør kommandoen i en terminal for å bli spurt",
        "the new member's password is missing: give it on standard input with "
        "--password-stdin, or run the command in a terminal to be asked",
    ),
    "sync.admin.empty_password": (
        "passordet er tomt; et medlem trenger et passord",
        "the password is empty; a member needs a password",
    ),
    "sync.admin.ready": (
        "serveren {server} er klar (skjemaversjon {version})",
        "the server {server} is ready (schema version {version})",
    ),
    "sync.admin.url_needed": (
        "hvilken server? Oppgi --server URL (som administrator), eller sett {variable}",
        "which server? Give --server URL (as an administrator), or set {variable}",
    ),
    "sync.admin.empty_login": ("brukernavnet er tomt", "the login name is empty"),
    "sync.admin.with_risk_owner": ("{role} og risikoeier", "{role} and risk owner"),
    "sync.prompt.password": ("Passord for {account}: ", "Password for {account}: "),
    "sync.prompt.admin": (
        "Administratorpassord for {account}: ",
        "Administrator password for {account}: ",
    ),
    "sync.prompt.new": ("Nytt passord for {login}: ", "New password for {login}: "),
    "sync.prompt.again": ("Samme passord en gang til: ", "The same password again: "),
    "sync.admin.member_added": (
        "«{login}» kan nå synkronisere med {server} som {role}",
        "“{login}” may now sync with {server} as {role}",
    ),
    # hardening
    "db.damaged": (
        "databasen {path} er skadet ({reason}); filen er ikke endret. Nyeste gode "
        "sikkerhetskopi er fra {date}: {backup}. Åpne en kopi av den i vinduet, eller "
        "kopier den selv til en ny fil og åpne den med --db",
        "the database {path} is damaged ({reason}); the file was left untouched. The newest "
        "good backup is from {date}: {backup}. Open a copy of it in the window, or copy it "
        "yourself to a new file and open that with --db",
    ),
    "db.damaged_no_backup": (
        "databasen {path} er skadet ({reason}); filen er ikke endret, og det finnes ingen "
        "god sikkerhetskopi i {folder}",
        "the database {path} is damaged ({reason}); the file was left untouched, and there "
        "is no good backup in {folder}",
    ),
    "db.restored": (
        "Åpnet en kopi av sikkerhetskopien fra {date}: {restored}. Den skadede filen ligger "
        "urørt i {damaged}.",
        "Opened a copy of the backup from {date}: {restored}. The damaged file is left "
        "untouched at {damaged}.",
    ),
    "crash.saved": ("detaljene er lagret i {path}", "the details are saved in {path}"),
    "recovery.title": ("Databasen er skadet", "The database is damaged"),
    "recovery.open_copy": ("Åpne en kopi av sikkerhetskopien", "Open a copy of the backup"),
    "recovery.close": ("Lukk", "Close"),
    "db.held": (
        "{path} er åpen i et annet vindu: {user} på {host} (prosess {pid}) siden {since}. "
        "Dette vinduet kan bare lese; lukk det andre vinduet for å gjøre endringer",
        "{path} is open in another window: {user} on {host} (process {pid}) since {since}. "
        "This window can only read; close the other window to make changes",
    ),
    "db.held_cli": (
        "{path} er åpen i et vindu: {user} på {host} (prosess {pid}) siden {since}. "
        "Kommandolinjen endrer ikke en tavle noen har åpen; lukk vinduet og prøv igjen "
        "(lesing virker)",
        "{path} is open in a window: {user} on {host} (process {pid}) since {since}. "
        "The command line does not change a board someone has open; close the window and "
        "try again (reading works)",
    ),
    "db.network": (
        "Tavlen ligger på en nettverksstasjon: den bruker SQLites vanlige journal (ikke WAL), "
        "som er trygg der, men tregere",
        "The board is on a network drive: it uses SQLite's plain journal (not WAL), which is "
        "safe there, but slower",
    ),
    "db.protection.windows": (
        "På Windows gjør filrettighetene (0600) bare filen skrivebeskyttet; tavlen beskyttes "
        "av tilgangsrettighetene til brukerprofilen din (bare du og administratorer) og av "
        "BitLocker-kryptering av disken. Ha tavlen i profilen din, ikke i en delt mappe",
        "On Windows the file mode (0600) only makes the file read-only; what protects the "
        "board is your user profile folder's access rights (only you and administrators) and "
        "BitLocker disk encryption. Keep the board in your profile, not in a shared folder",
    ),
    "db.protection.posix": (
        "Bare du kan lese og skrive tavlefilen (filmodus 0600); diskkryptering (FileVault, "
        "LUKS) beskytter den på en mistet maskin",
        "Only you can read and write the board file (file mode 0600); disk encryption "
        "(FileVault, LUKS) protects it on a lost computer",
    ),
    # -- the sync server's rulebook refusals (sync/errors.py) --
    "sync.server.rule_verify": (
        "serveren avviste endring {change} ({entity}): ferdig krever en verifisering av et "
        "kontrollerende medlem ({reason})",
        "the server refused change {change} ({entity}): done needs a verification by a "
        "controlling member ({reason})",
    ),
    "sync.server.rule_decider": (
        "serveren avviste endring {change} ({entity}): risikobeslutninger tas av risikoeieren "
        "({reason})",
        "the server refused change {change} ({entity}): risk decisions are the risk owner's "
        "({reason})",
    ),
    "sync.server.rule_role": (
        "serveren avviste endring {change} ({entity}): «{user}» har ikke en rolle som kan "
        "endre dette ({reason})",
        "the server refused change {change} ({entity}): “{user}” does not have a role that may "
        "change this ({reason})",
    ),
    "sync.server.rule_value": (
        "serveren avviste endring {change} ({entity}): en verdi av feil type, utenfor "
        "gyldig område, ukjent eller for stor ({reason})",
        "the server refused change {change} ({entity}): a value of the wrong type, out of "
        "range, unknown or too large ({reason})",
    ),
    "sync.server.rule_self": (
        "serveren avviste endring {change} ({entity}): et medlem skriver bare som seg selv "
        "({reason})",
        "the server refused change {change} ({entity}): a member writes only as themselves "
        "({reason})",
    ),
    "sync.server.rule_blocked": (
        "serveren avviste endring {change} ({entity}): en blokkert oppgave blir aldri ferdig "
        "({reason})",
        "the server refused change {change} ({entity}): a blocked item is never done ({reason})",
    ),
    "sync.server.rule_acceptance": (
        "serveren avviste endring {change} ({entity}): en aksept trenger begrunnelse og "
        "gyldighetsdato og kan ikke ligge i rødt område ({reason})",
        "the server refused change {change} ({entity}): an acceptance needs a rationale and "
        "a valid-until date and cannot be in the red band ({reason})",
    ),
    "sync.server.rule_tls": (
        "serveren avviser «{user}» uten TLS: koble til med sslmode=verify-full",
        "the server refuses “{user}” without TLS: connect with sslmode=verify-full",
    ),
    # sync: conflicts, quarantine, refused changes
    "sync.conflict.not_found": ("finner ingen konflikt med id {id}", "no conflict has the id {id}"),
    "sync.conflict.resolved": (
        "konflikten om {field} er allerede løst",
        "the conflict about {field} is resolved already",
    ),
    "sync.conflict.bad_resolution": (
        "«{value}» er ingen løsning (bruk keep, take eller edit)",
        "“{value}” is no resolution (use keep, take or edit)",
    ),
    "sync.conflict.restore_or_delete": (
        "raden ble slettet mens noen endret den: gjenopprett den (restore) eller bekreft "
        "slettingen (delete)",
        "the row was deleted while somebody changed it: restore it (restore) or confirm "
        "the delete (delete)",
    ),
    "sync.conflict.row_gone": (
        "raden konflikten gjelder finnes ikke her ({entity} {id})",
        "the row of the conflict is not here ({entity} {id})",
    ),
    "sync.quarantine.unknown_entity": (
        "en ukjent slags rad: «{entity}»",
        "an unknown kind of row: “{entity}”",
    ),
    "sync.quarantine.unknown_field": (
        "et ukjent felt: {entity}.{field}",
        "an unknown field: {entity}.{field}",
    ),
    "sync.quarantine.malformed": (
        "feltene er ikke i formen {{felt: [ny, gammel]}}",
        "its fields are not in the form {{field: [new, old]}}",
    ),
    "sync.quarantine.shape": (
        "{entity}.{field} har en form tavla ikke kan lese",
        "{entity}.{field} has a shape the board cannot read",
    ),
    "sync.quarantine.missing_row": (
        "{field} viser til {entity} {id}, som ikke finnes her",
        "{field} refers to {entity} {id}, which is not here",
    ),
    "sync.refused.not_found": (
        "ingen endring serveren avviste har id {id}",
        "no change the server refused has the id {id}",
    ),
    "sync.refused.ambiguous": (
        "flere endringer serveren avviste passer til {id}: gi mer av id-en",
        "more than one refused change matches {id}: give more of the id",
    ),
    "sync.refused.summary": (
        "{count} endringer avvist av serveren:",
        "{count} changes refused by the server:",
    ),
    "sync.refused.line": (
        "  {id}  {entity} «{title}» ({fields}): {reason}",
        "  {id}  {entity} “{title}” ({fields}): {reason}",
    ),
    "sync.refused.hint": (
        "De sendes ikke igjen. Forkast dem (kanban-sec sync --discard-refused [ID]) så "
        "tavla blir som serverens, eller prøv igjen (kanban-sec sync --redo-refused [ID]).",
        "They are not sent again. Discard them (kanban-sec sync --discard-refused [ID]) so "
        "the board matches the server's, or try again (kanban-sec sync --redo-refused [ID]).",
    ),
    "sync.refused.discarded": (
        "forkastet {count} avviste endringer; tavla er som serverens igjen",
        "discarded {count} refused changes; the board matches the server's again",
    ),
    "sync.refused.none": (
        "ingen endringer er avvist av serveren",
        "no changes are refused by the server",
    ),
    "sync.refused.redo": (
        "sender {count} avviste endringer igjen",
        "sending {count} refused changes again",
    ),
    "sync.quarantine.summary": (
        "{count} endringer fra serveren kan ikke brukes her (i karantene: kanban-sec conflicts)",
        "{count} changes from the server cannot be applied here "
        "(quarantined: kanban-sec conflicts)",
    ),
    "sync.quarantine.title": (
        "I karantene (endringer fra serveren tavla ikke kan bruke):",
        "Quarantined (changes from the server the board cannot apply):",
    ),
    "sync.quarantine.line": (
        "  {id}  {entity} {row}  av {who}: {reason}",
        "  {id}  {entity} {row}  by {who}: {reason}",
    ),
    "sync.deleted.line": (
        "  {id}  «{title}» ble slettet av {deleter} mens {editor} endret {fields}",
        "  {id}  “{title}” was deleted by {deleter} while {editor} changed {fields}",
    ),
    "sync.deleted.title": (
        "Slettet mens noen endret (conflicts resolve ID restore|delete):",
        "Deleted while somebody changed it (conflicts resolve ID restore|delete):",
    ),
    "sync.plain_refused": (
        "en ukryptert forbindelse til {host} er ikke tillatt: uten TLS kobler kanban-sec "
        "bare til denne maskinen (localhost), og bare når det er slått på",
        "an unencrypted connection to {host} is not allowed: without TLS kanban-sec "
        "connects only to this computer (localhost), and only when that is turned on",
    ),
    "sync.url_has_password": (
        "serveradressen inneholder et passord: fjern det (passordet lagres i nøkkelringen)",
        "the server address contains a password: remove it (the password is kept in the keyring)",
    ),
}
