"""Nouns of a state's people, mended after review (2026-12-07, tenth stop). French writes its
people's noun as the adjective capitalised ("les Espagnols"); the same capitalised word is a
surname after a first name or a title, and in other languages a dance, a sauce or a surname.
Polish people's nouns in the singular are common surnames too; only the plural names the
people. The French native peoples of an American state are no Indians of India. Each sentence
is our own; each test below failed before the mend, except the guards marked as such."""

from __future__ import annotations

import pytest

from worker.model import Article
from worker.transforms.tag import Tagger, default_tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return default_tagger()


def countries(tagger: Tagger, body: str, lang: str) -> set[str]:
    return set(tagger.tag(Article(id="t", title="", body=body, language=lang)).countries)


@pytest.mark.parametrize(
    ("lang", "body", "absent"),
    [
        # another language: a dance, a sauce, a surname
        ("en", "The quartet closed with a slow Allemande.", "DEU"),
        ("en", "Stir the Espagnole until it thickens.", "ESP"),
        ("en", "Ms Allemand chaired the panel on Tuesday.", "DEU"),
        ("it", "Il professore Luc Allemand ha tenuto la lezione.", "DEU"),
        # French, after a first name or a title: a surname
        ("fr", "Hier, le colonel Paul Allemand a pris la parole.", "DEU"),
        ("fr", "D'après Marie Roumain, le salon a fermé tôt.", "ROU"),
        ("fr", "Le comité a reçu M. Allemand mardi.", "DEU"),
    ],
)
def test_a_french_peoples_noun_as_a_name_is_no_state(
    tagger: Tagger, lang: str, body: str, absent: str
) -> None:
    assert absent not in countries(tagger, body, lang)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # guards (they passed before too): the people's noun, opening a sentence or after
        # a determiner, and the lower-case adjective, still name the state
        ("Les Allemands livreront des chars à Kiev.", "DEU"),
        ("Selon les Roumains, la vente est conclue.", "ROU"),
        ("Le ministre allemand a confirmé la vente.", "DEU"),
    ],
)
def test_the_french_peoples_noun_still_names_the_state(
    tagger: Tagger, body: str, expected: str
) -> None:
    assert expected in countries(tagger, body, "fr")


@pytest.mark.parametrize(
    ("body", "absent"),
    [
        ("Dyrektor Litwin przedstawił wyniki spółki.", "LTU"),
        ("Rozmawialiśmy z panem Szwedem o budżecie.", "SWE"),
        ("Poseł Holender zadał pytanie ministrowi.", "NLD"),
        ("Wojewoda Grek otworzył nowy szpital.", "GRC"),
        ("Sekretarz Francuz odpowiedział na list.", "FRA"),
    ],
)
def test_a_polish_surname_is_no_people(tagger: Tagger, body: str, absent: str) -> None:
    assert absent not in countries(tagger, body, "pl")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # guards (they passed before too): the plural names the people
        ("Szwedzi zaproponowali okręty podwodne.", "SWE"),
        ("Litwini kupili od Niemiec haubice.", "LTU"),
    ],
)
def test_the_polish_plural_still_names_the_people(tagger: Tagger, body: str, expected: str) -> None:
    assert expected in countries(tagger, body, "pl")


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("fr", "Des Indiens du Pérou ont bloqué la route."),
        ("fr", "Les Indiens d'Amazonie réclament leurs terres."),
        ("es", "Los indios de Bolivia marcharon a la capital."),
    ],
)
def test_native_peoples_of_an_american_state_are_no_india(
    tagger: Tagger, lang: str, body: str
) -> None:
    assert "IND" not in countries(tagger, body, lang)


def test_the_german_genitive_of_india_names_india(tagger: Tagger) -> None:
    # French "indiens" shares its key; a limit of that form to French rejected the German
    assert "IND" in countries(tagger, "Indiens Regierung bestellte neue Fregatten.", "de")
