"""The wire agencies dedupe knows by name: canonical name -> the ways articles credit it.

To add an agency, add one line to `AGENCIES`. All-capital aliases ("AFP") match only in
capitals; the others match in any case. Aliases in `AMBIGUOUS` are also ordinary words or
abbreviations ("PA" for Pennsylvania), so they count only in a strong credit context.
"""

from __future__ import annotations

import re

AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "Reuter", "Thomson Reuters"),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "Deutsche Presse Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "PA": ("PA", "PA Media", "PA Wire", "Press Association"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "AAP": ("AAP", "Australian Associated Press"),
    "KNA": ("KNA", "Katholische Nachrichten-Agentur"),
    "epd": ("epd", "Evangelischer Pressedienst"),
    "SID": ("SID", "Sport-Informations-Dienst"),
    "TASS": ("TASS", "ITAR-TASS"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "ANI": ("ANI", "Asian News International"),
    "CP": ("CP", "The Canadian Press", "Canadian Press"),
    "Jiji": ("Jiji", "Jiji Press"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "APA": ("APA", "Austria Presse Agentur"),
    "ANP": ("ANP",),
    "Belga": ("Belga",),
    "Lusa": ("Lusa",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "IRNA": ("IRNA",),
    "WAFA": ("WAFA",),
    "EPA": ("EPA", "European Pressphoto Agency"),
}

AMBIGUOUS: frozenset[str] = frozenset(
    {"AP", "PA", "AA", "CP", "SID", "RIA", "APA", "ANI", "EPA", "ANP"}
)

_CANONICAL: dict[str, str] = {
    alias.casefold(): name for name, aliases in AGENCIES.items() for alias in aliases
}


def _alias_pattern(alias: str) -> str:
    escaped = re.escape(alias).replace(r"\ ", r"\s")
    return escaped if alias.isupper() else f"(?i:{escaped})"


def _agency_pattern() -> str:
    aliases = sorted((a for names in AGENCIES.values() for a in names), key=len, reverse=True)
    alternatives = "|".join(_alias_pattern(alias) for alias in aliases)
    return rf"(?<![\w-])(?:{alternatives})(?![\w]|-\w)"  # "AP-NORC" is not AP


AGENCY: str = _agency_pattern()
"""Regex source matching one agency alias as a whole word; embed it in larger patterns."""

AGENCY_RE = re.compile(AGENCY)


def canonical_agency(alias: str) -> str | None:
    """The canonical name for an alias as matched by AGENCY_RE, or None if unknown."""
    return _CANONICAL.get(" ".join(alias.split()).casefold())


def is_ambiguous(alias: str) -> bool:
    return alias in AMBIGUOUS
