"""The article's fill step (rules/fills.py): its sources and guards are switched by name, or
by the name of the flag each replaced, and keep their order."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from worker.model import Article
from worker.pipeline import analyse
from worker.transforms.rules import RuleSet, fills, grammar, pairs
from worker.transforms.tag import Tagger


@pytest.fixture
def restored() -> Iterator[None]:
    sources, guards = fills.SOURCES, fills.GUARDS
    yield
    fills.SOURCES, fills.GUARDS = sources, guards


@pytest.mark.usefixtures("restored")
def test_a_source_switched_off_and_on_keeps_its_place() -> None:
    order = fills.SOURCES
    assert fills.switch(fills.LEAD_STATE, False)
    assert fills.LEAD_STATE not in fills.SOURCES and not fills.on(fills.LEAD_STATE)
    assert fills.switch(fills.LEAD_STATE, True)
    assert order == fills.SOURCES


@pytest.mark.usefixtures("restored")
@pytest.mark.parametrize(("flag", "name"), sorted(fills.FLAGS.items()))
def test_the_old_flag_names_switch_their_source_or_guard(flag: str, name: str) -> None:
    assert fills.on(name)
    assert fills.switch(flag, False)
    assert not fills.on(name)
    assert all(fills.on(other) for other in fills.FLAGS.values() if other != name)


@pytest.mark.usefixtures("restored")
def test_fill_tries_the_sources_in_the_order_of_the_tuple(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    steps = {name: (lambda _ctx, name=name: tried.append(name)) for name in fills._STEPS}
    monkeypatch.setattr(fills, "_STEPS", steps)
    fills.SOURCES = tuple(reversed(fills._SOURCE_ORDER))
    lex = SimpleNamespace(symbols_only=False)
    tagged = SimpleNamespace(article=None)
    fills.fill({}, [], [], tagged, [], {}, lex)  # type: ignore[arg-type]
    assert tried == [name for name in fills.SOURCES if name in steps]
    assert tried == [fills.OPENING_SELLER, fills.ARTICLE_MAKER, fills.LEAD_STATE]


def test_a_name_that_is_no_fill_is_left_to_the_caller() -> None:
    assert not fills.switch("SECOND_SELLERS", False)
    assert fills.SOURCES == fills._SOURCE_ORDER


def test_the_pair_reader_runs_the_fills_without_importing_them() -> None:
    # fills build on pairs.py: the reader imports nothing of them (no cycle, no import inside
    # a function) and runs the step the rules package installed
    tree = ast.parse(inspect.getsource(pairs))
    imported = {
        alias.name if isinstance(node, ast.Import) else f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any("fills" in name for name in imported)
    assert pairs._context_fills().fill is fills.fill


def _read_en(tagger: Tagger, rules: RuleSet, body: str) -> set[tuple[str, str]]:
    art = Article(id="t", title="", body=body, language="en")
    _, alerts = analyse(art, tagger, rules, datetime(2026, 12, 5, tzinfo=UTC))
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.pair}


def test_english_a_lone_buyer_joins_a_seller_read_in_another_sentence(
    tagger: Tagger, rules: RuleSet
) -> None:
    # cross-sentence: the buyer wants arms in one sentence, the seller's sale is told in the next
    body = (
        "Nigeria has been trying to buy light attack aircraft for years. The president "
        "backed the sale of the aircraft from the United States on Friday."
    )
    assert _read_en(tagger, rules, body) == {("NGA", "USA")}


def test_english_no_join_when_the_buyers_own_maker_delivers(tagger: Tagger, rules: RuleSet) -> None:
    # the buyer is read selling too: its own maker builds at home, the other state only
    # licensed the design
    body = (
        "The Indian Navy signed a contract for eight helicopters with Hindustan Aeronautics "
        "in 2017. Under a licence from France, Hindustan Aeronautics has delivered such "
        "helicopters for decades."
    )
    assert _read_en(tagger, rules, body) == set()


def test_english_no_join_with_a_seller_that_blocks(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Peru has been trying to buy fighter aircraft for years. Sweden blocked the sale "
        "of the jets."
    )
    assert _read_en(tagger, rules, body) == set()


@pytest.mark.parametrize(
    "body",
    [
        # the seller's sentence names its own buyers ("to" several states): another deal
        "Chile ordered twelve trainer jets in May, the air force said. In other news, Israel "
        "has sold loitering munitions to three countries in Asia, its ministry said.",
        # no recipient, but neither the buyer's arms nor a reference back to its deal
        "Kenya signed a contract for 40 armoured vehicles in March. Elsewhere, Spain "
        "exported frigates worth a billion euros last year, a government report found.",
    ],
)
def test_english_no_join_with_a_seller_of_another_deal(
    tagger: Tagger, rules: RuleSet, body: str
) -> None:
    # neither the join of lone sides nor the opening's seller makes it the buyer's seller
    assert _read_en(tagger, rules, body) == set()


def test_english_a_seller_referring_back_to_the_deal_still_joins(
    tagger: Tagger, rules: RuleSet
) -> None:
    # "the boats" refers back to the buyer's arms: the seller's sentence goes on with its deal
    body = "Ghana has ordered ten patrol boats. Canada will deliver the boats next year."
    assert _read_en(tagger, rules, body) == {("GHA", "CAN")}


def test_english_the_lead_state_is_no_buyer_when_it_fights(tagger: Tagger, rules: RuleSet) -> None:
    # a state read as the subject of a combat verb (the ``combat`` class) uses arms on a foe;
    # the arms a seller supplies go to the other side, so it is no lead buyer
    body = (
        "Russia shelled Ukrainian towns with rockets overnight; Ukraine replied with "
        "howitzers supplied by Norway."
    )
    assert ("RUS", "NOR") not in _read_en(tagger, rules, body)
    # nor the subject of a combat verb beside a seller in the same sentence (grammar.py)
    body = (
        "Russia attacked Ukrainian ports with drones and missiles on Sunday; Kyiv hit back "
        "using cannons supplied by Denmark."
    )
    assert ("RUS", "DNK") not in _read_en(tagger, rules, body)
    art = Article(
        id="t",
        title="Shelling",
        body="Russia fired rockets and shells at Ukraine, "
        "killing two; Ukraine answered with guns supplied by Britain.",
        language="en",
    )
    _, alerts = analyse(art, tagger, rules, datetime(2026, 12, 5, tzinfo=UTC))
    assert ("RUS", "GBR") not in {
        (a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.pair
    }


def test_english_the_lead_state_still_buys_when_it_does_not_fight(
    tagger: Tagger, rules: RuleSet
) -> None:
    body = "Estonia is expanding its artillery. The howitzers were supplied by South Korea."
    assert _read_en(tagger, rules, body) == {("EST", "KOR")}


def _read(tagger: Tagger, rules: RuleSet, lang: str, body: str) -> set[tuple[str, str]]:
    art = Article(id="t", title="", body=body, language=lang)
    _, alerts = analyse(art, tagger, rules, datetime(2026, 12, 5, tzinfo=UTC))
    return {(a.pair["recipient"], a.pair["supplier"]) for a in alerts if a.pair}


@pytest.mark.parametrize(
    ("lang", "body", "later"),
    [
        # a second customer of the one maker, told in the next sentence with no seller named
        (
            "it",
            "Leonardo consegnerà dodici addestratori M-346 all'Austria entro il 2028. "
            "Anche la Nigeria riceverà sei velivoli dello stesso tipo.",
            ("NGA", "ITA"),
        ),
        (
            "pt",
            "A Embraer vendeu seis aviões Super Tucano à Colômbia no ano passado. O Chile "
            "também vai receber quatro aeronaves do mesmo modelo.",
            ("CHL", "BRA"),
        ),
        # a passive sells to a later customer with no seller named: the article's seller
        (
            "pt",
            "A Embraer vendeu seis aviões Super Tucano à Colômbia. "
            "Outros quatro aviões foram vendidos para o Equador.",
            ("ECU", "BRA"),
        ),
        # ... and so does a noun of supplying
        (
            "it",
            "Fincantieri consegnerà due fregate all'Indonesia. "
            "Seguirà poi la fornitura di altre due fregate per l'Egitto.",
            ("EGY", "ITA"),
        ),
    ],
)
def test_languages_a_later_buyer_buys_from_the_articles_one_seller(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, later: tuple[str, str]
) -> None:
    assert later in _read(tagger, rules, lang, body)


@pytest.mark.parametrize(
    ("lang", "body", "pair"),
    [
        # after an inverted verb of selling the state is its subject, not its dative
        (
            "de",
            "Rheinmetall liefert Leopard-2-Panzer an die Ukraine. Seit Jahren exportiert die "
            "Schweiz keine Munition.",
            ("UKR", "DEU"),
        ),
        # the state "with" whom a deal is discussed may be its seller
        (
            "fr",
            "Nexter livre des canons CAESAR au Maroc cette année. Le pays discute avec la "
            "Grèce pour acheter des drones.",
            ("MAR", "FRA"),
        ),
    ],
)
def test_languages_no_later_buyer_read_only_by_word_order_or_as_a_deals_party(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    # the exact set: a count of one would pass with the right pair lost and a wrong one read
    assert _read(tagger, rules, lang, body) == {pair}


# Review r14a: a state the buyer itself sells to, its subject left out or a pronoun, is no
# later buyer of the article's seller: a "to" alone marks no buyer there
EXPORTS_OF_THE_BUYER = [
    (
        "de",
        "Die Schweiz kauft F-35-Kampfjets aus den USA. Zudem liefert sie Radpanzer an Österreich.",
        ("CHE", "USA"),
    ),
    (
        "it",
        "La Svizzera acquista caccia F-35 dagli Stati Uniti. "
        "Inoltre fornisce blindati all'Austria.",
        ("CHE", "USA"),
    ),
    (
        "pt",
        "A Suíça compra caças F-35 dos Estados Unidos. Além disso, fornece blindados à Áustria.",
        ("CHE", "USA"),
    ),
    (
        "fr",
        "La Suisse achète des avions F-35 aux États-Unis. Elle livre aussi des blindés à "
        "l'Autriche.",
        ("CHE", "USA"),
    ),
    (
        "tr",
        "Türkiye Rusya'dan S-400 sistemleri satın aldı. "
        "Katar ile zırhlı araç ihracatı anlaşması imzalandı.",
        ("TUR", "RUS"),
    ),
]


@pytest.mark.parametrize(("lang", "body", "pair"), EXPORTS_OF_THE_BUYER, ids=lambda x: str(x)[:8])
def test_languages_the_buyers_own_export_names_no_later_buyer(
    tagger: Tagger, rules: RuleSet, lang: str, body: str, pair: tuple[str, str]
) -> None:
    assert _read(tagger, rules, lang, body) == {pair}


@pytest.mark.xfail(
    strict=True,
    reason="review r14a finding 3, English left open: a guard on a selling verb's 'to' changed "
    "no dev pair but cost two right pairs on the validation batch heldout-28",
)
def test_english_the_buyers_own_export_names_no_later_buyer(tagger: Tagger, rules: RuleSet) -> None:
    body = (
        "Turkey bought S-400 systems from Russia. "
        "It also signed a deal to export armored vehicles to Qatar."
    )
    assert _read_en(tagger, rules, body) == {("TUR", "RUS")}


def test_languages_a_seller_read_only_as_the_arms_maker_sells_to_the_lead_state(
    tagger: Tagger, rules: RuleSet
) -> None:
    # the seller is only the adjective of the arms ("russes"), the buyer only the state the
    # article is about, named where the arms arrive (its capital)
    body = (
        "Le Burkina Faso renforce son aviation. Deux hélicoptères russes Mi-24 sont arrivés "
        "à Ouagadougou la semaine dernière."
    )
    assert _read(tagger, rules, "fr", body) == {("BFA", "RUS")}


def test_languages_an_adjective_beside_another_makers_weapon_is_no_maker() -> None:
    # "hand the Ukrainian army the Franco-Italian system": the adjective names the user
    def lone(state: str, origin: str) -> pairs._Orphan:
        weapon = pairs._Span(0, 6, "weapon", "samp-t", origin=origin)
        return pairs._Orphan(state, [], pairs._Facts(None, weapon), ("body", 0, 0, 10), "")

    assert fills._own_make([lone("UKR", "FRA")]) == []
    assert [s.state for s in fills._own_make([lone("FRA", "FRA")])] == ["FRA"]


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        # the seller in a passive, the buyer only as the venue where its arms were shown
        (
            "Belarus now fields the S-400. The S-400 batteries handed over by Russia were "
            "shown to reporters at Belarus's western base.",
            ("BLR", "RUS"),
        ),
        # a company hands over, the buyer named only in the venue of the ceremony
        (
            "Piriou handed over the second offshore patrol vessel at a ceremony in Senegal "
            "on Tuesday.",
            ("SEN", "FRA"),
        ),
        # another verb and tense, the seller read from "ordered from"
        (
            "The Type 054A frigates ordered from China were commissioned at Pakistan's main "
            "naval base on Friday.",
            ("PAK", "CHN"),
        ),
        # a passive of supplying, the buyer's army told in the sentence before
        (
            "Hungary's army awaits tanks. The Leopard tanks supplied by Germany were "
            "presented at Hungary's Tata base.",
            ("HUN", "DEU"),
        ),
    ],
)
def test_english_a_venue_at_is_no_bystander_to_the_lead_state(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str]
) -> None:
    # a locative "at" names the venue where the transfer happens, often the buyer's own: the
    # state so named is still the article's lead buyer (``fills._bystander``)
    assert _read_en(tagger, rules, body) == {pair}


def test_only_a_venue_is_no_bystander() -> None:
    def third(cue: str) -> pairs.Cue:
        return pairs.Cue("third", "POL", "body", 0, 0, cue)

    # the cue's kind (its ending), not its words: an "at" where arms change hands is a venue
    assert not fills._bystander(third(f"'handed at' {grammar.VENUE}"))
    # a bare "at" (on a verb of saying, a gathering) names a host
    assert fills._bystander(third("'at'"))
    # "in" names an area: forces stationed there, an envoy posted there, a war fought there
    assert fills._bystander(third("'in'"))
    assert fills._bystander(third("'war in' (a place)"))


@pytest.mark.parametrize(
    ("body", "pair"),
    [
        # the "at" hangs on a verb of saying: the forum's host is no buyer
        (
            "Russia will deliver Su-35 jets to a Middle East buyer, the minister said at a "
            "forum in Egypt.",
            None,
        ),
        # the object of "at" is an air show: France only hosts it
        (
            "The United States will sell F-35 jets, officials said at the Paris Air Show in "
            "France.",
            None,
        ),
        (
            "Russia will deliver Su-35 jets to a Middle East buyer, the minister said at a "
            "summit in China.",
            None,
        ),
        # a verb of handing over, but at a trade fair: the host is still no party
        (
            "Rheinmetall handed over the first Lynx vehicles at a defence exhibition in Qatar.",
            None,
        ),
    ],
)
def test_english_the_host_of_a_gathering_is_no_lead_buyer(
    tagger: Tagger, rules: RuleSet, body: str, pair: tuple[str, str] | None
) -> None:
    # "at" names no venue of the transfer on a verb of saying or at a gathering
    # (``grammar._venue_of_transfer``): the state it names is a bystander, never the
    # article's lead buyer
    assert _read_en(tagger, rules, body) == ({pair} if pair else set())
