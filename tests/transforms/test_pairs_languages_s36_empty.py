"""Reports where no pair was read (s36-i18n-empty, docs/languages.md "2026-12-07 (small hours)"):
the general words of military goods as arms in each language, as English reads "military
equipment", "military hardware" and "military vehicles". The sentences are our own."""

from __future__ import annotations

import pytest

from tests.transforms.test_pairs_languages import pairs
from tests.transforms.test_pairs_languages_arms import LEAD
from worker.transforms.rules import RuleSet
from worker.transforms.tag import Tagger

MILITARY_GOODS = [
    ("es", "China entregó material bélico a Ecuador.", ("ECU", "CHN")),
    ("es", "España vendió equipos militares a Marruecos.", ("MAR", "ESP")),
    ("pt", "O Brasil vendeu veículos militares ao Gana.", ("GHA", "BRA")),
    ("it", "L'Italia ha fornito equipaggiamento militare all'Ucraina.", ("UKR", "ITA")),
    ("fr", "Les États-Unis ont remis des équipements militaires au Tchad.", ("TCD", "USA")),
    ("de", "Tschechien liefert Militärgüter an Vietnam.", ("VNM", "CZE")),
    ("de", "Deutschland liefert militärische Ausrüstung an die Ukraine.", ("UKR", "DEU")),
    ("ru", "Россия передала Сербии военную технику.", ("SRB", "RUS")),
    ("uk", "Литва передала Україні військову техніку.", ("UKR", "LTU")),
    ("tr", "Türkiye, Somali'ye askeri araçlar gönderdi.", ("SOM", "TUR")),
    ("ar", "سلمت روسيا مصر معدات عسكرية.", ("EGY", "RUS")),
]


CIVIL_GOODS = [
    # the same verbs with civil goods: no arms word, so no pair
    ("es", "China entregó material médico a Ecuador."),
    ("fr", "Les États-Unis ont remis des équipements médicaux au Tchad."),
    ("ru", "Россия передала Сербии медицинскую технику."),
]


@pytest.mark.parametrize(("lang", "body"), CIVIL_GOODS, ids=[c[0] for c in CIVIL_GOODS])
def test_civil_goods_stay_no_arms(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == set()


# The whole third person of the verbs of selling and sending (the buy verbs are read by their
# Snowball stem): a plural name or subject ("the United States", "the Netherlands", the Czech
# Republic in Polish) takes the plural forms, which the classes missed in Russian, Polish and
# Spanish.
PLURAL_SUBJECTS = [
    ("ru", "США поставили Сербии танки.", ("SRB", "USA")),
    ("ru", "США продали Сербии танки.", ("SRB", "USA")),
    ("ru", "Нидерланды передадут Сербии танки.", ("SRB", "NLD")),
    ("pl", "Czechy wysłały do Ukrainy czołgi.", ("UKR", "CZE")),
    ("pl", "Czechy sprzedały Ukrainie czołgi.", ("UKR", "CZE")),
    ("es", "Los Países Bajos enviaron tanques a Perú.", ("PER", "NLD")),
    ("es", "Los Países Bajos venden tanques a Perú.", ("PER", "NLD")),
]


# The rest of a receive verb's forms: Arabic حصل (على) beyond حصلت (the masculine past, the
# present and its one-word future), French réceptionner beyond its one participle.
RECEIVE_FORMS = [
    ("ar", "ستحصل مصر على مقاتلات روسية.", ("EGY", "RUS")),
    # not يحصل (r15a): it also "happens"
    ("ar", "سيحصل الأردن على مروحيات من الولايات المتحدة.", ("JOR", "USA")),
    ("fr", "Les Pays-Bas réceptionnent des chars de la France.", ("NLD", "FRA")),
]


# The verbs of giving English reads as a transfer (donate, gift), where a language's
# `sell` class had none, and the remaining third-person forms of the verbs it had.
GIVING = [
    ("ru", "Румыния пожертвовала Сербии танки.", ("SRB", "ROU")),
    ("uk", "Литва подарувала Україні танки.", ("UKR", "LTU")),
    ("pl", "Litwa podarowała Ukrainie czołgi.", ("UKR", "LTU")),
    # not French "remet" (r15a): "remet en cause" calls into question
    ("fr", "La Belgique cède des chars au Maroc.", ("MAR", "BEL")),
    ("it", "La Spagna inviò carri armati al Marocco.", ("MAR", "ESP")),
    ("ar", "ستبيع فرنسا مصر مقاتلات.", ("EGY", "FRA")),
    ("tr", "Türkiye ve Pakistan, Azerbaycan'a tank sattılar.", ("AZE", "TUR")),
]


@pytest.mark.parametrize(
    ("lang", "body", "pair"), GIVING, ids=[f"{m[0]}-{i}" for i, m in enumerate(GIVING)]
)
def test_a_verb_of_giving_names_the_supplier(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pair in pairs(tagger, rules, lang, f"{LEAD[lang]} {body}")


# Small arms, as English reads rifles, guns and machine guns: the rifle and the machine gun in
# each language's forms.
SMALL_ARMS = [
    ("de", "Deutschland liefert Sturmgewehre an Litauen.", ("LTU", "DEU")),
    ("es", "China entregó fusiles a Ecuador.", ("ECU", "CHN")),
    ("fr", "La Belgique a livré des fusils au Maroc.", ("MAR", "BEL")),
    ("it", "L'Italia ha fornito fucili all'Ucraina.", ("UKR", "ITA")),
    ("pt", "O Brasil vendeu fuzis ao Gana.", ("GHA", "BRA")),
    ("ru", "Россия передала Сербии винтовки.", ("SRB", "RUS")),
    ("uk", "Литва передала Україні кулемети.", ("UKR", "LTU")),
    ("pl", "Czechy sprzedały Ukrainie karabiny.", ("UKR", "CZE")),
    ("tr", "Türkiye, Somali'ye tüfek sattı.", ("SOM", "TUR")),
    ("ar", "سلمت روسيا مصر بنادق.", ("EGY", "RUS")),
]


# every construction above read alone gives exactly its pair (the giving verbs are checked
# apart: one sentence there names two sellers)
READ_EXACTLY = [*MILITARY_GOODS, *PLURAL_SUBJECTS, *RECEIVE_FORMS, *SMALL_ARMS]


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    READ_EXACTLY,
    ids=[f"{m[0]}-{i}" for i, m in enumerate(READ_EXACTLY)],
)
def test_each_construction_gives_its_pair(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert pairs(tagger, rules, lang, f"{LEAD[lang]} {body}") == {pair}
