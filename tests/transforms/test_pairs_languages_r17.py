"""Issue 13, seventeenth round: a capital standing for its state ("Анкара купила ...") when the
capital names no CLDR time zone (Beijing sits under Shanghai, Ankara under Istanbul, Washington
under New York), so the generated tables lacked it until a hand-kept `capitals` seed
(worker/tools/name_seeds.yaml); and Ukrainian's one-word "Великобританія". Every sentence here
is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.model import Article
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

# The capital is the buyer or the seller of the sentence (weapons of no single maker, so the
# supplier cannot come from the weapon).
PAIRS = [
    ("ru", "Анкара купила у России зенитные ракетные комплексы.", {("TUR", "RUS")}),
    ("ru", "Вашингтон продал Польше ещё партию танков.", {("POL", "USA")}),
    ("fr", "Pékin va livrer des frégates au Pakistan.", {("PAK", "CHN")}),
    ("es", "Pekín venderá fragatas a Pakistán.", {("PAK", "CHN")}),
    ("pt", "Pequim vai vender fragatas ao Paquistão.", {("PAK", "CHN")}),
    ("pt", "Ancara comprou sistemas antiaéreos da Rússia.", {("TUR", "RUS")}),
    ("pl", "Pekin sprzeda Pakistanowi fregaty.", {("PAK", "CHN")}),
    ("pl", "Waszyngton sprzeda Polsce kolejne czołgi.", {("POL", "USA")}),
    ("ar", "باعت بكين فرقاطات إلى باكستان.", {("PAK", "CHN")}),
    ("ar", "اشترت أنقرة منظومة دفاع جوي من روسيا.", {("TUR", "RUS")}),
    ("uk", "Швеція продасть Великобританії самохідні гаубиці.", {("GBR", "SWE")}),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    PAIRS,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:20],
)
def test_a_capital_without_a_time_zone_stands_for_its_state(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected


# The tables of the languages whose reader does not yet read these sentences: the capital is
# tagged as its state, in its cases where the language declines it.
TAGS = [
    ("it", "Una delegazione di Pechino arriverà domani.", {"CHN"}),
    ("tr", "Pekin heyeti yarın gelecek.", {"CHN"}),
    ("uk", "Делегація з Анкари прибуде завтра.", {"TUR"}),
    ("uk", "Посол повернувся до Вашингтона.", {"USA"}),
    ("uk", "Делегація з Пекіна прибуде завтра.", {"CHN"}),
    ("ru", "Делегация из Пекина прибудет завтра.", {"CHN"}),
    ("pl", "Ambasador wrócił do Waszyngtonu.", {"USA"}),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    TAGS,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:20],
)
def test_the_capital_is_tagged_as_its_state(
    tagger: Tagger, lang: str, body: str, expected: set[str]
) -> None:
    tagged = tagger.tag(Article(id="t", title="", body=body, language=lang))
    assert set(tagged.countries) == expected


# Spanish hand-over verbs: the singular participles ("donada por", "ha vendido") and
# "transferir" read as the seller's verbs, as the plural participles already were.
SPANISH = [
    ("Corea del Sur transfiere una corbeta a Colombia.", {("COL", "KOR")}),
    ("La corbeta fue donada por Corea del Sur a Colombia.", {("COL", "KOR")}),
    ("Alemania transfirió diez obuses a Lituania.", {("LTU", "DEU")}),
]


@pytest.mark.parametrize(
    ("body", "expected"), SPANISH, ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:20]
)
def test_spanish_hand_over_verbs_name_the_seller(
    tagger: Tagger, rules: RuleSet, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, "es", body) == expected


def test_a_spanish_money_transfer_is_no_arms_transfer(tagger: Tagger, rules: RuleSet) -> None:
    assert pairs(tagger, rules, "es", "El banco transfiere fondos a Argentina.") == set()
