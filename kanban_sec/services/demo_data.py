"""Example board for `kanban-sec demo`: a fictional Norwegian municipality.

Pure data, read by :mod:`kanban_sec.services.demo`. Unit paths are joined with " / ",
parents before children. People, vendors and products are fictional; the security and
privacy content is meant to be realistic. Texts are Norwegian Bokmål on purpose: they are
board content, not user-interface strings.
"""

from __future__ import annotations

from typing import Any

UNITS: list[str] = [
    "Eksempel kommune",
    "Eksempel kommune / Utviklings- og kompetanseetaten",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / Team Sikkerhetsovervåking",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / Team Risiko og etterlevelse",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Drift",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon",
    "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling",
    "Eksempel kommune / Helseetaten",
    "Eksempel kommune / Helseetaten / Hjemmetjenesten",
    "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
    "Eksempel kommune / Helseetaten / Hjemmetjenesten / Sone Nord",
    "Eksempel kommune / Helseetaten / Fagsystemforvaltning",
    "Eksempel kommune / Bymiljøetaten",
    "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
    "Eksempel kommune / Velferdsetaten",
    "Eksempel kommune / Velferdsetaten / Digitalisering",
    "Eksempel kommune / Internkontroll",
    "Eksempel kommune / Personvernombudet",
]

#: The example's governing member at the top: she sets the board up (see demo.load_demo).
LEAD = "Siri Lunde"

PEOPLE: list[tuple[str, str, str]] = [
    (
        "Ingrid Haugland",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet",
        "governing",
    ),
    (
        "Jonas Aamodt",
        (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / "
            "Team Sikkerhetsovervåking"
        ),
        "operational",
    ),
    (
        "Fatima Rahimi",
        (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / "
            "Team Sikkerhetsovervåking"
        ),
        "operational",
    ),
    (
        "Elise Moen",
        (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / "
            "Team Risiko og etterlevelse"
        ),
        "operational",
    ),
    (
        "Kristian Vold",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "operational",
    ),
    (
        "Sunniva Lie",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "operational",
    ),
    (
        "Ola Brekke",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient",
        "operational",
    ),
    (
        "Mona Strand",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring",
        "operational",
    ),
    (
        "Thomas Nygård",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet",
        "operational",
    ),
    (
        "Henrik Dahl",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon",
        "operational",
    ),
    (
        "Eirik Sæther",
        "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling",
        "operational",
    ),
    ("Lars Haugen", "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
     "governing"),
    ("Astrid Myklebust", "Eksempel kommune / Helseetaten / Hjemmetjenesten", "governing"),
    (
        "Per Inge Rønning",
        "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "operational",
    ),
    (
        "Linn Kaspersen",
        "Eksempel kommune / Helseetaten / Hjemmetjenesten / Sone Nord",
        "operational",
    ),
    ("Rune Bakke", "Eksempel kommune / Helseetaten / Fagsystemforvaltning", "operational"),
    ("Camilla Berg", "Eksempel kommune / Bymiljøetaten / TT-tjenesten", "governing"),
    ("Sindre Holm", "Eksempel kommune / Bymiljøetaten / TT-tjenesten", "operational"),
    ("Hanne Torp", "Eksempel kommune / Velferdsetaten / Digitalisering", "operational"),
    ("Nora Elvestad", "Eksempel kommune / Personvernombudet", "governing"),
    ("Trude Fossum", "Eksempel kommune / Internkontroll", "controlling"),
    # The municipality's security coordinator sits at the top: a governing member above
    # every risk-owner unit, who can set the example board up on a sync server.
    ("Siri Lunde", "Eksempel kommune", "governing"),
]

CHAINS: list[dict[str, Any]] = [
    {
        "name": "Medisindispenser",
        "risk_owner": "Eksempel kommune / Helseetaten / Hjemmetjenesten",
        "target_maturity": 3,
        "description": (
            "Elektronisk medisineringsstøtte for hjemmeboende brukere. Dispenseren gir ut "
            "riktig dose til riktig tid og varsler hjemmetjenesten ved glemt dose eller "
            "feil.\n"
            "\n"
            "- **Leverandør:** MedRobot AB (Sverige); plattformen driftes av Skyhelse Nordic "
            "i Irland\n"
            "- **Opplysninger:** helseopplysninger (legemiddelliste, doseringstidspunkt, avvik)\n"
            "- **Brukere:** ca. 650 hjemmeboende, 120 nettbrett i hjemmetjenesten\n"
            "\n"
            "Bruk av medisindispenser var tema for landsomfattende tilsyn i 2024."
        ),
    },
    {
        "name": "TT-kort søknad",
        "risk_owner": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "target_maturity": 2,
        "description": (
            "Digital søknad om TT-kort (tilrettelagt transport for personer som ikke kan "
            "bruke kollektivtransport). Søker logger inn med ID-porten og laster opp "
            "legeerklæring; vedtak arkiveres i Noark 5, og innvilget kort bestilles hos "
            "Reisekort Nordic AB.\n"
            "\n"
            "**Målnivå 2:** risikoeier har vurdert tjenesten som moderat kritisk. Definerte "
            "og dokumenterte rutiner er tilstrekkelig."
        ),
    },
    {
        "name": "Microsoft 365",
        "risk_owner": "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
        "target_maturity": 3,
        "description": (
            "Kommunens felles samhandlingsplattform: e-post, Teams, SharePoint og OneDrive "
            "for om lag 9 000 ansatte. Avtalepart er Microsoft Ireland Operations Ltd; data "
            "lagres innenfor EU Data Boundary.\n"
            "\n"
            "- Identiteter synkroniseres fra lokalt AD med Entra Connect\n"
            "- Klienter og nettbrett styres med Intune\n"
            "- Sikkerhetskopi tas av tredjepart (Backupsky AS)"
        ),
    },
    {
        "name": "Infrastruktur",
        "risk_owner": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift",
        "target_maturity": 3,
        "description": (
            "Felles IKT-infrastruktur driftet av Utviklings- og kompetanseetaten: nettverk, "
            "brannmurer, fjerntilgang, servere, sikkerhetskopi, lokalt AD, klienter og "
            "skrivere.\n"
            "\n"
            "Alle fagtjenester bygger på disse leddene; svikt her rammer hele kommunen."
        ),
    },
]

