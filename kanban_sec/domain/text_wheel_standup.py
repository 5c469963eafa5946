"""The catalogue's messages of the annual wheel and the weekly standup, in Norwegian and
English: part of the one catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

WHEEL_AND_STANDUP: dict[str, tuple[str, str]] = {
    # annual wheel
    "wheel.bad_rule": (
        "«{rule}» er ikke en gyldig gjentakelsesregel: {problem}. Skriv en "
        "RRULE etter RFC 5545, f.eks. FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
        "“{rule}” is not a valid repeat rule: {problem}. Write an RFC 5545 "
        "RRULE, e.g. FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1",
    ),
    "wheel.bad_words": (
        "Skjønner ikke «{phrase}»: {problem}. Skriv f.eks. «andre tirsdag i "
        "hver måned», «hvert år 1. mars», «hvert kvartal» eller en RRULE som "
        "FREQ=MONTHLY;BYDAY=2TU",
        "Cannot read “{phrase}”: {problem}. Write e.g. “second Tuesday of "
        "every month”, “every year on 1 March”, “every quarter” or an RRULE "
        "such as FREQ=MONTHLY;BYDAY=2TU",
    ),
    "wheel.words_empty": ("det står ingenting", "it is empty"),
    "wheel.words_unknown": ("«{word}» passer ikke inn her", "“{word}” does not fit here"),
    "wheel.words_twice": ("det sier to ganger hvor ofte", "it says twice how often"),
    "wheel.words_nth": (
        "«{word}» er ikke en ukedag i måneden som kan telles (første til femte, "
        "siste eller nest siste)",
        "“{word}” is not a weekday of the month that can be counted (first to "
        "fifth, last or second-last)",
    ),
    "wheel.words_monthday": (
        "«{word}» er ikke en dag i måneden (1–31)",
        "“{word}” is not a day of the month (1–31)",
    ),
    "wheel.words_until": (
        "datoen etter «til» mangler år eller finnes ikke (skriv f.eks. "
        "31. desember 2027 eller 2027-12-31)",
        "the date after “until” has no year or does not exist (write e.g. "
        "31 December 2027 or 2027-12-31)",
    ),
    "wheel.words_end_twice": ("det sier to ganger når det slutter", "it says twice when it ends"),
    "wheel.words_mixed": (
        "det blander nummererte ukedager (andre tirsdag) og alle ukedager (hver mandag)",
        "it mixes numbered weekdays (second Tuesday) and plain weekdays (every Monday)",
    ),
    "wheel.words_dates": (
        "datoene har ikke samme dag i måneden; lag én aktivitet per dato",
        "the dates do not share a day of the month; make one activity per date",
    ),
    "wheel.words_count": ("antall ganger må være 1–{high}", "the number of times must be 1–{high}"),
    "wheel.words_no_often": (
        "det sier ikke hvor ofte (f.eks. hver måned)",
        "it does not say how often (e.g. every month)",
    ),
    "wheel.words_together": (
        "disse delene kan ikke stå sammen i én regel",
        "these parts cannot make one rule together",
    ),
    "wheel.rule_empty": ("regelen er tom", "the rule is empty"),
    "wheel.rule_one_line": ("regelen må stå på én linje", "the rule must be on one line"),
    "wheel.rule_part": ("«{part}» er ikke på formen NAVN=VERDI", "“{part}” is not NAME=VALUE"),
    "wheel.rule_unknown": ("{part} hører ikke hjemme i en RRULE", "{part} is not part of an RRULE"),
    "wheel.rule_twice": ("{part} står to ganger", "{part} is given twice"),
    "wheel.rule_value": (
        "{part}={value} er ikke en gyldig verdi",
        "{part}={value} is not a valid value",
    ),
    "wheel.rule_times": (
        "årshjulet teller dager, ikke klokkeslett: bruk FREQ=DAILY, WEEKLY, "
        "MONTHLY eller YEARLY uten BYHOUR, BYMINUTE og BYSECOND",
        "the wheel counts days, not times of day: use FREQ=DAILY, WEEKLY, "
        "MONTHLY or YEARLY without BYHOUR, BYMINUTE and BYSECOND",
    ),
    "wheel.rule_freq": (
        "FREQ mangler eller er ukjent (bruk DAILY, WEEKLY, MONTHLY eller YEARLY)",
        "FREQ is missing or unknown (use DAILY, WEEKLY, MONTHLY or YEARLY)",
    ),
    "wheel.rule_count_until": (
        "COUNT og UNTIL kan ikke brukes sammen; velg én av dem",
        "COUNT and UNTIL cannot be used together; choose one",
    ),
    "wheel.rule_not_with": (
        "{part} kan ikke brukes med FREQ={freq}",
        "{part} cannot be used with FREQ={freq}",
    ),
    "wheel.rule_not_understood": ("regelen lar seg ikke tolke", "the rule cannot be read"),
    "wheel.rule_never": (
        "den faller aldri på en dag i de {years} årene fra {start}",
        "it never falls on a day in the {years} years from {start}",
    ),
    "wheel.bad_lead": (
        "varsel i forkant må være 0–366 dager, ikke «{value}»",
        "the lead time must be 0–366 days, not “{value}”",
    ),
    "wheel.bad_overdue": (
        "«{value}» er ikke et valg for glemte forekomster (bruk create eller skip)",
        "“{value}” is not a choice for missed occurrences (use create or skip)",
    ),
    "wheel.not_found": (
        "fant ingen aktivitet i årshjulet med id eller tittel «{id}» (se "
        "`kanban-sec wheel activities`)",
        "no activity of the annual wheel has the id or title “{id}” (see "
        "`kanban-sec wheel activities`)",
    ),
    "wheel.rule_required": (
        'si hvor ofte med --rule, f.eks. --rule "andre tirsdag i hver '
        'måned" eller --rule FREQ=MONTHLY;BYDAY=2TU',
        'say how often with --rule, e.g. --rule "second Tuesday of '
        'every month" or --rule FREQ=MONTHLY;BYDAY=2TU',
    ),
    "wheel.link_needs_chain": (
        "leddet «{link}» trenger en kjede: gi også chain=KJEDE",
        "the link “{link}” needs a chain: give chain=CHAIN too",
    ),
    "wheel.ambiguous": (
        "«{id}» passer på {count} aktiviteter i årshjulet; skriv mer av id-en",
        "“{id}” matches {count} activities of the annual wheel; give more of the id",
    ),
    "wheel.bad_year": (
        "«{value}» er ikke et år årshjulet kan vise (bruk {low}–{high})",
        "“{value}” is not a year the annual wheel can show (use {low}–{high})",
    ),
    "wheel.skipped_activity": (
        "aktiviteten «{title}» i årshjulet ble hoppet over: {problem}",
        "the annual-wheel activity “{title}” was passed over: {problem}",
    ),
    "wheel.item_note": (
        "Fra årshjulet: «{activity}», forekomst {occurrence}.",
        "From the annual wheel: “{activity}”, occurrence {occurrence}.",
    ),
    "wheel.keep_not_done": (
        "«{title}» er ikke ferdig ennå; gjør den ferdig før den legges i "
        "årshjulet for å holdes ved like",
        "“{title}” is not done yet; finish it before putting it on the "
        "annual wheel to keep it there",
    ),
    "wheel.keep_no_link": (
        "«{title}» hører ikke til et ledd i en kjede, så det finnes ikke noe "
        "modenhetsnivå å holde ved like; knytt den til leddet den forbedret",
        "“{title}” is not on a link of a chain, so there is no maturity to "
        "keep; put it on the link it improved",
    ),
    "wheel.keep_below_target": (
        "{chain} › {link} har modenhet {maturity}/{target}, så målet er "
        "ikke nådd. Sikkerhet blir aldri ferdig, men leddet må nå målet "
        "før det kan holdes der: fortsett forbedringen først",
        "{chain} › {link} has maturity {maturity}/{target}, so the "
        "target is not reached. Security is never done, but the link "
        "must reach its target before it can be kept there: keep "
        "improving it first",
    ),
    "wheel.keep_exists": (
        "«{title}» holdes allerede ved like av aktiviteten «{activity}» i årshjulet",
        "“{title}” is already kept there by the annual-wheel activity “{activity}”",
    ),
    "wheel.keep_note": (
        "Holder {chain} › {link} på målet {target}/3 (fra oppgaven «{title}»).",
        "Keeps {chain} › {link} at its target {target}/3 (from the item “{title}”).",
    ),
    "wheel.heading": ("Årshjul {year}", "Annual wheel {year}"),
    "wheel.col_date": ("dato", "date"),
    "wheel.col_activity": ("aktivitet", "activity"),
    "wheel.col_owner": ("eier", "owner"),
    "wheel.col_status": ("status", "status"),
    "wheel.col_item": ("oppgave", "item"),
    "wheel.col_id": ("id", "id"),
    "wheel.col_when": ("når", "when"),
    "wheel.col_chain": ("kjede › ledd", "chain › link"),
    "wheel.col_lc": ("S×K", "L×C"),
    "wheel.col_state": ("status", "state"),
    "wheel.state_in_use": ("i bruk", "in use"),
    "wheel.state_retired": ("avsluttet", "retired"),
    "wheel.added": (
        "la til {id} «{title}» i årshjulet: {when}",
        "added {id} “{title}” to the annual wheel: {when}",
    ),
    "wheel.edited": ("endret {id} «{title}»: {when}", "changed {id} “{title}”: {when}"),
    "wheel.unchanged": (
        "{id} «{title}» var allerede slik: {when}",
        "{id} “{title}” was already so: {when}",
    ),
    "wheel.retired": (
        "avsluttet {id} «{title}»: lager ingen nye oppgaver; historikken og oppgavene blir stående",
        "retired {id} “{title}”: it makes no more items; its history and items stay",
    ),
    "wheel.reinstated": (
        "{id} «{title}» er i bruk igjen: {when}",
        "{id} “{title}” is in use again: {when}",
    ),
    "wheel.planned": ("planlagt", "planned"),
    "wheel.overdue": ("forfalt", "overdue"),
    "wheel.skipped": ("hoppet over", "skipped"),
    "wheel.empty": (
        "Årshjulet har ingen aktiviteter i {year}.",
        "The annual wheel has no activities in {year}.",
    ),
    "wheel.summary": (
        "{count} forekomster i {year} · {overdue} forfalt",
        "{count} occurrences in {year} · {overdue} overdue",
    ),
    "wheel.generated": (
        "opprettet {count} oppgaver fra årshjulet (forfalt per {today})",
        "created {count} items from the annual wheel (due as of {today})",
    ),
    "wheel.ics_written": (
        "skrev {count} gjentakende aktiviteter fra {year} til {path}",
        "wrote {count} recurring activities from {year} on to {path}",
    ),
    "wheel.ics_owner": ("Eier: {owner}", "Owner: {owner}"),
    "wheel.ics_chain": ("Kjede: {chain}", "Chain: {chain}"),
    "wheel.ics_ref": ("Rammeverk: {ref}", "Framework: {ref}"),
    "wheel.month.1": ("Januar", "January"),
    "wheel.month.2": ("Februar", "February"),
    "wheel.month.3": ("Mars", "March"),
    "wheel.month.4": ("April", "April"),
    "wheel.month.5": ("Mai", "May"),
    "wheel.month.6": ("Juni", "June"),
    "wheel.month.7": ("Juli", "July"),
    "wheel.month.8": ("August", "August"),
    "wheel.month.9": ("September", "September"),
    "wheel.month.10": ("Oktober", "October"),
    "wheel.month.11": ("November", "November"),
    "wheel.month.12": ("Desember", "December"),
    # standup
    "standup.not_found": ("fant ingen standup med id «{id}»", "no standup has the id “{id}”"),
    "standup.running": (
        "standupen fra {date} pågår fortsatt; avslutt den før en ny startes",
        "the standup of {date} is still running; end it before starting a new one",
    ),
    "standup.ended": (
        "standupen fra {date} er avsluttet; notater og beslutninger kan ikke legges til etterpå",
        "the standup of {date} has ended; notes and decisions cannot be added afterwards",
    ),
    "standup.note_empty": (
        "notatet er tomt; skriv hva som ble sagt eller besluttet",
        "the note is empty; write what was said or decided",
    ),
    "standup.comment_decision": (
        "Beslutning i standup {date}: {body}",
        "Decision at the standup {date}: {body}",
    ),
    "standup.comment_note": (
        "Notat fra standup {date}: {body}",
        "Note from the standup {date}: {body}",
    ),
    "standup.title": ("Standup {date}", "Standup {date}"),
    "standup.report_title": ("Standuprapport", "Standup report"),
    "standup.period_standup": (
        "Endringer siden standupen {date} ({since}) til {until}",
        "Changes since the standup of {date} ({since}) to {until}",
    ),
    "standup.period": ("Endringer fra {since} til {until}", "Changes from {since} to {until}"),
    "standup.facilitator": ("Ledet av: {name}", "Facilitator: {name}"),
    "standup.attendees": ("Til stede: {names}", "Attendees: {names}"),
    "standup.lowest_level": (
        "{count} av {total} åpne oppgaver ({share}) eies på laveste nivå",
        "{count} of {total} open items ({share}) are owned at the lowest level",
    ),
    "standup.changes": ("Endret siden forrige standup", "Changed since the last standup"),
    "standup.kind.new": ("Nye", "New"),
    "standup.kind.moved": ("Flyttet", "Moved"),
    "standup.kind.done": ("Ferdige", "Done"),
    "standup.kind.blocked": ("Blokkert", "Blocked"),
    "standup.kind.unblocked": ("Ikke lenger blokkert", "Unblocked"),
    "standup.kind.reranked_up": ("Rangert opp", "Ranked up"),
    "standup.kind.reranked_down": ("Rangert ned", "Ranked down"),
    "standup.kind.owner": ("Ny eier", "Owner changed"),
    "standup.kind.removed": ("Fjernet fra tavlen", "Removed from the board"),
    "standup.aging": ("Står lenge i kolonnen", "Aging in their column"),
    "standup.blocked": ("Blokkerte oppgaver", "Blocked items"),
    "standup.wip": ("Over WIP-grensen", "Over the WIP limit"),
    "standup.delegable": ("Kan delegeres", "Can be delegated"),
    "standup.risk": ("Risikobeslutninger som snart utløper", "Risk decisions expiring soon"),
    "standup.notes": ("Notater og beslutninger", "Notes and decisions"),
    "standup.none": ("Ingen.", "None."),
    "standup.confidential": ("(konfidensiell oppgave)", "(confidential item)"),
    "standup.hidden": ("(skjult)", "(hidden)"),
    "standup.hard": ("hard", "hard"),
    "standup.soft": ("myk", "soft"),
    "standup.note": ("Notat", "Note"),
    "standup.decision": ("Beslutning", "Decision"),
    "standup.col.item": ("Oppgave", "Item"),
    "standup.col.column": ("Kolonne", "Column"),
    "standup.col.owner": ("Eier", "Owner"),
    "standup.col.by": ("Av", "By"),
    "standup.col.when": ("Når", "When"),
    "standup.col.from": ("Fra", "From"),
    "standup.col.to": ("Til", "To"),
    "standup.col.reason": ("Årsak", "Reason"),
    "standup.col.rank": ("Rang", "Rank"),
    "standup.col.places": ("Plasser", "Places"),
    "standup.col.since": ("Siden", "Since"),
    "standup.col.days": ("Dager", "Days"),
    "standup.col.limit": ("Grense (dager)", "Limit (days)"),
    "standup.col.count": ("Oppgaver / grense", "Items / limit"),
    "standup.col.suggestion": ("Forslag", "Suggestion"),
    "standup.col.until": ("Gyldig til", "Valid until"),
    "standup.col.kind": ("Type", "Kind"),
    "standup.col.text": ("Tekst", "Text"),
    "standup.pdf_needs_output": (
        "PDF skrives til en fil: oppgi den med -o FIL",
        "a PDF is written to a file: name it with -o FILE",
    ),
    "standup.pdf_unavailable": (
        "kan ikke lage PDF her ({reason}); bruk --format html og skriv ut fra nettleseren",
        "cannot make a PDF here ({reason}); use --format html and print it from a browser",
    ),
    "standup.cannot_write": ("kan ikke skrive {path}: {reason}", "cannot write {path}: {reason}"),
    "standup.written": ("skrev standuprapporten til {path}", "wrote the standup report to {path}"),
}
