"""The catalogue's messages of the command line's ROS commands (ros, flow, decide --risk,
matrix), in Norwegian and English: part of the one catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_CLI: dict[str, tuple[str, str]] = {
    # ros value / values
    "roscli.valued": ("informasjonsverdi «{name}»: {cia}", "information value “{name}”: {cia}"),
    "roscli.no_values": (
        "Ingen informasjonsverdier ennå; legg til med `kanban-sec ros value`.",
        "No information values yet; add one with `kanban-sec ros value`.",
    ),
    "roscli.col.chain": ("Kjede", "Chain"),
    "roscli.col.value": ("Informasjon", "Information"),
    "roscli.col.set_by": ("Verdsatt av", "Valued by"),
    # ros likelihood / consequence
    "roscli.likelihood": ("sannsynlighet", "likelihood"),
    "roscli.consequence": ("konsekvens", "consequence"),
    "roscli.assessed": (
        "{subject}: {what} {value}; nå {now}",
        "{subject}: {what} {value}; now {now}",
    ),
    # ros list / show
    "roscli.no_risks": (
        "Ingen ROS-risikoer her; legg til med `kanban-sec ros add`.",
        "No ROS risks here; add one with `kanban-sec ros add`.",
    ),
    "roscli.link_unknown": (
        "ingen kjede har leddet «{name}»",
        "no chain has a link “{name}”",
    ),
    "roscli.link_ambiguous": (
        "flere kjeder har leddet «{name}» ({chains}); oppgi kjeden også",
        "several chains have a link “{name}” ({chains}); give the chain too",
    ),
    "roscli.bad_band": (
        "«{value}» er ikke et akseptfelt (bruk green, yellow eller red: grønn, gul, rød)",
        "“{value}” is not an acceptance band (use green, yellow or red)",
    ),
    "roscli.bad_treatment": (
        "«{value}» er ikke en behandling (bruk {choices})",
        "“{value}” is not a treatment (use {choices})",
    ),
    "roscli.col.risk": ("S × K", "L × C"),
    "roscli.col.where": ("Kjede › ledd", "Chain › link"),
    "roscli.col.band": ("Felt", "Band"),
    "roscli.col.title": ("Risiko", "Risk"),
    "roscli.col.assessed_by": ("Vurdert av (S / K)", "Assessed by (L / C)"),
    "roscli.col.treatment": ("Behandling", "Treatment"),
    "roscli.col.measures": ("Tiltak ferdig", "Measures done"),
    "roscli.until": ("til {day}", "until {day}"),
    "roscli.expired": ("utløpt", "expired"),
    "roscli.stale": ("gjelder ikke lenger (risikoen er endret)", "void (the risk changed)"),
    "roscli.by": ("{who}, {at}", "{who}, {at}"),
    "roscli.knowledge": ("kunnskapsstyrke {level}", "strength of knowledge {level}"),
    "roscli.no_measures": ("ingen tiltak på tavlen ennå", "no measures on the board yet"),
    "roscli.show.id": ("id", "id"),
    "roscli.show.title": ("tittel", "title"),
    "roscli.show.chain": ("kjede", "chain"),
    "roscli.show.link": ("ledd", "link"),
    "roscli.show.threat": ("trussel", "threat"),
    "roscli.show.vulnerability": ("sårbarhet", "vulnerability"),
    "roscli.show.existing_measures": ("eksisterende tiltak", "existing measures"),
    "roscli.show.values": ("verdier som står på spill", "values at stake"),
    "roscli.show.likelihood": ("sannsynlighet", "likelihood"),
    "roscli.show.consequence": ("konsekvens", "consequence"),
    "roscli.show.current": ("nåværende risiko", "current risk"),
    "roscli.show.inherent": ("opprinnelig risiko", "inherent risk"),
    "roscli.show.target": ("målrisiko", "target risk"),
    "roscli.show.treatment": ("behandling", "treatment"),
    "roscli.show.decided_by": ("besluttet av", "decided by"),
    "roscli.show.rationale": ("begrunnelse", "rationale"),
    "roscli.show.reassess": ("vurdering", "assessment"),
    "roscli.show.measures": ("Tiltak", "Measures"),
    "roscli.show.decisions": ("Beslutninger", "Decisions"),
    # ros edit / remove
    "roscli.changed": ("endret {subject}", "changed {subject}"),
    "roscli.removed": (
        "slettet {subject}; {measures} tiltak ligger fortsatt på tavlen, uten risiko",
        "removed {subject}; {measures} measures stay on the board, on no risk",
    ),
    # ros analyses
    "roscli.no_analyses": (
        "Ingen ROS-analyser ennå; registrer en med `kanban-sec ros analysis`.",
        "No ROS analyses yet; record one with `kanban-sec ros analysis`.",
    ),
    "roscli.col.held_on": ("Dato", "Held on"),
    "roscli.col.risks": ("Risikoer", "Risks"),
    "roscli.col.participants": ("Deltakere", "Participants"),
    # ros scale
    "roscli.scale_side": (
        "«{value}» er ikke en skala: bruk likelihood eller consequence (sannsynlighet, konsekvens)",
        "“{value}” is not a scale: use likelihood or consequence",
    ),
    "roscli.scale_words": (
        "en skala har fem ord fra 1 til 5 skilt med |, f.eks. «Lite|Noe|Middels|Høy|Svært "
        "høy», ikke «{value}»",
        "a scale has five words from 1 to 5 separated by |, e.g. “Low|Some|Medium|High|Very "
        "high”, not “{value}”",
    ),
    "roscli.scale_own": ("tavlens egne ord", "this board's own words"),
    "roscli.scale_guidance": ("veiledningens ord", "the guidance's words"),
    # flow
    "roscli.flow_removed": (
        "dataflyt {number} i {chain} er fjernet",
        "data flow {number} of {chain} is removed",
    ),
    "roscli.no_flows": (
        "{chain} har ingen dataflyter ennå; legg til med `kanban-sec flow add`.",
        "{chain} has no data flows yet; add one with `kanban-sec flow add`.",
    ),
    "roscli.col.number": ("Nr.", "No."),
    "roscli.col.from": ("Fra", "From"),
    "roscli.col.to": ("Til", "To"),
    "roscli.col.data": ("Data", "Data"),
    "roscli.flow_supplier": (
        "* driftes av en leverandør (utenfor kommunen)",
        "* run by a supplier (outside the municipality)",
    ),
    # link run-by
    "roscli.run_by": (
        "«{value}» er verken municipality eller supplier (kommunen, leverandør)",
        "“{value}” is neither municipality nor supplier",
    ),
    "roscli.run_by_set": ("{chain} › {link}: driftes av {side}", "{chain} › {link}: run by {side}"),
    # decide --risk
    "roscli.decide_one": (
        "en risikobeslutning gjelder én ROS-risiko (--risk), én oppgave eller én hel kjede "
        "(--chain): oppgi bare én av dem",
        "a risk decision is about one ROS risk (--risk), one item or one whole chain "
        "(--chain): give only one of them",
    ),
    "roscli.target_risk_only": (
        "--target gjelder en ROS-risiko: bruk det sammen med --risk",
        "--target is for a ROS risk: use it with --risk",
    ),
    "roscli.bad_target": (
        "--target er sannsynlighet og konsekvens, f.eks. 2,3, ikke «{value}»",
        "--target is a likelihood and a consequence, e.g. 2,3, not “{value}”",
    ),
    "roscli.target": (
        "mål S{likelihood} × K{consequence}",
        "target L{likelihood} × C{consequence}",
    ),
    # matrix
    "roscli.matrix_title": (
        "ROS-matrise: ROS-risikoer i sin nåværende rute per sannsynlighet × konsekvens "
        "(G = grønn, Y = gul, R = rød)",
        "ROS matrix: ROS risks in their current cell per likelihood × consequence "
        "(G = green, Y = yellow, R = red)",
    ),
    "roscli.matrix_inherent": (
        "(n): så mange risikoer hadde sin opprinnelige risiko (første vurdering) i ruten",
        "(n): this many risks had their inherent risk (first assessment) in the cell",
    ),
    "roscli.matrix_unassessed": (
        "Ikke vurdert ennå (står ikke i noen rute): {count} ROS-risikoer mangler "
        "sannsynlighet eller konsekvens",
        "Not assessed yet (in no cell): {count} ROS risks lack a likelihood or consequence",
    ),
    "roscli.items_chain": (
        "--chain gjelder ROS-risikoene; matrisen over oppgaver (--items) teller hele tavlen",
        "--chain is for the ROS risks; the matrix of items (--items) counts the whole board",
    ),
}
