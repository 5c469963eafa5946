"""The catalogue's messages of ROS analysis reports (Markdown, HTML, PDF), the risks CSV
and the data flows CSV, in Norwegian and English: part of the one catalogue of
:mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_REPORT: dict[str, tuple[str, str]] = {
    # the report
    "rosreport.title": ("ROS-analyse: {chain}", "ROS analysis: {chain}"),
    "rosreport.none": ("Ingen.", "None."),
    "rosreport.chain": ("Tjeneste (verdikjede)", "Service (value chain)"),
    "rosreport.risk_owner": ("Risikoeier", "Risk owner"),
    "rosreport.target": ("Målmodenhet", "Target maturity"),
    "rosreport.made": ("Rapporten er laget", "Report made"),
    "rosreport.analysis": ("Analysen", "The analysis"),
    "rosreport.no_analysis": (
        "Kjeden har ingen registrert ROS-analyse ennå; rapporten viser risikoene slik de står "
        "nå, med tavlens matrise.",
        "The chain has no recorded ROS analysis yet; the report shows the risks as they stand, "
        "with the board's matrix.",
    ),
    "rosreport.held_on": ("Dato", "Date"),
    "rosreport.participants": ("Deltakere", "Participants"),
    "rosreport.risks_assessed": ("Risikoer vurdert", "Risks assessed"),
    "rosreport.risks_of": ("{count} av {total}", "{count} of {total}"),
    "rosreport.decisions": ("Beslutninger", "Decisions"),
    "rosreport.notes": ("Notater", "Notes"),
    "rosreport.wheel": ("Årshjulets forekomst", "Annual wheel occurrence"),
    "rosreport.analyses": ("Analyser av kjeden i alt", "Analyses of the chain in all"),
    "rosreport.values": ("Informasjonsverdier", "Information values"),
    "rosreport.links": ("Ledd", "Links"),
    "rosreport.weakest": ("svakeste ledd", "weakest link"),
    "rosreport.flows": ("Dataflyter", "Data flows"),
    "rosreport.matrix": ("ROS-matrisen", "The ROS matrix"),
    "rosreport.matrix_corner": ("Sannsynlighet ↓ / konsekvens →", "Likelihood ↓ / consequence →"),
    "rosreport.matrix_legend": (
        "Hver risiko står i cellen for sin nåværende vurdering (uthevet); i parentes der den "
        "startet (opprinnelig risiko), når den har flyttet seg.",
        "Each risk stands in the cell of its current assessment (bold); in brackets where it "
        "started (inherent risk), when it has moved.",
    ),
    "rosreport.matrix_unassessed": (
        "Ikke fullt vurdert (i ingen celle): {count}",
        "Not fully assessed (in no cell): {count}",
    ),
    "rosreport.frozen": (
        "Matrisen, sonene og skalaordene er de analysen {day} brukte.",
        "The matrix, its bands and the scale words are those the analysis of {day} used.",
    ),
    "rosreport.register": ("Risikoregister", "Risk register"),
    "rosreport.link": ("Ledd", "Link"),
    "rosreport.details": ("Risikoene i detalj", "The risks in detail"),
    "rosreport.values_at_stake": ("Verdier som står på spill", "Values at stake"),
    "rosreport.likelihood": ("Sannsynlighet (IT)", "Likelihood (IT)"),
    "rosreport.consequence": ("Konsekvens (virksomheten)", "Consequence (the business)"),
    "rosreport.current": ("Nåværende risiko", "Current risk"),
    "rosreport.inherent": ("Opprinnelig risiko", "Inherent risk"),
    "rosreport.target_risk": ("Målrisiko", "Target risk"),
    "rosreport.band": ("Sone", "Band"),
    "rosreport.treatment": ("Behandling", "Treatment"),
    "rosreport.measures": ("Tiltak", "Measures"),
    "rosreport.attention": ("Obs", "Attention"),
    "rosreport.by_at": ("{who}, {when}", "{who}, {when}"),
    "rosreport.knowledge": ("kunnskapsstyrke {strength}", "strength of knowledge {strength}"),
    "rosreport.note": ("«{note}»", "“{note}”"),
    "rosreport.valid_until": ("gjelder til {day}", "valid until {day}"),
    "rosreport.rationale": ("begrunnelse: {text}", "rationale: {text}"),
    "rosreport.expired": ("akseptansen er utløpt", "the acceptance has expired"),
    "rosreport.reassess_why": (
        "et tiltak er ferdig siden siste vurdering: vurder på nytt",
        "a measure was finished since the last assessment: re-assess",
    ),
    "rosreport.col.what": ("Felt", "Field"),
    "rosreport.col.value": ("Verdi", "Value"),
    "rosreport.col.information": ("Informasjon", "Information"),
    "rosreport.col.confidentiality": ("K", "C"),
    "rosreport.col.integrity": ("I", "I"),
    "rosreport.col.availability": ("T", "A"),
    "rosreport.col.set_by": ("Satt av", "Set by"),
    "rosreport.col.notes": ("Notater", "Notes"),
    "rosreport.col.link": ("Ledd", "Link"),
    "rosreport.col.kind": ("Type", "Kind"),
    "rosreport.col.country": ("Land", "Country"),
    "rosreport.col.run_by": ("Driftes av", "Run by"),
    "rosreport.col.unit": ("Ansvarlig enhet", "Responsible unit"),
    "rosreport.col.maturity": ("Modenhet", "Maturity"),
    "rosreport.col.number": ("Nr.", "No."),
    "rosreport.col.data": ("Hvilke data", "What data"),
    "rosreport.col.from": ("Fra", "From"),
    "rosreport.col.to": ("Til", "To"),
    "rosreport.col.risk": ("Risiko", "Risk"),
    "rosreport.col.current": ("Nå (S × K)", "Now (L × C)"),
    "rosreport.col.inherent": ("Opprinnelig", "Inherent"),
    "rosreport.col.target": ("Mål", "Target"),
    "rosreport.col.band": ("Sone", "Band"),
    "rosreport.col.treatment": ("Behandling", "Treatment"),
    "rosreport.analysis_unknown": (
        "{chain} har ingen ROS-analyse «{id}» (oppgi starten eller slutten av id-en, minst 4 tegn)",
        "{chain} has no ROS analysis “{id}” (give the start or end of its id, at least 4 "
        "characters)",
    ),
    "rosreport.analysis_ambiguous": (
        "«{id}» passer til {count} ROS-analyser; oppgi flere tegn (slutten av id-en skiller dem)",
        "“{id}” matches {count} ROS analyses; give more characters (the end of the id tells "
        "them apart)",
    ),
    # the command line
    "rosreport.written": ("skrev {path}", "wrote {path}"),
    "rosreport.pdf_needs_output": (
        "en PDF må skrives til en fil: oppgi -o FIL",
        "a PDF must be written to a file: give -o FILE",
    ),
    "rosreport.flows_exported": (
        "skrev {count} dataflyter til {path}",
        "wrote {count} data flows to {path}",
    ),
    "rosreport.flows_imported": (
        "leste {path}: {created} nye, {updated} endret, {unchanged} uendret dataflyter",
        "read {path}: {created} new, {updated} changed, {unchanged} unchanged data flows",
    ),
    "rosreport.flows_dry_run": (
        "prøvelesing av {path} (ingenting er lagret): {created} nye, {updated} endret, "
        "{unchanged} uendret dataflyter",
        "dry run of {path} (nothing saved): {created} new, {updated} changed, {unchanged} "
        "unchanged data flows",
    ),
    # the data flows file
    "rosreport.flow_columns": (
        "{path}: ingenting er importert; ukjente kolonner: {unknown}; mangler: {missing} "
        "(kolonnene er {columns})",
        "{path}: nothing was imported; unknown columns: {unknown}; missing: {missing} "
        "(the columns are {columns})",
    ),
    "rosreport.flow_number": (
        "nummeret må være et helt tall fra 1 til 999, ikke «{value}»",
        "the number must be a whole number from 1 to 999, not “{value}”",
    ),
    "rosreport.flow_number_twice": (
        "nummer {number} står også på linje {line}",
        "number {number} is also on line {line}",
    ),
    "rosreport.flow_link": (
        "kjeden har ikke noe ledd «{link}»",
        "the chain has no link “{link}”",
    ),
    "rosreport.flow_numbers_full": (
        "linje {line}: alle dataflytnumre opp til 999 er brukt",
        "line {line}: every data flow number up to 999 is taken",
    ),
    # the annual wheel's ROS duty
    "rosreport.duty_no_chain": (
        "ROS-plikten «{title}» i årshjulet har ingen kjede: ingen ROS-analyse ble åpnet for "
        "{occurrence}; velg tjenestens kjede for aktiviteten",
        "the annual wheel's ROS duty “{title}” has no chain: no ROS analysis was opened for "
        "{occurrence}; choose the service's chain for the activity",
    ),
}
