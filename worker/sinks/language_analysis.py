"""Search in the article's own language: per-language text fields and their analysers.

An article in Polish is indexed a second time under ``lang_text.pl.title`` / ``.body`` with a
Polish analyser, so Kibana's free-text search (every field) finds "Rosja" when the article says
"Rosji", and a Russian one "Россия" for "России". Only the article's language gets the copy
(one extra analysed field per article, not ten), and the copy is left out of ``_source`` (it is
derived from ``title``/``body``, so it costs index space only).

Each language's chain is the engine's own stemmer where it reads names well (measured with
``_analyze`` on the local node: Russian, German, Turkish and the Ukrainian plugin lemmatiser
bring every case of a country name to one term). Where it does not, the gazetteer's inflected
country forms (``worker/data/gazetteer/i18n/<lang>.yaml``, generated from CLDR and simplemma)
become a ``stemmer_override`` that maps every form of a country, name or adjective, to one term
``<iso3>_country`` before the stemmer runs: Polish (Stempel turns "Rosja" into "rosj" and
"Rosję" into "rosscia") and Arabic (the light stemmer keeps "بروسيا" and "لتركيا").

Polish and Ukrainian stemmers are engine plugins (``analysis-stempel``, ``analysis-ukrainian``;
installed on Amazon OpenSearch Service and Elastic Cloud, and in the local stack). Without them
Polish keeps the name override and no stemmer; Ukrainian gets the override instead of the
lemmatiser. The plugins present are read from the engine when templates are installed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from worker.transforms.gazetteer import language_country_forms

# Plugins that provide a language's analysis (``GET _nodes/plugins``, by name or class).
POLISH_PLUGIN = "analysis-stempel"
UKRAINIAN_PLUGIN = "analysis-ukrainian"

# Token filters before the names override (elision, apostrophes, case) and after it (stemmers:
# they skip the override's terms, which it marks as keywords).
_STEM = {
    "de": (["lowercase"], ["german_normalization", "nw_stem_de"]),
    "fr": (["elision", "lowercase"], ["nw_stem_fr"]),
    "es": (["lowercase"], ["nw_stem_es"]),
    "it": (["lowercase"], ["nw_stem_it"]),
    "pt": (["lowercase"], ["nw_stem_pt"]),
    "ru": (["lowercase"], ["nw_stem_ru"]),
    "tr": (["apostrophe", "nw_lowercase_tr"], ["nw_stem_tr"]),
    "ar": (["lowercase", "arabic_normalization"], ["arabic_stem"]),
    "pl": (["lowercase"], ["polish_stem"]),
    "uk": (["lowercase"], []),
}
LANGUAGES: tuple[str, ...] = tuple(_STEM)
# Languages whose chain takes the gazetteer's inflected country forms (see the docstring).
OVERRIDE_LANGUAGES = ("pl", "ar", "uk")

_FILTERS: dict[str, dict[str, Any]] = {
    "nw_stem_de": {"type": "stemmer", "language": "light_german"},
    "nw_stem_fr": {"type": "stemmer", "language": "light_french"},
    "nw_stem_es": {"type": "stemmer", "language": "light_spanish"},
    "nw_stem_it": {"type": "stemmer", "language": "light_italian"},
    "nw_stem_pt": {"type": "stemmer", "language": "light_portuguese"},
    "nw_stem_ru": {"type": "stemmer", "language": "russian"},
    "nw_stem_tr": {"type": "stemmer", "language": "turkish"},
    "nw_lowercase_tr": {"type": "lowercase", "language": "turkish"},
}


# Arabic is normalised before the override (as the engine's arabic_normalization does: alef
# forms to bare alef, teh marbuta to heh, alef maksura to yeh, no tatweel or harakat), so the
# rules meet "اماراتي" as well as "إماراتي"; the table's forms are normalised the same way.
_ARABIC = str.maketrans(
    {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0629": "\u0647",
     "\u0649": "\u064a", "\u0640": None}
    | {chr(c): None for c in range(0x064B, 0x0653)}
)  # fmt: skip


def _arabic(word: str) -> str:
    return word.lower().translate(_ARABIC)


_NORMALISE = {"ar": _arabic}


def analyzer_name(lang: str) -> str:
    return f"nw_{lang}"


@cache
def name_rules(lang: str) -> tuple[str, ...]:
    """``stemmer_override`` rules ``"rosja, rosji, rosyjski => rus_country"``: the one-word
    forms of each country in the language's generated table. A form two countries share is
    left out (it would say the wrong one half the time)."""
    owners: dict[str, set[str]] = {}
    for country, forms in language_country_forms(lang):
        for form in forms:
            word = _NORMALISE.get(lang, str.lower)(form)
            # one token for the standard tokenizer, and no character the rule syntax uses
            if len(word) >= 3 and word.isalpha():
                owners.setdefault(word, set()).add(country)
    by_country: dict[str, list[str]] = {}
    for word, ids in owners.items():
        if len(ids) == 1:
            by_country.setdefault(next(iter(ids)), []).append(word)
    return tuple(
        f"{', '.join(sorted(words))} => {iso3.lower()}_country"
        for iso3, words in sorted(by_country.items())
    )


def analysis(plugins: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The ``analysis`` settings (filters and analysers) of the per-language fields, for an
    engine with ``plugins`` installed."""
    filters = dict(_FILTERS)
    analyzers: dict[str, Any] = {}
    for lang, (before, after) in _STEM.items():
        if lang == "uk" and UKRAINIAN_PLUGIN in plugins:
            analyzers[analyzer_name(lang)] = {"type": "ukrainian"}
            continue
        chain = list(before)
        if lang in OVERRIDE_LANGUAGES and name_rules(lang):
            filters[f"nw_names_{lang}"] = {
                "type": "stemmer_override",
                "rules": list(name_rules(lang)),
            }
            chain.append(f"nw_names_{lang}")
        if lang == "pl" and POLISH_PLUGIN not in plugins:
            after = []
        chain += after
        analyzers[analyzer_name(lang)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain,
        }
    return {"filter": filters, "analyzer": analyzers}


def mapping() -> dict[str, Any]:
    """The ``lang_text`` mapping: per language, ``title`` and ``body`` with its analyser."""
    return {
        "properties": {
            lang: {
                "properties": {
                    field: {"type": "text", "analyzer": analyzer_name(lang)}
                    for field in ("title", "body")
                }
            }
            for lang in LANGUAGES
        }
    }


def language_fields(language: str | None, title: str, body: str) -> dict[str, Any] | None:
    """``{"pl": {"title": …, "body": …}}`` for an article in a language with its own analyser;
    None for English (its ``.en`` sub-fields) and languages without one."""
    lang = (language or "").split("-")[0].lower()
    if lang not in _STEM:
        return None
    return {lang: {"title": title, "body": body}}


def plugin_names(nodes_plugins: dict[str, Any]) -> frozenset[str]:
    """Plugin names every node has, from a ``GET _nodes/plugins`` answer. The embedded local
    node reports class names; a packaged one reports ``analysis-stempel``."""
    per_node = []
    for node in (nodes_plugins.get("nodes") or {}).values():
        names = set()
        for p in node.get("plugins", []):
            name, cls = str(p.get("name", "")), str(p.get("classname", ""))
            names.add(name)
            if "stempel" in name.lower() or "stempel" in cls.lower():
                names.add(POLISH_PLUGIN)
            if "ukrainian" in name.lower() or "ukrainian" in cls.lower():
                names.add(UKRAINIAN_PLUGIN)
        per_node.append(names)
    return frozenset(set.intersection(*per_node)) if per_node else frozenset()
