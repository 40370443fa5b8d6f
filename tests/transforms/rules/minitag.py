"""A tiny dictionary tagger for rule tests, so they do not depend on the real tagger's data.

It tags country names and demonyms (as mentions of the country), a few weapon systems with their
origin country, splits sentences on ``.!?`` and returns a ``TaggedArticle``.
"""

from __future__ import annotations

import re
from functools import cache

from worker.model import Article, Entity, Mention, TaggedArticle
from worker.transforms.folding import fold_words
from worker.transforms.gazetteer import load_gazetteer

COUNTRIES = {
    "TUR": ["Turkey", "Türkiye", "Turkish", "Ankara"],
    "RUS": ["Russia", "Russian", "Moscow", "Kremlin", "Soviet"],
    "SYR": ["Syria", "Syrian"],
    "IRQ": ["Iraq", "Iraqi"],
    "DEU": ["Germany", "German", "Berlin"],
    "IND": ["India", "Indian", "New Delhi"],
    "IRN": ["Iran", "Iranian", "Tehran"],
    "QAT": ["Qatar", "Qatari"],
    "USA": ["United States", "US", "U.S.", "American", "Washington"],
    "CHN": ["China", "Chinese", "Beijing"],
    "FRA": ["France", "French", "Paris"],
    "EGY": ["Egypt", "Egyptian", "Cairo"],
    "SAU": ["Saudi Arabia", "Saudi"],
    "UKR": ["Ukraine", "Ukrainian", "Kyiv"],
    "ISR": ["Israel", "Israeli"],
    "GRC": ["Greece", "Greek"],
    "POL": ["Poland", "Polish"],
    "KOR": ["South Korea", "South Korean"],
    "PAK": ["Pakistan", "Pakistani"],
    "BRA": ["Brazil", "Brazilian"],
    "ARE": ["United Arab Emirates", "UAE", "Emirati"],
    "GBR": ["Britain", "British", "United Kingdom", "UK", "London"],
    "JPN": ["Japan", "Japanese"],
    "KAZ": ["Kazakhstan"],
    "ITA": ["Italy", "Italian"],
    "SRB": ["Serbia", "Serbian"],
    "ESP": ["Spain", "Spanish"],
    "ARG": ["Argentina", "Argentine"],
    "CHE": ["Switzerland", "Swiss"],
    "VNM": ["Vietnam", "Vietnamese"],
    "MAR": ["Morocco", "Moroccan"],
    "PRK": ["North Korea", "North Korean"],
    "BLR": ["Belarus", "Belarusian"],
    "HUN": ["Hungary", "Hungarian"],
    "AUS": ["Australia", "Australian"],
    "SWE": ["Sweden", "Swedish"],
    "DNK": ["Denmark", "Danish"],
    "IDN": ["Indonesia", "Indonesian"],
    "NGA": ["Nigeria", "Nigerian"],
    "LBN": ["Lebanon", "Lebanese"],
    "NLD": ["Netherlands", "Dutch"],
    "YEM": ["Yemen", "Yemeni"],
    "TWN": ["Taiwan", "Taiwanese"],
    "AZE": ["Azerbaijan", "Azerbaijani"],
    "ARM": ["Armenia", "Armenian"],
    "CAN": ["Canada", "Canadian"],
    "LTU": ["Lithuania", "Lithuanian"],
    "EST": ["Estonia", "Estonian"],
    "ROU": ["Romania", "Romanian"],
}
WEAPONS = {
    "s-400": ("S-400", "RUS", ["S-400", "S-400s"]),
    "s-300": ("S-300", "RUS", ["S-300"]),
    "leopard-2": ("Leopard 2", "DEU", ["Leopard 2", "Leopard"]),
    "shahed-136": ("Shahed-136", "IRN", ["Shahed-136", "Shahed"]),
    "rafale": ("Rafale", "FRA", ["Rafale"]),
    "f-35": ("F-35", "USA", ["F-35", "F-35s"]),
    "f-16": ("F-16", "USA", ["F-16", "F-16s"]),
    "himars": ("HIMARS", "USA", ["HIMARS"]),
    "bayraktar-tb2": ("Bayraktar TB2", "TUR", ["Bayraktar TB2", "Bayraktar"]),
    "wing-loong": ("Wing Loong", "CHN", ["Wing Loong"]),
    "k9-thunder": ("K9 Thunder", "KOR", ["K9 Thunder", "K9"]),
    "su-35": ("Su-35", "RUS", ["Su-35", "Su-35s"]),
    "patriot": ("Patriot", "USA", ["Patriot"]),
    "iron-dome": ("Iron Dome", "ISR", ["Iron Dome"]),
    "brahmos": ("BrahMos", "IND", ["BrahMos"]),
    "caesar": ("Caesar", "FRA", ["Caesar"]),
    "eurofighter-typhoon": ("Eurofighter Typhoon", None, ["Eurofighter Typhoon", "Typhoon"]),
}


@cache
def partners(weapon: str) -> tuple[str, ...]:
    """A multinational programme's partner states, read from the shipped gazetteer entry (not
    copied here, so the two cannot drift apart)."""
    entity = load_gazetteer(languages=False).entities.get(weapon)
    return entity.partners if entity else ()


@cache
def capitals() -> frozenset[str]:
    """The folded names the shipped gazetteer gives only as capitals: a mention of one is
    ``Mention.capital``, as the real tagger marks it."""
    return load_gazetteer().capital_names()


_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


def _lexicon() -> list[tuple[re.Pattern[str], str, str]]:
    items = [(name, iso, "country") for iso, names in COUNTRIES.items() for name in names]
    items += [(name, wid, "weapon") for wid, (_, _, names) in WEAPONS.items() for name in names]
    items.sort(key=lambda x: -len(x[0]))
    return [(re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)"), i, t) for n, i, t in items]


_LEX = _lexicon()


def tag(title: str, body: str, *, article_id: str = "a1", **extra: object) -> TaggedArticle:
    art = Article(id=article_id, title=title, body=body, **extra)  # type: ignore[arg-type]
    sentences = [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
        for m in _SENT.finditer(body)
        if m.group().strip()
    ]
    starts = [s for s, _ in sentences]
    found: dict[tuple[str, str], Entity] = {}
    for fld, text in (("title", title), ("body", body)):
        taken: list[tuple[int, int]] = []
        for rx, ident, etype in _LEX:
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                if fld == "title":
                    sent = -1
                else:
                    sent = max(i for i, s in enumerate(starts) if s <= m.start()) if starts else 0
                if etype == "country":
                    ent = found.setdefault((etype, ident), Entity(ident, etype, ident))
                else:
                    name, origin, _ = WEAPONS[ident]
                    ent = found.setdefault(
                        (etype, ident),
                        Entity(ident, etype, name, origin, partners=partners(ident)),
                    )
                capital = etype == "country" and fold_words(m.group()).strip() in capitals()
                ent.mentions.append(Mention(m.group(), m.start(), m.end(), fld, sent, capital))
    for ent in found.values():
        ent.mentions.sort(key=lambda m: (m.field != "title", m.start))
        ent.salience = len(ent.mentions)
    ents = sorted(found.values(), key=lambda e: -e.salience)
    return TaggedArticle(article=art, entities=ents, sentences=sentences)