LINKS: list[dict[str, Any]] = [
    {
        "chain": "Medisindispenser",
        "name": "Dispenser i brukers hjem",
        "kind": "enhet",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi"
        ),
        "maturity": 1,
    },
    {
        "chain": "Medisindispenser",
        "name": "Mobilnett (M2M-SIM)",
        "kind": "nettverk",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi"
        ),
        "maturity": 2,
    },
    {
        "chain": "Medisindispenser",
        "name": "MedRobot skyplattform",
        "kind": "skytjeneste",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi"
        ),
        "maturity": 2,
    },
    {
        "chain": "Medisindispenser",
        "name": "SMS-varsling (Textwave Inc.)",
        "kind": "underleverandør",
        "country": "US",
        "responsible_unit": (
            "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi"
        ),
        "maturity": 0,
    },
    {
        "chain": "Medisindispenser",
        "name": "Meldingsformidler",
        "kind": "integrasjon",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "maturity": 2,
    },
    {
        "chain": "Medisindispenser",
        "name": "EPJ Omsorgsjournal",
        "kind": "fagsystem",
        "country": "NO",
        "responsible_unit": "Eksempel kommune / Helseetaten / Fagsystemforvaltning",
        "maturity": 3,
    },
    {
        "chain": "Medisindispenser",
        "name": "Nettbrett med pleie-app",
        "kind": "klient",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient"
        ),
        "maturity": 1,
    },
    {
        "chain": "TT-kort søknad",
        "name": "Skjemaplattform",
        "kind": "skytjeneste",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "maturity": 2,
    },
    {
        "chain": "TT-kort søknad",
        "name": "ID-porten",
        "kind": "identitet",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "maturity": 3,
    },
    {
        "chain": "TT-kort søknad",
        "name": "Saksbehandlingssystem TT",
        "kind": "fagsystem",
        "country": "NO",
        "responsible_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "maturity": 1,
    },
    {
        "chain": "TT-kort søknad",
        "name": "Arkiv (Noark 5)",
        "kind": "fagsystem",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "maturity": 2,
    },
    {
        "chain": "TT-kort søknad",
        "name": "SMS- og e-postvarsling",
        "kind": "integrasjon",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "maturity": 1,
    },
    {
        "chain": "TT-kort søknad",
        "name": "Kortleverandør (Reisekort Nordic AB)",
        "kind": "leverandør",
        "country": "SE",
        "responsible_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "maturity": 0,
    },
    {
        "chain": "Microsoft 365",
        "name": "Entra ID",
        "kind": "identitet",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "maturity": 2,
    },
    {
        "chain": "Microsoft 365",
        "name": "Exchange Online",
        "kind": "skytjeneste",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling"
        ),
        "maturity": 2,
    },
    {
        "chain": "Microsoft 365",
        "name": "SharePoint og Teams",
        "kind": "skytjeneste",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling"
        ),
        "maturity": 2,
    },
    {
        "chain": "Microsoft 365",
        "name": "Intune",
        "kind": "skytjeneste",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient"
        ),
        "maturity": 3,
    },
    {
        "chain": "Microsoft 365",
        "name": "Ekstern deling og gjestetilgang",
        "kind": "identitet",
        "country": "IE",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling"
        ),
        "maturity": 1,
    },
    {
        "chain": "Microsoft 365",
        "name": "M365-backup (Backupsky AS)",
        "kind": "leverandør",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "maturity": 0,
    },
    {
        "chain": "Infrastruktur",
        "name": "Kjernenett",
        "kind": "nettverk",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk"
        ),
        "maturity": 2,
    },
    {
        "chain": "Infrastruktur",
        "name": "Brannmurer",
        "kind": "nettverk",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk"
        ),
        "maturity": 2,
    },
    {
        "chain": "Infrastruktur",
        "name": "VPN og fjerntilgang",
        "kind": "nettverk",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk"
        ),
        "maturity": 1,
    },
    {
        "chain": "Infrastruktur",
        "name": "Serverplattform",
        "kind": "plattform",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "maturity": 2,
    },
    {
        "chain": "Infrastruktur",
        "name": "Sikkerhetskopiering",
        "kind": "plattform",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "maturity": 1,
    },
    {
        "chain": "Infrastruktur",
        "name": "Active Directory",
        "kind": "identitet",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "maturity": 0,
    },
    {
        "chain": "Infrastruktur",
        "name": "Klient-PC-er",
        "kind": "klient",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient"
        ),
        "maturity": 3,
    },
    {
        "chain": "Infrastruktur",
        "name": "Skrivere og IoT",
        "kind": "enhet",
        "country": "NO",
        "responsible_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk"
        ),
        "maturity": 1,
    },
]

