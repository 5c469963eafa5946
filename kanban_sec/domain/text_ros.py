"""The catalogue's messages of ROS analysis (risks, information values, data flows,
analyses, the risk register and the chain map), in Norwegian and English: part of the one
catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS: dict[str, tuple[str, str]] = {
    "entity.ros_risk": ("en ROS-risiko", "a ROS risk"),
    "entity.info_value": ("en informasjonsverdi", "an information value"),
    "entity.data_flow": ("en dataflyt", "a data flow"),
    "entity.ros_analysis": ("en ROS-analyse", "a ROS analysis"),
    "field.threat": ("trussel", "threat"),
    "field.vulnerability": ("sårbarhet", "vulnerability"),
    "field.existing_measures": ("eksisterende tiltak", "existing measures"),
    "field.target_likelihood": ("mål for sannsynlighet", "target likelihood"),
    "field.target_consequence": ("mål for konsekvens", "target consequence"),
    "field.likelihood_knowledge": (
        "kunnskapsstyrke (sannsynlighet)",
        "strength of knowledge (likelihood)",
    ),
    "field.consequence_knowledge": (
        "kunnskapsstyrke (konsekvens)",
        "strength of knowledge (consequence)",
    ),
    "field.confidentiality": ("konfidensialitet", "confidentiality"),
    "field.integrity": ("integritet", "integrity"),
    "field.availability": ("tilgjengelighet", "availability"),
    "field.run_by": ("driftes av", "run by"),
    "field.risk_id": ("ROS-risiko", "ROS risk"),
    "rule.not_business": (
        "{who} kan ikke vurdere konsekvens eller verdsette informasjon for {chain}: det gjør "
        "virksomheten som eier tjenesten, medlemmer av risikoeierenheten {unit} (eller en "
        "enhet under den). IT anslår sannsynligheten.",
        "{who} may not judge consequence or value information for {chain}: the business "
        "that owns the service does, members of the risk-owner unit {unit} (or a unit under "
        "it). IT estimates the likelihood.",
    ),
    "rule.inherent_fixed": (
        "den opprinnelige risikoen for «{title}» er den første vurderingen og kan ikke endres",
        "the inherent risk of “{title}” is its first assessment and cannot be changed",
    ),
    # the ROS service
    "ros.risk_not_found": (
        "fant ingen ROS-risiko «{id}»; se `kanban-sec ros list`",
        "no ROS risk “{id}”; see `kanban-sec ros list`",
    ),
    "ros.risk_ambiguous": (
        "«{id}» passer til flere ROS-risikoer ({matches}); skriv flere tegn",
        "“{id}” matches several ROS risks ({matches}); give more characters",
    ),
    "ros.link_not_in_chain": (
        "leddet «{link}» finnes ikke i {chain}; se `kanban-sec chain show`",
        "there is no link “{link}” in {chain}; see the chain's links",
    ),
    "ros.title_needed": ("en ROS-risiko trenger en tittel", "a ROS risk needs a title"),
    "ros.value_name_needed": (
        "informasjonsverdien trenger et navn, f.eks. «helseopplysninger»",
        "the information value needs a name, e.g. “health data”",
    ),
    "ros.scale": (
        "{what} må være et helt tall fra 1 til 5, ikke {value}",
        "{what} must be a whole number from 1 to 5, not {value}",
    ),
    "ros.knowledge": (
        "kunnskapsstyrke må være low, medium eller high (lav, middels, høy), ikke {value}",
        "strength of knowledge must be low, medium or high, not {value}",
    ),
    "ros.unknown_value": (
        "{chain} har ingen informasjonsverdi «{name}»; legg den til med `kanban-sec ros value`",
        "{chain} has no information value “{name}”; add it with `kanban-sec ros value`",
    ),
    "ros.flow_same_link": (
        "en dataflyt går mellom to ulike ledd, ikke fra «{link}» til seg selv",
        "a data flow runs between two different links, not from “{link}” to itself",
    ),
    "ros.flow_data_needed": (
        "dataflyten trenger en beskrivelse av hvilke data som flyter",
        "the data flow needs a description of the data that flows",
    ),
    "ros.flow_not_found": (
        "{chain} har ingen dataflyt nummer {number}",
        "{chain} has no data flow number {number}",
    ),
    "ros.measure_other_chain": (
        "«{title}» hører til {chain}, men risikoen «{risk}» hører til {risk_chain}: et tiltak "
        "ligger i risikoens kjede",
        "“{title}” belongs to {chain} but the risk “{risk}” to {risk_chain}: a measure "
        "lies in its risk's chain",
    ),
    "ros.analysis_not_found": (
        "{chain} har ingen ROS-analyse ennå; start en med `kanban-sec ros analysis`",
        "{chain} has no ROS analysis yet; start one with `kanban-sec ros analysis`",
    ),
    "ros.participant_unknown": (
        "ingen i organisasjonen heter «{name}»; se `kanban-sec people`",
        "nobody in the organisation is called “{name}”; see `kanban-sec people`",
    ),
    "ros.measure_takes_risk": (
        "«{title}» er et tiltak mot ROS-risikoen «{risk}» og har risikoens sannsynlighet og "
        "konsekvens: endre dem på risikoen (`kanban-sec ros likelihood|consequence`), eller "
        "ta oppgaven ut av risikoen først",
        "“{title}” is a measure of the ROS risk “{risk}” and takes the risk's likelihood and "
        "consequence: change them on the risk (`kanban-sec ros likelihood|consequence`), or "
        "take the item off the risk first",
    ),
    "ros.unassessed": ("ikke vurdert", "not assessed"),
    "ros.reassess": ("vurder på nytt", "re-assess"),
    "ros.stale": (
        "beslutningen gjelder ikke lenger: risikoen er endret",
        "the decision no longer holds: the risk has changed",
    ),
    "ros.treatment.none": ("ikke besluttet", "not decided"),
    "ros.treatment.accept": ("akseptere", "accept"),
    "ros.treatment.reduce": ("redusere", "reduce"),
    "ros.treatment.share": ("dele", "share"),
    "ros.treatment.avoid": ("unngå", "avoid"),
    "ros.knowledge.low": ("lav", "low"),
    "ros.knowledge.medium": ("middels", "medium"),
    "ros.knowledge.high": ("høy", "high"),
    "ros.band.green": ("akseptabel", "acceptable"),
    "ros.band.yellow": ("tiltak vurderes", "consider measures"),
    "ros.band.red": ("uakseptabel", "not acceptable"),
    "ros.run_by.municipality": ("kommunen", "the municipality"),
    "ros.run_by.supplier": ("leverandør", "supplier"),
    # the sync server's refusal of the business's judgement (sync/errors.py, KS011)
    "sync.server.rule_business": (
        "serveren avviste endring {change} ({entity}): konsekvens og informasjonsverdier "
        "vurderes av virksomheten som eier tjenesten, risikoeierenheten ({reason})",
        "the server refused change {change} ({entity}): consequence and information values "
        "are judged by the business that owns the service, the risk-owner unit ({reason})",
    ),
}
