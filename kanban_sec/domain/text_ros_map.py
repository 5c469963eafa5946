"""The catalogue's messages of the chain map and its Open Threat Model (OTM) exchange, in
Norwegian and English: part of the one catalogue of :mod:`kanban_sec.domain.text`."""

from __future__ import annotations

ROS_MAP: dict[str, tuple[str, str]] = {
    # -- the map's two regions (also the OTM trust zones' names) --------------------------
    "map.region.municipality": ("Kommunen", "The municipality"),
    "map.region.supplier": ("Leverandører", "Suppliers"),
    # -- the command line's `map` -----------------------------------------------------------
    "map.written": (
        "Kjedekartet for {chain} er skrevet til {path}.",
        "The chain map of {chain} was written to {path}.",
    ),
    "map.needs_output": (
        "map --format {format} trenger en fil: -o FIL.",
        "map --format {format} needs a file: -o FILE.",
    ),
    "map.import_needs_file": (
        "map import trenger en OTM-fil: kanban-sec map import FIL.json [--chain NAVN].",
        "map import needs an OTM file: kanban-sec map import FILE.json [--chain NAME].",
    ),
    "map.unavailable": (
        "Kan ikke tegne kjedekartet her (Qt mangler et systembibliotek: {reason}).",
        "Cannot draw the chain map here (Qt is missing a system library: {reason}).",
    ),
    "map.imported": (
        "Importerte {chain}: {links} ledd, {flows} dataflyter og {risks} risikoer "
        "({new_risks} nye, uvurdert){values}.",
        "Imported {chain}: {links} links, {flows} data flows and {risks} risks "
        "({new_risks} new, unassessed){values}.",
    ),
    "map.imported_values": (", {count} informasjonsverdier", ", {count} information values"),
    # -- reading an OTM file ------------------------------------------------------------------
    "otm.unreadable": (
        "Kan ikke lese {path}: {reason}.",
        "Cannot read {path}: {reason}.",
    ),
    "otm.not_json": (
        "{path} er ikke JSON (linje {line}, kolonne {column}: {reason}); ingenting er endret.",
        "{path} is not JSON (line {line}, column {column}: {reason}); nothing was changed.",
    ),
    "otm.invalid": (
        "{path} følger ikke Open Threat Model-skjemaet ved {where}: {reason}; ingenting er endret.",
        "{path} does not follow the Open Threat Model schema at {where}: {reason}; "
        "nothing was changed.",
    ),
    "otm.bad_reference": (
        "{path}: {where} viser til «{ref}», som ikke finnes i filen; ingenting er endret.",
        "{path}: {where} refers to “{ref}”, which is not in the file; nothing was changed.",
    ),
    "otm.bad_number": (
        "{path}: {where} må være et heltall fra {low} til {high}, ikke {value}; "
        "ingenting er endret.",
        "{path}: {where} must be a whole number from {low} to {high}, not {value}; "
        "nothing was changed.",
    ),
    "otm.duplicate_name": (
        "{path}: to ledd heter «{name}» ({where}); ingenting er endret.",
        "{path}: two links are named “{name}” ({where}); nothing was changed.",
    ),
    # -- country names shown beside a link's country code ---------------------------------------
    "country.NO": ("Norge", "Norway"),
    "country.SE": ("Sverige", "Sweden"),
    "country.DK": ("Danmark", "Denmark"),
    "country.FI": ("Finland", "Finland"),
    "country.IS": ("Island", "Iceland"),
    "country.IE": ("Irland", "Ireland"),
    "country.DE": ("Tyskland", "Germany"),
    "country.NL": ("Nederland", "Netherlands"),
    "country.BE": ("Belgia", "Belgium"),
    "country.FR": ("Frankrike", "France"),
    "country.GB": ("Storbritannia", "United Kingdom"),
    "country.UK": ("Storbritannia", "United Kingdom"),
    "country.US": ("USA", "United States"),
    "country.CA": ("Canada", "Canada"),
    "country.PL": ("Polen", "Poland"),
    "country.EE": ("Estland", "Estonia"),
    "country.LT": ("Litauen", "Lithuania"),
    "country.LV": ("Latvia", "Latvia"),
    "country.ES": ("Spania", "Spain"),
    "country.IT": ("Italia", "Italy"),
    "country.AT": ("Østerrike", "Austria"),
    "country.CH": ("Sveits", "Switzerland"),
    "country.CZ": ("Tsjekkia", "Czechia"),
    "country.IN": ("India", "India"),
    "country.CN": ("Kina", "China"),
    "country.JP": ("Japan", "Japan"),
    "country.SG": ("Singapore", "Singapore"),
    "country.AU": ("Australia", "Australia"),
    "country.IL": ("Israel", "Israel"),
    "country.UA": ("Ukraina", "Ukraine"),
    "country.EU": ("EU/EØS", "EU/EEA"),
}


def country_name(code: str, lang: str) -> str:
    """The country's name for a code such as ``NO`` (``""`` when the catalogue lacks it)."""
    found = ROS_MAP.get(f"country.{code.strip().upper()}")
    if found is None:
        return ""
    return found[0] if lang == "nb" else found[1]