ITEMS: list[dict[str, Any]] = [
    {
        "title": "Overføringsvurdering (TIA) for Textwave Inc.",
        "description": (
            "MedRobot bruker amerikanske Textwave Inc. til SMS-varsler; telefonnummer og "
            "varseltekst overføres til USA.\n"
            "Vurder overføringsgrunnlag og supplerende tiltak (Schrems II), og dokumenter "
            "konklusjonen."
        ),
        "status": "next",
        "chain": "Medisindispenser",
        "link": "SMS-varsling (Textwave Inc.)",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": "Per Inge Rønning",
        "framework_ref": "GDPR art. 46",
        "classification": "internal",
        "tags": [
            "personvern",
            "leverandør",
            "tredjeland",
        ],
        "checklist": [
            ("Kartlegge hvilke opplysninger som sendes til Textwave", True),
            ("Innhente underdatabehandleravtale og standardavtaler (SCC) fra MedRobot", False),
            ("Vurdere amerikansk lovgivning og status under EU–US Data Privacy Framework", False),
            ("Forelegge vurderingen for personvernombudet", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 30,
        "age_days": 21,
        "comments": [
            (
                "Nora Elvestad",
                (
                    "Sjekk om Textwave er sertifisert under Data Privacy Framework. Det forenkler "
                    "grunnlaget, men vi må fortsatt vurdere om innholdet i varslene trengs."
                ),
            ),
        ],
    },
    {
        "title": "Fjerne helseopplysninger fra SMS-varsler",
        "description": (
            "Varsel om glemt dose inneholder brukerens fornavn og legemiddelnavn og går til "
            "vaktmobil og pårørende.\n"
            "Nytt varsel skal bare si «Ny hendelse – se pleie-appen»; detaljene vises etter "
            "innlogging."
        ),
        "status": "doing",
        "chain": "Medisindispenser",
        "link": "SMS-varsling (Textwave Inc.)",
        "likelihood": 4,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": "Per Inge Rønning",
        "framework_ref": "GDPR art. 25",
        "classification": "confidential",
        "tags": [
            "personvern",
            "avvik",
            "leverandør",
        ],
        "checklist": [
            ("Ny varseltekst godkjent av Hjemmetjenesten", True),
            ("Endring bestilt hos MedRobot", True),
            ("Test med testbruker i MedRobots testmiljø", False),
            ("Stikkprøver av varsler i produksjon", False),
        ],
        "blocked_reason": "",
        "pin_reason": "Avvik meldt til Datatilsynet (art. 33): helseopplysninger i SMS",
        "due_in_days": 5,
        "age_days": 9,
        "comments": [
            (
                "Astrid Myklebust",
                (
                    "Som risikoeier aksepterer jeg ikke dagens løsning. Pinnet til endringen er i "
                    "produksjon."
                ),
            ),
            (
                "Per Inge Rønning",
                (
                    "MedRobot bekrefter at varselteksten kan endres per kunde. Test i deres "
                    "testmiljø fredag."
                ),
            ),
        ],
    },
    {
        "title": "Underdatabehandleravtale for Textwave Inc.",
        "description": (
            "Textwave er MedRobots underdatabehandler, men står ikke på listen over godkjente "
            "underleverandører i databehandleravtalen.\n"
            "Krev oppdatert liste og en avtale som oppfyller art. 28 nr. 4."
        ),
        "status": "doing",
        "chain": "Medisindispenser",
        "link": "SMS-varsling (Textwave Inc.)",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten",
        "owner_person": "Astrid Myklebust",
        "framework_ref": "GDPR art. 28",
        "classification": "internal",
        "tags": [
            "personvern",
            "leverandør",
        ],
        "checklist": [],
        "blocked_reason": (
            "Venter på MedRobot AB: signert underdatabehandleravtale og oppdatert "
            "underleverandørliste (purret to ganger)"
        ),
        "pin_reason": "",
        "due_in_days": -5,
        "age_days": 48,
        "comments": [
            ("Per Inge Rønning", "Purret MedRobot igjen i dag. Svar lovet innen fredag."),
            (
                "Astrid Myklebust",
                (
                    "Kommer ikke avtalen denne uken, tar jeg det opp i leverandørmøtet med "
                    "MedRobots ledelse."
                ),
            ),
        ],
    },
    {
        "title": "Egen nettverkssone for dispensere i omsorgsboliger",
        "description": (
            "I omsorgsboligene er dispenserne koblet til samme Wi-Fi som beboernes og de "
            "ansattes enheter.\n"
            "Flytt dem til en egen IoT-sone som bare når MedRobot-plattformen."
        ),
        "status": "backlog",
        "chain": "Medisindispenser",
        "link": "Dispenser i brukers hjem",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "owner_person": "Sunniva Lie",
        "framework_ref": "NSM 2.2.3",
        "classification": "open",
        "tags": [
            "nettverk",
            "segmentering",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 34,
        "comments": [],
    },
    {
        "title": "Rutine for firmwareoppdatering av dispensere",
        "description": (
            "Vi vet ikke hvilken firmware dispenserne kjører, eller når MedRobot oppdaterer dem.\n"
            "- Krev versjonsoversikt i administrasjonsportalen\n"
            "- Avtal varsel før utrulling\n"
            "- Test på fem dispensere før full utrulling"
        ),
        "status": "backlog",
        "chain": "Medisindispenser",
        "link": "Dispenser i brukers hjem",
        "likelihood": 2,
        "consequence": 5,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": None,
        "framework_ref": "ISO 27002 8.8",
        "classification": "open",
        "tags": [
            "sårbarhet",
            "leverandør",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 62,
        "comments": [],
    },
    {
        "title": "Oversikt over utplasserte dispensere",
        "description": (
            "Komplett liste over dispensere med serienummer, SIM-kort og bruker, avstemt mot "
            "vedtak i EPJ."
        ),
        "status": "done",
        "chain": "Medisindispenser",
        "link": "Dispenser i brukers hjem",
        "likelihood": 3,
        "consequence": 3,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": "Per Inge Rønning",
        "framework_ref": "CIS 1.1",
        "classification": "open",
        "tags": [
            "inventar",
        ],
        "checklist": [
            ("Eksportere liste fra MedRobot-portalen", True),
            ("Avstemme mot vedtak i EPJ", True),
            ("Registrere serienummer og SIM-kort i CMDB", True),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 150,
        "comments": [],
    },
    {
        "title": "MFA på leverandørens supportilgang",
        "description": (
            "MedRobots support logger inn i administrasjonsportalen med en delt konto og bare "
            "passord.\n"
            "Krav: personlige kontoer, MFA og tilgang som åpnes per sak og godkjennes av oss."
        ),
        "status": "next",
        "chain": "Medisindispenser",
        "link": "MedRobot skyplattform",
        "likelihood": 4,
        "consequence": 5,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten",
        "owner_person": None,
        "framework_ref": "NSM 2.6.7",
        "classification": "internal",
        "tags": [
            "tilgangsstyring",
            "leverandør",
            "mfa",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 21,
        "age_days": 27,
        "comments": [
            (
                "Ingrid Haugland",
                (
                    "Normens veileder for fjernaksess kan brukes direkte som kravliste overfor "
                    "MedRobot."
                ),
            ),
        ],
    },
    {
        "title": "Leverandørrevisjon av MedRobot AB",
        "description": (
            "Gjennomgang av MedRobots styringssystem, sertifiseringer og hendelseshåndtering før "
            "avtalen forlenges."
        ),
        "status": "verify",
        "chain": "Medisindispenser",
        "link": "MedRobot skyplattform",
        "likelihood": 2,
        "consequence": 4,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / "
            "Team Risiko og etterlevelse"
        ),
        "owner_person": "Elise Moen",
        "framework_ref": "NSM 2.1.10",
        "classification": "internal",
        "tags": [
            "leverandør",
            "revisjon",
        ],
        "checklist": [
            ("Innhente ISO 27001-sertifikat og anvendelseserklæring", True),
            ("Sjekke at skyplattformen er innenfor sertifikatets omfang", True),
            ("Avklare varsling av sikkerhetshendelser innen 24 timer", True),
            ("Oppsummering til risikoeier", True),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 10,
        "age_days": 75,
        "comments": [
            (
                "Elise Moen",
                (
                    "Sertifikatet dekker ikke driften hos Skyhelse Nordic. Vi har fått deres ISAE "
                    "3402-rapport i stedet, og den er gjennomgått."
                ),
            ),
            (
                "Trude Fossum",
                "Jeg verifiserer når oppsummeringen er bekreftet mottatt av risikoeier.",
            ),
        ],
    },
    {
        "title": "Logging og overvåking av meldingsformidleren",
        "description": (
            "Meldingsformidleren flytter dispenservarsler inn i EPJ. Feilede og avviste "
            "meldinger ble før bare lagret i en lokal logg.\n"
            "Loggene går nå til SIEM, med alarmer for feilkø og ukjente avsendere."
        ),
        "status": "verify",
        "chain": "Medisindispenser",
        "link": "Meldingsformidler",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "owner_person": "Henrik Dahl",
        "framework_ref": "NSM 3.2.1",
        "classification": "open",
        "tags": [
            "logging",
            "integrasjon",
        ],
        "checklist": [
            ("Sende applikasjonslogger til SIEM", True),
            ("Alarm når meldinger ligger i feilkø over 15 minutter", True),
            ("Alarm ved ukjent avsender eller sertifikat", True),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 88,
        "comments": [
            ("Jonas Aamodt", "Alarmene er testet: feilkø over 15 minutter gir sak i SOC-køen."),
        ],
    },
    {
        "title": "Kontroll av tilgangslogg for dispenserbrukere",
        "description": (
            "Månedlig stikkprøvekontroll av oppslag i journalen til brukere med dispenser, jf. "
            "pasientjournalforskriften § 14."
        ),
        "status": "done",
        "chain": "Medisindispenser",
        "link": "EPJ Omsorgsjournal",
        "likelihood": 2,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Helseetaten / Fagsystemforvaltning",
        "owner_person": "Rune Bakke",
        "framework_ref": "Normen faktaark 15",
        "classification": "open",
        "tags": [
            "logging",
            "personvern",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 170,
        "comments": [],
    },
    {
        "title": "Patcheregime for nettbrett i hjemmetjenesten",
        "description": (
            "Om lag 120 nettbrett med pleie-appen får ikke sikkerhetsoppdateringer, og flere "
            "kjører Android-versjoner uten støtte.\n"
            "- Samsvarsregel i Intune med minste patchnivå\n"
            "- Bytte ut enheter uten støtte"
        ),
        "status": "backlog",
        "chain": "Medisindispenser",
        "link": "Nettbrett med pleie-app",
        "likelihood": 4,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient",
        "owner_person": "Ola Brekke",
        "framework_ref": "CIS 7.3",
        "classification": "open",
        "tags": [
            "sårbarhet",
            "klient",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 19,
        "comments": [
            (
                "Linn Kaspersen",
                (
                    "I Sone Nord deler vi nettbrett mellom vaktene. Oppdateringer må skje utenfor "
                    "vakt, ellers mister vi appen midt i en runde."
                ),
            ),
        ],
    },
    {
        "title": "ROS-analyse av TT-kort søknad",
        "description": (
            "Risiko- og sårbarhetsanalyse av hele tjenesten, fra skjema til kortbestilling. "
            "Grunnlag for DPIA og tiltaksplan."
        ),
        "status": "next",
        "chain": "TT-kort søknad",
        "link": None,
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": "Sindre Holm",
        "framework_ref": "GDPR art. 32",
        "classification": "open",
        "tags": [
            "ros",
            "risiko",
        ],
        "checklist": [
            ("Avgrense tjenesten og tegne dataflyt", True),
            ("Arbeidsmøte med saksbehandlere og Team Integrasjon", True),
            ("Vurdere sannsynlighet og konsekvens for uønskede hendelser", False),
            ("Risikoeier godkjenner tiltaksplanen", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 21,
        "age_days": 30,
        "comments": [
            ("Camilla Berg", "Jeg tar godkjenningen i ledermøtet om 14 dager."),
        ],
    },
    {
        "title": "DPIA for TT-kort søknad",
        "description": (
            "Søknaden behandler helseopplysninger (legeerklæring om forflytningsvansker), "
            "altså særlige kategorier etter art. 9.\n"
            "Vurderingen bygger på ROS-analysen og forelegges personvernombudet."
        ),
        "status": "backlog",
        "chain": "TT-kort søknad",
        "link": None,
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": None,
        "framework_ref": "GDPR art. 35",
        "classification": "open",
        "tags": [
            "personvern",
            "dpia",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 30,
        "comments": [
            (
                "Nora Elvestad",
                "Vurder om legeerklæringen i det hele tatt må lagres etter at vedtaket er fattet.",
            ),
        ],
    },
    {
        "title": "Databehandleravtale med Reisekort Nordic AB",
        "description": (
            "Kortleverandøren får navn, adresse, bilde og korttype, men vi har bare en "
            "innkjøpsavtale.\n"
            "Inngå databehandleravtale med krav til avviksvarsling og sletting etter "
            "kortproduksjon."
        ),
        "status": "next",
        "chain": "TT-kort søknad",
        "link": "Kortleverandør (Reisekort Nordic AB)",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": "Camilla Berg",
        "framework_ref": "GDPR art. 28",
        "classification": "internal",
        "tags": [
            "personvern",
            "leverandør",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 45,
        "age_days": 40,
        "comments": [],
    },
    {
        "title": "Sikker filoverføring til kortleverandøren",
        "description": (
            "Kortbestillinger sendes i dag som Excel-vedlegg på e-post.\n"
            "Erstattes av kryptert fil over SFTP med nøkkelautentisering fra "
            "integrasjonsplattformen."
        ),
        "status": "doing",
        "chain": "TT-kort søknad",
        "link": "Kortleverandør (Reisekort Nordic AB)",
        "likelihood": 4,
        "consequence": 4,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "owner_person": "Henrik Dahl",
        "framework_ref": "ISO 27002 5.14",
        "classification": "internal",
        "tags": [
            "kryptering",
            "leverandør",
            "integrasjon",
        ],
        "checklist": [
            ("SFTP-jobb satt opp i integrasjonsplattformen", True),
            ("Testfil med fiktive søkere", False),
            ("Stanse bestillinger på e-post", False),
        ],
        "blocked_reason": (
            "Venter på at Reisekort Nordic AB åpner for vår IP-adresse og sender SSH-nøkkel for "
            "SFTP-mottaket"
        ),
        "pin_reason": "",
        "due_in_days": 14,
        "age_days": 25,
        "comments": [
            (
                "Henrik Dahl",
                "Alt er klart hos oss. Leverandøren har lovet nøkkelen «neste uke» to uker på rad.",
            ),
        ],
    },
    {
        "title": "Tilgangsgjennomgang i saksbehandlingssystemet for TT",
        "description": (
            "Sju av 31 brukere har sluttet eller byttet stilling, men har fortsatt tilgang.\n"
            "Rydd opp og innfør halvårlig kontroll."
        ),
        "status": "backlog",
        "chain": "TT-kort søknad",
        "link": "Saksbehandlingssystem TT",
        "likelihood": 3,
        "consequence": None,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": "Sindre Holm",
        "framework_ref": "NSM 2.6.1",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
        ],
        "checklist": [
            ("Ta ut liste over brukere og roller", True),
            ("Leder bekrefter tjenstlig behov per bruker", False),
            ("Fjerne sluttede og vikarer", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 14,
        "comments": [],
    },
    {
        "title": "Virusskanning av vedlegg i søknadsskjemaet",
        "description": (
            "Søkere laster opp legeerklæring som PDF eller bilde. Filene skannes ikke før de "
            "havner i saksbehandlingssystemet."
        ),
        "status": "backlog",
        "chain": "TT-kort søknad",
        "link": "Skjemaplattform",
        "likelihood": 2,
        "consequence": 3,
        "effort": None,
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "owner_person": None,
        "framework_ref": "ISO 27002 8.7",
        "classification": "open",
        "tags": [
            "skadevare",
            "integrasjon",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 55,
        "comments": [],
    },
    {
        "title": "Innlogging med ID-porten på høyt nivå",
        "description": (
            "Søknadsskjemaet krever nå ID-porten på sikkerhetsnivå høyt. Den gamle innloggingen "
            "med e-post og passord er fjernet."
        ),
        "status": "done",
        "chain": "TT-kort søknad",
        "link": "ID-porten",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "owner_person": "Thomas Nygård",
        "framework_ref": "ISO 27002 8.5",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 180,
        "comments": [],
    },
    {
        "title": "Riktig skjerming av TT-saker i arkivet",
        "description": (
            "Saker arkiveres automatisk med tilgangskode og hjemmel «Offl. § 13 jf. fvl. § 13», "
            "slik at helseopplysninger ikke vises i offentlig journal."
        ),
        "status": "done",
        "chain": "TT-kort søknad",
        "link": "Arkiv (Noark 5)",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Integrasjon"
        ),
        "owner_person": "Henrik Dahl",
        "framework_ref": "ISO 27002 5.12",
        "classification": "open",
        "tags": [
            "personvern",
            "arkiv",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 130,
        "comments": [],
    },
    {
        "title": "Gjenopprettingstest fra M365-backup",
        "description": (
            "Vi har aldri gjenopprettet noe fra Backupsky. Test både enkeltelementer og et helt "
            "område, og mål tiden mot gjenopprettingsmålet (RTO)."
        ),
        "status": "backlog",
        "chain": "Microsoft 365",
        "link": "M365-backup (Backupsky AS)",
        "likelihood": None,
        "consequence": 4,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "owner_person": None,
        "framework_ref": "CIS 11.5",
        "classification": "open",
        "tags": [
            "backup",
        ],
        "checklist": [
            ("Gjenopprette én postboks til alternativ plassering", False),
            ("Gjenopprette et SharePoint-område med versjoner", False),
            ("Måle tiden mot RTO på 24 timer", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 11,
        "comments": [],
    },
    {
        "title": "Databehandleravtale og exit-plan for Backupsky AS",
        "description": (
            "Backupsky har kopi av all e-post og alle dokumenter. Avtalen mangler krav til "
            "lagringssted, sletting og utlevering av data når avtalen avsluttes."
        ),
        "status": "backlog",
        "chain": "Microsoft 365",
        "link": "M365-backup (Backupsky AS)",
        "likelihood": 2,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift",
        "owner_person": None,
        "framework_ref": "NSM 2.1.10",
        "classification": "internal",
        "tags": [
            "leverandør",
            "backup",
            "personvern",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 66,
        "comments": [],
    },
    {
        "title": "Ekstern deling avslått som standard",
        "description": (
            "I dag kan alle dele filer med «Alle med lenken».\n"
            "Ny standard: deling bare med bestemte personer, og ekstern deling bare i "
            "godkjente samhandlingsområder."
        ),
        "status": "next",
        "chain": "Microsoft 365",
        "link": "Ekstern deling og gjestetilgang",
        "likelihood": 4,
        "consequence": 4,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling"
        ),
        "owner_person": "Eirik Sæther",
        "framework_ref": "CIS 3.3",
        "classification": "internal",
        "tags": [
            "deling",
            "tilgangsstyring",
            "personvern",
        ],
        "checklist": [
            ("Rapport over eksisterende eksterne delinger", True),
            ("Informere etatene om ny praksis", True),
            ("Sette standard delingslenke til «Bestemte personer»", False),
            ("Unntak bare for godkjente samhandlingsområder", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 30,
        "age_days": 36,
        "comments": [
            (
                "Eirik Sæther",
                (
                    "Fant 3 412 «Alle med lenken»-delinger; rundt 40 inneholder trolig "
                    "personopplysninger. Eierne varsles før vi stenger."
                ),
            ),
        ],
    },
    {
        "title": "Tilgangsgjennomgang av gjestebrukere",
        "description": (
            "Over 2 000 gjestekontoer i Entra ID, mange uten aktivitet siste år. Innfør "
            "kvartalsvis gjennomgang der teameier bekrefter behovet."
        ),
        "status": "backlog",
        "chain": "Microsoft 365",
        "link": "Ekstern deling og gjestetilgang",
        "likelihood": 3,
        "consequence": 3,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Samhandling"
        ),
        "owner_person": None,
        "framework_ref": "ISO 27002 5.18",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 44,
        "comments": [],
    },
    {
        "title": "Phishing-resistent MFA for administratorer",
        "description": (
            "Alle med administrative roller i Entra ID skal bruke FIDO2-nøkkel eller Windows "
            "Hello for Business, håndhevet med autentiseringsstyrke i Conditional Access."
        ),
        "status": "next",
        "chain": "Microsoft 365",
        "link": "Entra ID",
        "likelihood": 4,
        "consequence": 5,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "owner_person": "Thomas Nygård",
        "framework_ref": "CIS 6.5",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
            "mfa",
        ],
        "checklist": [
            ("Bestille sikkerhetsnøkler til 45 administratorer", True),
            ("Registrere nøklene", False),
            ("Kreve autentiseringsstyrke for administratorroller", False),
            ("Nødkontoer unntatt og overvåket", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 60,
        "age_days": 23,
        "comments": [],
    },
    {
        "title": "Conditional Access: blokkere eldre autentisering",
        "description": (
            "Eldre protokoller (POP, IMAP, SMTP AUTH) støtter ikke MFA og brukes i passordangrep. "
            "Blokkert for alle, med dokumentert unntak for skannere."
        ),
        "status": "verify",
        "chain": "Microsoft 365",
        "link": "Entra ID",
        "likelihood": 4,
        "consequence": 4,
        "effort": "S",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "owner_person": "Thomas Nygård",
        "framework_ref": "ISO 27002 8.5",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
            "mfa",
        ],
        "checklist": [
            ("Policy i rapportmodus i 14 dager", True),
            ("Unntak for skannere dokumentert", True),
            ("Policy aktivert", True),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 58,
        "comments": [
            (
                "Trude Fossum",
                (
                    "Verifiserer i innloggingsloggen at det ikke har vært vellykkede innlogginger "
                    "med eldre protokoller siste sju dager."
                ),
            ),
        ],
    },
    {
        "title": "BitLocker-krav i Intune",
        "description": (
            "Samsvarsregel krever BitLocker med TPM på alle Windows-klienter. Maskiner uten "
            "kryptering stenges ute fra Microsoft 365."
        ),
        "status": "done",
        "chain": "Microsoft 365",
        "link": "Intune",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Klient",
        "owner_person": "Ola Brekke",
        "framework_ref": "CIS 3.6",
        "classification": "open",
        "tags": [
            "kryptering",
            "klient",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 115,
        "comments": [],
    },
    {
        "title": "Patche GlobalProtect-portalen (CVE-2024-3400)",
        "description": (
            "Kritisk sårbarhet i PAN-OS GlobalProtect gir kodekjøring uten innlogging, og den "
            "utnyttes aktivt.\n"
            "Oppgrader, og undersøk om portalen allerede er kompromittert."
        ),
        "status": "doing",
        "chain": "Infrastruktur",
        "link": "VPN og fjerntilgang",
        "likelihood": 5,
        "consequence": 5,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "owner_person": "Kristian Vold",
        "framework_ref": "CIS 7.7",
        "classification": "confidential",
        "tags": [
            "sårbarhet",
            "nettverk",
        ],
        "checklist": [
            ("Aktivere leverandørens Threat Prevention-signatur på portalen", True),
            ("Oppgradere PAN-OS til rettet versjon", False),
            ("Søke etter kompromittering med leverandørens IoC-er", False),
            ("Rapportere status til NSM NCSC", False),
        ],
        "blocked_reason": "",
        "pin_reason": "Aktivt utnyttet sårbarhet (CVE-2024-3400), varsel fra NSM NCSC",
        "due_in_days": 1,
        "age_days": 2,
        "comments": [
            (
                "Ingrid Haugland",
                (
                    "Pinnet. Går foran alt annet til portalen er oppgradert og sjekket for "
                    "kompromittering."
                ),
            ),
            ("Kristian Vold", "Vedlikeholdsvindu i kveld 22–24. Brukerne er varslet."),
        ],
    },
    {
        "title": "MFA og tidsbegrenset VPN-tilgang for leverandører",
        "description": (
            "14 leverandører har permanente VPN-kontoer med bare passord.\n"
            "Kontoene skal ha MFA, bare være åpne ved avtalt oppdrag og logges."
        ),
        "status": "backlog",
        "chain": "Infrastruktur",
        "link": "VPN og fjerntilgang",
        "likelihood": 4,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "owner_person": "Sunniva Lie",
        "framework_ref": "CIS 6.4",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
            "leverandør",
            "mfa",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 70,
        "comments": [],
    },
    {
        "title": "Tiering av AD-administrasjon",
        "description": (
            "Domeneadministratorer logger inn på vanlige servere og klienter; én "
            "kompromittert maskin kan gi full domenekontroll.\n"
            "Innfør nivå 0/1/2 med egne adminkontoer og egne administrasjonsmaskiner (PAW)."
        ),
        "status": "next",
        "chain": "Infrastruktur",
        "link": "Active Directory",
        "likelihood": 4,
        "consequence": 5,
        "effort": "L",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "owner_person": "Thomas Nygård",
        "framework_ref": "NSM 2.6.5",
        "classification": "confidential",
        "tags": [
            "tilgangsstyring",
            "ad",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 90,
        "age_days": 52,
        "comments": [
            (
                "Ingrid Haugland",
                "Svakeste ledd i infrastrukturen. Prioriteres foran nye plattformprosjekter.",
            ),
        ],
    },
    {
        "title": "Rydde privilegerte tjenestekontoer i AD",
        "description": (
            "63 tjenestekontoer er med i Domain Admins eller har passord som aldri utløper. Fjern "
            "ubrukte, og gå over til gMSA der det er mulig."
        ),
        "status": "backlog",
        "chain": "Infrastruktur",
        "link": "Active Directory",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform / Team Identitet"
        ),
        "owner_person": None,
        "framework_ref": "NSM 2.6.3",
        "classification": "internal",
        "tags": [
            "tilgangsstyring",
            "ad",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 52,
        "comments": [],
    },
    {
        "title": "Windows LAPS på alle servere",
        "description": (
            "Lokal administrator har samme passord på de fleste servere. Windows LAPS gir unikt, "
            "roterende passord lagret i AD."
        ),
        "status": "backlog",
        "chain": "Infrastruktur",
        "link": "Active Directory",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
        "owner_person": None,
        "framework_ref": "CIS 5.2",
        "classification": "open",
        "tags": [
            "tilgangsstyring",
            "ad",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 47,
        "comments": [],
    },
    {
        "title": "Uforanderlig sikkerhetskopi (immutable backup)",
        "description": (
            "Sikkerhetskopien ligger på lagring som domeneadministratorer kan slette; ved "
            "løsepengevirus kan både produksjon og kopi gå tapt.\n"
            "Ny lagring med objektlås og egen administrasjon utenfor domenet."
        ),
        "status": "doing",
        "chain": "Infrastruktur",
        "link": "Sikkerhetskopiering",
        "likelihood": 3,
        "consequence": 5,
        "effort": "L",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "owner_person": "Mona Strand",
        "framework_ref": "NSM 2.9.4",
        "classification": "open",
        "tags": [
            "backup",
            "løsepengevirus",
        ],
        "checklist": [
            ("Velge løsning: objektlagring med objektlås", True),
            ("Egen administratorkonto utenfor domenet", True),
            ("Låse oppbevaringstid til 30 dager", False),
            ("Overvåke feilede backupjobber", False),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 30,
        "age_days": 64,
        "comments": [
            (
                "Mona Strand",
                "Lagringen er levert. Venter på endringsvindu for å flytte backupjobbene.",
            ),
        ],
    },
    {
        "title": "Årlig gjenopprettingstest av kritiske systemer",
        "description": (
            "Full gjenoppretting av EPJ-databasen og filserveren i isolert miljø, med tid og "
            "avvik dokumentert i testrapport."
        ),
        "status": "verify",
        "chain": "Infrastruktur",
        "link": "Sikkerhetskopiering",
        "likelihood": 3,
        "consequence": 5,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Server og lagring"
        ),
        "owner_person": "Mona Strand",
        "framework_ref": "ISO 27002 8.13",
        "classification": "open",
        "tags": [
            "backup",
        ],
        "checklist": [
            ("Gjenopprette EPJ-databasen i isolert miljø", True),
            ("Gjenopprette filserveren", True),
            ("Testrapport med tidsbruk og avvik", True),
        ],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 40,
        "comments": [
            (
                "Mona Strand",
                (
                    "EPJ tok 6 t 40 min, innenfor RTO på 8 timer. Filserveren tok 19 timer; avvik "
                    "registrert."
                ),
            ),
            (
                "Trude Fossum",
                "Sjekker testrapporten mot kravene i beredskapsplanen før jeg godkjenner.",
            ),
        ],
    },
    {
        "title": "Egen nettverkssone for skrivere og IoT",
        "description": (
            "Skrivere, adgangskontroll og møteromsskjermer står i samme nett som klientene.\n"
            "Flytt dem til egne soner med bare nødvendige porter åpne."
        ),
        "status": "backlog",
        "chain": "Infrastruktur",
        "link": "Skrivere og IoT",
        "likelihood": 3,
        "consequence": 3,
        "effort": "L",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift",
        "owner_person": None,
        "framework_ref": "ISO 27002 8.22",
        "classification": "open",
        "tags": [
            "nettverk",
            "segmentering",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 95,
        "comments": [],
    },
    {
        "title": "Bytte standardpassord på skrivere",
        "description": (
            "Alle 412 skrivere har fått unikt administratorpassord i passordhvelvet, og "
            "webgrensesnittet er stengt fra klientnettet."
        ),
        "status": "done",
        "chain": "Infrastruktur",
        "link": "Skrivere og IoT",
        "likelihood": 3,
        "consequence": 3,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "owner_person": "Sunniva Lie",
        "framework_ref": "CIS 4.7",
        "classification": "open",
        "tags": [
            "nettverk",
            "tilgangsstyring",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 100,
        "comments": [],
    },
    {
        "title": "Gjennomgang av brannmurregler",
        "description": (
            "Halvårlig gjennomgang: 118 regler uten treff siste 90 dager er fjernet, og alle "
            "gjenværende regler har eier og begrunnelse."
        ),
        "status": "done",
        "chain": "Infrastruktur",
        "link": "Brannmurer",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Drift / Team Nettverk",
        "owner_person": "Kristian Vold",
        "framework_ref": "NSM 2.5.1",
        "classification": "open",
        "tags": [
            "nettverk",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 85,
        "comments": [],
    },
    {
        "title": "Oppdatere informasjonssikkerhetspolicy",
        "description": (
            "Policyen er fra 2021 og nevner verken skytjenester, leverandørkjeder eller dagens "
            "organisering. Revideres og vedtas av kommunedirektøren."
        ),
        "status": "backlog",
        "chain": None,
        "link": None,
        "likelihood": 2,
        "consequence": 3,
        "effort": "S",
        "owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet",
        "owner_person": "Ingrid Haugland",
        "framework_ref": "ISO 27002 5.1",
        "classification": "open",
        "tags": [
            "styring",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": 90,
        "age_days": 120,
        "comments": [],
    },
    {
        "title": "Phishing-øvelse for alle ansatte",
        "description": (
            "Simulert phishing-kampanje med kort opplæring for dem som klikket. Klikkraten falt "
            "fra 14 % til 6 %."
        ),
        "status": "done",
        "chain": None,
        "link": None,
        "likelihood": 3,
        "consequence": 3,
        "effort": "M",
        "owner_unit": (
            "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet / "
            "Team Sikkerhetsovervåking"
        ),
        "owner_person": "Fatima Rahimi",
        "framework_ref": "ISO 27002 6.3",
        "classification": "open",
        "tags": [
            "opplæring",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 110,
        "comments": [],
    },
    {
        "title": "Oppdatere protokoll over behandlingsaktiviteter",
        "description": (
            "Velferdsetatens protokoll mangler flere nye behandlinger, blant annet digital søknad "
            "om økonomisk sosialhjelp."
        ),
        "status": "backlog",
        "chain": None,
        "link": None,
        "likelihood": 3,
        "consequence": 3,
        "effort": None,
        "owner_unit": "Eksempel kommune / Velferdsetaten / Digitalisering",
        "owner_person": "Hanne Torp",
        "framework_ref": "GDPR art. 30",
        "classification": "open",
        "tags": [
            "personvern",
        ],
        "checklist": [],
        "blocked_reason": "",
        "pin_reason": "",
        "due_in_days": None,
        "age_days": 26,
        "comments": [
            (
                "Nora Elvestad",
                (
                    "Bruk malen fra personvernombudet, og få med lagringstid og mottakere for "
                    "hver behandling."
                ),
            ),
        ],
    },
]

_SIKKERHET = "Eksempel kommune / Utviklings- og kompetanseetaten / Sikkerhet"
_DRIFT = "Eksempel kommune / Utviklings- og kompetanseetaten / Drift"
_PLATTFORM = "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform"

#: The annual wheel (årshjul): recurring duties that put an item in the backlog
#: ``lead_days`` before each occurrence. The rules name their months and days, so the
#: pattern does not depend on ``starts_on`` (the example moves it into the year it is loaded).
#: Each duty names the chain it keeps and, where one part is what it checks, the link (the
#: restore test on the backup link, the access reviews on their systems), with a likelihood
#: and consequence of the duty being missed: its items rank like any work there and never
#: push a weak link's work down. A chain's ROS review is on the chain as a whole (no link),
#: with modest defaults. The management review and the record of processing are the whole
#: organisation's, no one service's: they name no chain and rank by their own L × C.
ACTIVITIES: list[dict[str, Any]] = [
    {
        "title": "ROS-analyse: Infrastruktur",
        "description": (
            "Årlig gjennomgang av risiko- og sårbarhetsanalysen for felles IKT-infrastruktur. "
            "Gå gjennom hvert ledd i kjeden, oppdater modenhet og trusselbilde (NSMs "
            "*Risiko*-rapport og Nasjonalt digitalt risikobilde), og legg nye tiltak i "
            "backlogen.\n"
            "\n"
            "- Inviter Team Nettverk, Team Server og lagring, Team Klient og Team Identitet\n"
            "- Risikoeier (Drift) godkjenner restrisiko"
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=20",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": _SIKKERHET + " / Team Risiko og etterlevelse",
        "owner_person": "Elise Moen",
        "chain": "Infrastruktur",
        "link": None,
        "likelihood": 2,
        "consequence": 4,
        "effort": "M",
        "framework_ref": "ISO 27001 8.2",
        "tags": ["ROS", "årshjul"],
    },
    {
        "title": "ROS-analyse: Medisindispenser",
        "description": (
            "Årlig oppdatering av ROS-analysen for medisindispenseren, sammen med "
            "hjemmetjenesten og leverandøren. Ta med erfaringer fra avvik og varsler siste år, "
            "endringer hos MedRobot og underleverandører, og funn fra tilsyn.\n"
            "\n"
            "Risikoeier i hjemmetjenesten godkjenner restrisiko og tiltaksplan."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": "Per Inge Rønning",
        "chain": "Medisindispenser",
        "link": None,
        "likelihood": 2,
        "consequence": 4,
        "effort": "M",
        "framework_ref": "ISO 27001 8.2",
        "tags": ["ROS", "helse", "årshjul"],
    },
    {
        "title": "ROS-analyse: Microsoft 365",
        "description": (
            "Årlig ROS-gjennomgang av Microsoft 365: nye tjenester og funksjoner Microsoft har "
            "slått på, endringer i databehandleravtalen og EU Data Boundary, ekstern deling "
            "og sikkerhetskopi."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=4",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": _PLATTFORM + " / Team Samhandling",
        "owner_person": "Eirik Sæther",
        "chain": "Microsoft 365",
        "link": None,
        "likelihood": 2,
        "consequence": 3,
        "effort": "M",
        "framework_ref": "ISO 27001 8.2",
        "tags": ["ROS", "årshjul"],
    },
    {
        "title": "ROS-analyse: TT-kort søknad",
        "description": (
            "Årlig gjennomgang av ROS-analysen for TT-kort søknad før høstens søknadstopp. "
            "Målnivå 2: kontroller at rutinene er dokumentert og fulgt."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=15",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": "Sindre Holm",
        "chain": "TT-kort søknad",
        "link": None,
        "likelihood": 2,
        "consequence": 3,
        "effort": "S",
        "framework_ref": "GDPR art. 32",
        "tags": ["ROS", "personvern", "årshjul"],
    },
    {
        "title": "Tilgangsgjennomgang: privilegerte roller i Entra ID",
        "description": (
            "Kvartalsvis gjennomgang av hvem som har Global Administrator og andre "
            "privilegerte roller, PIM-aktiveringer og nødkontoer. Fjern det som ikke trengs, "
            "og dokumenter gjennomgangen."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=15",
        "starts_on": "2026-01-01",
        "lead_days": 14,
        "overdue": "skip",
        "owner_unit": _PLATTFORM + " / Team Identitet",
        "owner_person": "Thomas Nygård",
        "chain": "Microsoft 365",
        "link": "Entra ID",
        "likelihood": 3,
        "consequence": 5,
        "effort": "S",
        "framework_ref": "ISO 27002 5.18",
        "tags": ["tilgangsstyring", "årshjul"],
    },
    {
        "title": "Tilgangsgjennomgang: EPJ Omsorgsjournal",
        "description": (
            "Kvartalsvis kontroll av at ansatte i hjemmetjenesten bare har tilgang til "
            "journalene de trenger, og at sluttede og omplasserte er fjernet. Ta stikkprøver "
            "i tilgangsloggen."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=2,5,8,11;BYMONTHDAY=1",
        "starts_on": "2026-01-01",
        "lead_days": 14,
        "overdue": "skip",
        "owner_unit": "Eksempel kommune / Helseetaten / Fagsystemforvaltning",
        "owner_person": "Rune Bakke",
        "chain": "Medisindispenser",
        "link": "EPJ Omsorgsjournal",
        "likelihood": 3,
        "consequence": 4,
        "effort": "S",
        "framework_ref": "Normen faktaark 15",
        "tags": ["tilgangsstyring", "helse", "årshjul"],
    },
    {
        "title": "Tilgangsgjennomgang: saksbehandlingssystem for TT",
        "description": (
            "Kvartalsvis gjennomgang av saksbehandlertilganger og roller i "
            "saksbehandlingssystemet for TT-kort."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10",
        "starts_on": "2026-01-01",
        "lead_days": 14,
        "overdue": "skip",
        "owner_unit": "Eksempel kommune / Bymiljøetaten / TT-tjenesten",
        "owner_person": "Sindre Holm",
        "chain": "TT-kort søknad",
        "link": "Saksbehandlingssystem TT",
        "likelihood": 2,
        "consequence": 3,
        "effort": "XS",
        "framework_ref": "ISO 27002 5.18",
        "tags": ["tilgangsstyring", "årshjul"],
    },
    {
        "title": "Leverandørvurdering: MedRobot AB",
        "description": (
            "Årlig revurdering av MedRobot AB og underleverandørene (Skyhelse Nordic, "
            "Textwave Inc.): sikkerhetsrapporter (ISAE 3000/SOC 2), avvik, endringer i "
            "underleverandører og overføringsgrunnlag."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": "Eksempel kommune / Helseetaten / Hjemmetjenesten / Team Velferdsteknologi",
        "owner_person": "Per Inge Rønning",
        "chain": "Medisindispenser",
        "link": "MedRobot skyplattform",
        "likelihood": 3,
        "consequence": 4,
        "effort": "M",
        "framework_ref": "ISO 27002 5.22",
        "tags": ["leverandør", "årshjul"],
    },
    {
        "title": "Leverandørvurdering: Backupsky AS",
        "description": (
            "Årlig revurdering av leverandøren av sikkerhetskopi for Microsoft 365: "
            "revisjonsrapport, gjenopprettingstider i avtalen og hvor kopiene lagres."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": _DRIFT + " / Team Server og lagring",
        "owner_person": "Mona Strand",
        "chain": "Microsoft 365",
        "link": "M365-backup (Backupsky AS)",
        "likelihood": 2,
        "consequence": 4,
        "effort": "S",
        "framework_ref": "ISO 27002 5.22",
        "tags": ["leverandør", "årshjul"],
    },
    {
        "title": "Månedlig patching av servere",
        "description": (
            "Rull ut månedens sikkerhetsoppdateringer etter Microsofts Patch Tuesday: test, "
            "produksjon innen 14 dager, kritiske sårbarheter som utnyttes aktivt straks. "
            "Rapporter servere som står igjen."
        ),
        "rrule": "FREQ=MONTHLY;BYDAY=2TU",
        "starts_on": "2026-01-01",
        "lead_days": 7,
        "overdue": "skip",
        "owner_unit": _DRIFT + " / Team Server og lagring",
        "owner_person": "Mona Strand",
        "chain": "Infrastruktur",
        "link": "Serverplattform",
        "likelihood": 4,
        "consequence": 4,
        "effort": "S",
        "framework_ref": "CIS 7.3",
        "tags": ["sårbarhetshåndtering", "årshjul"],
    },
    {
        "title": "Månedlig sårbarhetsskanning",
        "description": (
            "Autentisert skanning av servere og nettverksutstyr, og ekstern skanning av "
            "kommunens internett-eksponerte tjenester. Nye funn over CVSS 7 legges som egne "
            "oppgaver."
        ),
        "rrule": "FREQ=MONTHLY;BYMONTHDAY=5",
        "starts_on": "2026-01-01",
        "lead_days": 7,
        "overdue": "skip",
        "owner_unit": _SIKKERHET + " / Team Sikkerhetsovervåking",
        "owner_person": "Fatima Rahimi",
        "chain": "Infrastruktur",
        "link": None,
        "likelihood": 3,
        "consequence": 3,
        "effort": "S",
        "framework_ref": "CIS 7.5",
        "tags": ["sårbarhetshåndtering", "årshjul"],
    },
    {
        "title": "Gjenopprettingstest av sikkerhetskopi",
        "description": (
            "Halvårlig test: gjenopprett en virtuell server og en database fra kopi til et "
            "isolert nett, mål tiden mot kravet (RTO), og kontroller at den uforanderlige "
            "kopien ikke kan slettes med driftskontoer."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=12",
        "starts_on": "2026-01-01",
        "lead_days": 21,
        "overdue": "skip",
        "owner_unit": _DRIFT + " / Team Server og lagring",
        "owner_person": "Mona Strand",
        "chain": "Infrastruktur",
        "link": "Sikkerhetskopiering",
        # A routine test of copies that exist (the score stays under the policy's 30: the
        # example's lead records the past tests as done without a verification).
        "likelihood": 2,
        "consequence": 5,
        "effort": "M",
        "framework_ref": "ISO 27002 8.13",
        "tags": ["beredskap", "årshjul"],
    },
    {
        "title": "Sikkerhetsmåneden: opplæring og bevissthet",
        "description": (
            "Oktober er NSMs nasjonale sikkerhetsmåned. Kjør e-læringen for alle ansatte, "
            "phishing-øvelse og lunsjforedrag; mål deltakelse per etat."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1",
        "starts_on": "2026-01-01",
        "lead_days": 45,
        "overdue": "create",
        "owner_unit": _SIKKERHET + " / Team Risiko og etterlevelse",
        "owner_person": "Elise Moen",
        "chain": "Microsoft 365",
        "link": "Exchange Online",
        "likelihood": 3,
        "consequence": 3,
        "effort": "M",
        "framework_ref": "ISO 27002 6.3",
        "tags": ["opplæring", "årshjul"],
    },
    {
        "title": "Hendelsesøvelse: løsepengevirus",
        "description": (
            "Årlig skrivebordsøvelse med kriseledelsen, IT og hjemmetjenesten: kryptert "
            "fagsystem og lekkasjetrussel. Øv varsling til NSM, Datatilsynet (72 timer) og "
            "politiet, og lag tiltak av erfaringene."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=2;BYDAY=2WE",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": _SIKKERHET + " / Team Sikkerhetsovervåking",
        "owner_person": "Jonas Aamodt",
        "chain": "Infrastruktur",
        "link": "Sikkerhetskopiering",
        "likelihood": 2,
        "consequence": 5,
        "effort": "L",
        "framework_ref": "ISO 27002 5.24",
        "tags": ["beredskap", "øvelse", "årshjul"],
    },
    {
        "title": "Ledelsens gjennomgang av informasjonssikkerheten",
        "description": (
            "Årlig gjennomgang for kommunedirektørens ledergruppe: status for tiltak, "
            "avvik og hendelser, måloppnåelse for modenhet per kjede, resultater fra "
            "internkontroll og behov for endringer og ressurser."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1",
        "starts_on": "2026-01-01",
        "lead_days": 30,
        "overdue": "create",
        "owner_unit": _SIKKERHET + " / Team Risiko og etterlevelse",
        "owner_person": "Elise Moen",
        "chain": None,
        "link": None,
        "likelihood": 2,
        "consequence": 4,
        "effort": "M",
        "framework_ref": "ISO 27001 9.3",
        "tags": ["styring", "årshjul"],
    },
    {
        "title": "Gjennomgang av behandlingsprotokollen",
        "description": (
            "Årlig gjennomgang av protokollen sammen med personvernombudet: nye og endrede "
            "behandlinger, lagringstid, mottakere og databehandlere."
        ),
        "rrule": "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15",
        "starts_on": "2026-01-01",
        "lead_days": 21,
        "overdue": "create",
        "owner_unit": "Eksempel kommune / Velferdsetaten / Digitalisering",
        "owner_person": "Hanne Torp",
        "chain": None,
        "link": None,
        "likelihood": 2,
        "consequence": 3,
        "effort": "S",
        "framework_ref": "GDPR art. 30",
        "tags": ["personvern", "årshjul"],
    },
]


#: Risk cases: IT's recommendation and the risk owner's decision (days relative to loading).
RISK_CASES: list[dict[str, Any]] = [
    {
        "item": "Virusskanning av vedlegg i søknadsskjemaet",
        "recommendation": "reduce",
        "recommended_by": "Henrik Dahl",
        "recommendation_note": "Skjemaløsningen kan sende vedlegg via skanning i "
                               "integrasjonsplattformen; ca. 3 dagers arbeid.",
        "decision": "accept",
        "decided_by": "Camilla Berg",
        "rationale": "Vedlegg åpnes bare i sandkasse hos saksbehandler, og skjemaløsningen "
                     "byttes høsten 2027. Vurderes på nytt da.",
        "valid_days": 75,
        "decided_days_ago": 12,
    },
    {
        "item": "Databehandleravtale og exit-plan for Backupsky AS",
        "recommendation": "accept",
        "recommended_by": "Henrik Dahl",
        "recommendation_note": "Avtalen fornyes i januar; exit-planen lages da.",
        "decision": "accept",
        "decided_by": "Lars Haugen",
        "rationale": "Gjeldende avtale dekker behandlingen til fornyelsen; exit-plan er del "
                     "av fornyelsen.",
        "valid_days": 21,
        "decided_days_ago": 40,
    },
    {
        "item": "Egen nettverkssone for skrivere og IoT",
        "recommendation": "reduce",
        "recommended_by": "Henrik Dahl",
        "recommendation_note": "Skriverne står i klientnettet; en egen sone stopper "
                               "spredning fra en kompromittert skriver.",
    },
]


#: The week since last week's standup (held 7 days before the example is loaded): how
#: some items stood at that standup (``was``: their fields then; ITEMS says how they stand
#: now), how many days ago they changed, and what was said about it. With these the first
#: standup on the example has something to show under "changed since the last standup".
#: Items in ITEMS younger than a week were added since that standup.
LAST_WEEK: list[dict[str, Any]] = [
    {
        "item": "Conditional Access: blokkere eldre autentisering",
        "was": {"status": "doing"},
        "days_ago": 4,
        "comment": ("Thomas Nygård", "Pilot i to etater uten feil; klar for kontroll."),
    },
    {
        "item": "Fjerne helseopplysninger fra SMS-varsler",
        "was": {"status": "next"},
        "days_ago": 5,
        "comment": ("Per Inge Rønning", "Startet: maler gjennomgås med Textwave."),
    },
    {
        "item": "Phishing-øvelse for alle ansatte",
        "was": {"status": "doing"},
        "days_ago": 2,
        "comment": ("Fatima Rahimi", "Øvelsen er gjennomført; 11 % klikket, rapporten er "
                                     "sendt ledergruppen."),
    },
    {
        "item": "Sikker filoverføring til kortleverandøren",
        "was": {"blocked_reason": ""},
        "days_ago": 3,
        "comment": ("Henrik Dahl", "Testoverføringen feilet: leverandøren har ikke åpnet "
                                   "for vår IP-adresse."),
    },
    {
        "item": "Uforanderlig sikkerhetskopi (immutable backup)",
        "was": {"blocked_reason": "Venter på lisens for objektlås i backupløsningen"},
        "days_ago": 2,
        "comment": ("Mona Strand", "Lisensen er på plass; objektlås slås på for de "
                                   "kritiske systemene først."),
    },
    {
        "item": "Phishing-resistent MFA for administratorer",
        "was": {"owner_unit": "Eksempel kommune / Utviklings- og kompetanseetaten / Plattform",
                "owner_person": None},
        "days_ago": 6,
        "comment": ("Ingrid Haugland", "Delegert til Team Identitet, som eier Entra ID."),
    },
    {
        "item": "Ekstern deling avslått som standard",
        "was": {"likelihood": 3},
        "days_ago": 3,
        "comment": ("Eirik Sæther", "En mappe med elevdata var delt med «alle med lenken»: "
                                    "sannsynligheten er høyere enn vi trodde."),
    },
]
