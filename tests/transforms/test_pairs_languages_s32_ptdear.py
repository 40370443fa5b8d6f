"""Issue 13, session 32 (Portuguese, German, Arabic, Ukrainian recall): Portuguese "à"/"às"
(the preposition "a" joined to the article) read apart from the article "a"/"as" it folds to,
"comprar ... ao/à X" (buy from X), and the Portuguese verbs of supplying and receiving in
all their finite forms; Arabic proclitics joined to a class word and the construct state of a
noun of making. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

PAIRS = [
    # "à"/"às" = "to the": the state after it receives what a verb or noun of supplying moves
    (
        "pt",
        "Portugal vai fornecer obuses e munições à Ucrânia, num plano que a Alemanha apoia.",
        {("UKR", "PRT")},
    ),
    (
        "pt",
        "A Suécia confirmou a venda de oito caças Gripen à Tailândia, tal como a Noruega previa.",
        {("THA", "SWE")},
    ),
    (
        "pt",
        "O Brasil exporta blindados às Filipinas num negócio em que a Itália ganha pouco.",
        {("PHL", "BRA")},
    ),
    # after a verb or noun of buying, "a" with the article means "from"
    (
        "pt",
        "A Sérvia comprou à China um sistema antiaéreo, num gesto que a Rússia lamenta.",
        {("SRB", "CHN")},
    ),
    (
        "pt",
        "A Polónia vai comprar tanques aos Estados Unidos, num plano que a Alemanha apoia.",
        {("POL", "USA")},
    ),
    (
        "pt",
        "A compra de caças Gripen à Suécia pelo Brasil foi bem recebida, e a Argentina estuda.",
        {("BRA", "SWE")},
    ),
    # negative: after a verb of buying, "para" is "for", never "from": no supplier
    ("pt", "A Holanda vai comprar munições para a Ucrânia.", set()),
    # the verbs of supplying and receiving in all their finite forms (conditional, imperfect,
    # the verb of transferring), and "obter" (obtain) as a verb of receiving
    ("pt", "Em março, a Noruega forneceria obuses à Letónia.", {("LVA", "NOR")}),
    ("pt", "Em março, a Noruega transferiu obuses para a Letónia.", {("LVA", "NOR")}),
    ("pt", "Em março, a Letónia recebia obuses da Noruega.", {("LVA", "NOR")}),
    ("pt", "A Letónia obteve obuses da Noruega.", {("LVA", "NOR")}),
    # negative: the noun "enviado" (an envoy) is no verb of sending
    ("pt", "O enviado especial da Noruega falou de obuses na Letónia.", set()),
    # negative: an adjective away from the arms names a people ("os alemães"), not the seller
    # left unnamed (pt.yaml: fill_adjectives)
    (
        "pt",
        "A decisão de fornecer obuses à Ucrânia, como queriam os alemães, foi adiada.",
        set(),
    ),
    # ... while one right after the arms names their origin
    ("pt", "A decisão de fornecer obuses alemães à Ucrânia foi adiada.", {("UKR", "DEU")}),
    # a verb of sending counts when arms are what it sends (a weak trigger and its objects)
    ("pt", "Em março, a Noruega enviará obuses para a Letónia.", {("LVA", "NOR")}),
    ("pt", "Portugal enviou à Ucrânia dezenas de drones.", {("UKR", "PRT")}),
    # negative: a delegation sent to talk about arms is no arms sent
    ("pt", "O Brasil enviou uma delegação à Suécia para discutir caças Gripen.", set()),
    # Arabic proclitics joined to a class word ("بـ" by, "و" and): the word after one is read
    # (the second sentence, with no country, carries a plain topic term: the topic terms
    # spell no proclitic forms)
    (
        "ar",
        "قامت فرنسا بتسليم مصر فرقاطة جديدة. وكانت الصفقة قد أبرمت العام الماضي.",
        {("EGY", "FRA")},
    ),
    (
        "ar",
        "وتسلمت الأردن مدافع هاوتزر من فرنسا. وكانت الصفقة قد أبرمت العام الماضي.",
        {("JOR", "FRA")},
    ),
    # negative: a word that only starts with the letter of a proclitic ("بيان", a statement)
    ("ar", "صدر بيان عن مصر وفرنسا حول الطائرات المقاتلة.", set()),
    # Arabic construct state: a noun of making and a nisba adjective with no article
    # ("صناعة تركية", Turkish-made) name where the arms were made, a list too
    ("ar", "تسلمت النيجر في مارس طائرات مسيرة صناعة تركية.", {("NER", "TUR")}),
    (
        "ar",
        "تسلمت النيجر في مارس طائرات مسيرة صناعة تركية وروسية.",
        {("NER", "TUR"), ("NER", "RUS")},
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    PAIRS,
    ids=lambda x: str(sorted(x) if isinstance(x, set) else x)[:24],
)
def test_pairs_read_this_round(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(tagger, rules, lang, body) == expected
