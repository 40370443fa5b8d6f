"""Synthetic news for benchmarks and load tests: seeded, news-like, entity-dense text.

Articles mix gazetteer hits (countries, demonyms, capitals, people, organisations, weapons,
homonym traps) with neutral filler at roughly the entity density of wire copy. A fraction are
arms-purchase stories with a known buyer and supplier, so end-to-end runs produce alerts.
"""

from __future__ import annotations

import random
from typing import Any

from worker.model import Article

ACTORS = [
    ("Russia", "Russian", "Moscow", "Vladimir Putin", "the Kremlin"),
    ("Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan", "Erdogan"),
    ("Syria", "Syrian", "Damascus", "Bashar al-Assad", "Assad"),
    ("the United States", "American", "Washington", "Donald Trump", "the White House"),
    ("China", "Chinese", "Beijing", "Xi Jinping", "Xi"),
    ("India", "Indian", "New Delhi", "Narendra Modi", "Modi"),
    ("Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky", "Zelensky"),
    ("Israel", "Israeli", "Tel Aviv", "Benjamin Netanyahu", "Netanyahu"),
    ("Iran", "Iranian", "Tehran", "Ali Khamenei", "Khamenei"),
    ("Germany", "German", "Berlin", "Friedrich Merz", "Merz"),
    ("France", "French", "Paris", "Emmanuel Macron", "Macron"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Mohammed bin Salman", "the crown prince"),
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the IAEA",
    "OPEC",
    "Hezbollah",
    "Hamas",
    "the Islamic State group",
    "the EU",
    "the UN Security Council",
]
WEAPONS = [
    "S-400",
    "F-35",
    "F-16",
    "Patriot",
    "Rafale",
    "BrahMos",
    "Shahed-136",
    "HIMARS",
    "Leopard 2",
    "Bayraktar TB2",
    "Su-35",
    "Iron Dome",
    "J-20",
    "Javelin",
    "Storm Shadow",
    "ATACMS",
]
TEMPLATES = [
    "{a_dem} officials said on {day} that talks with {b} on the purchase of {w} systems had "
    "entered a final stage, according to people familiar with the matter.",
    "{a_person} told reporters in {a_cap} that {a} would not accept conditions set by {b_cap}.",
    "The deal, worth an estimated ${n} billion, would include training for {a_dem} crews and "
    "spare parts for a fleet of {w} launchers delivered over {k} years.",
    "Analysts at a research institute said the move could strain relations between {a} and "
    "{org}, which has repeatedly warned members against buying {b_dem} equipment.",
    "{b_person} praised the agreement during a televised address, saying {b} was proud to work "
    "with a partner that respects its sovereignty.",
    "Mr. {a_short} is expected to travel to {b_cap} later this month, his office said in a "
    "statement released late on {day}.",
    "Shares of defence companies rose 2.5% in early trading, while the local currency slipped "
    "against the dollar amid concerns about possible sanctions.",
    "Diplomats at {org} described the talks as constructive but said several issues, including "
    "the delivery schedule and financing, remained unresolved.",
    "Earlier this year {a_dem} forces conducted exercises near the border, using {w} batteries "
    "alongside older air defence units, the defence ministry said.",
    "Residents interviewed by phone said prices for bread and fuel had climbed sharply since the "
    "start of the year, and many families were struggling to cope.",
    "A spokesman for {c_cap} said the government was monitoring the situation closely and "
    "would respond to any threat to regional stability.",
    "The U.S. State Department said it was aware of the reports and urged all parties to avoid "
    "steps that could escalate tensions in the region.",
    "Critics in {c} argued that the purchase would undermine years of cooperation with {org} "
    "and leave the country dependent on a single supplier.",
    "Thanksgiving shoppers paid more for a whole turkey this year, and us consumers also saw "
    "china plates and other tableware rise in price.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# Filler without arms-trade cues: for end-to-end runs, where alerts should come from the
# arms leads only (TEMPLATES are denser, for tagging benchmarks).
NEUTRAL_TEMPLATES = [
    t
    for t in TEMPLATES
    if not any(cue in t for cue in ("purchase", "deal", "delivered", "buying", "{w}"))
]


def make_article(
    rng: random.Random, size: int, i: int, templates: list[str] | None = None
) -> Article:
    """A news-like article of about ``size`` characters."""
    templates = templates or TEMPLATES
    a, b, c = rng.sample(ACTORS, 3)
    title = f"{a[0][0].upper() + a[0][1:]} weighs {rng.choice(WEAPONS)} deal with {b[0]}"
    paras: list[str] = []
    length = 0
    while length < size:
        sents = []
        for _ in range(rng.randint(2, 4)):
            t = rng.choice(templates)
            s = t.format(
                a=a[0],
                a_dem=a[1],
                a_cap=a[2],
                a_person=a[3],
                a_short=a[4].split()[-1],
                b=b[0],
                b_dem=b[1],
                b_cap=b[2],
                b_person=b[3],
                c=c[0],
                c_cap=c[2],
                org=rng.choice(ORGS),
                w=rng.choice(WEAPONS),
                day=rng.choice(DAYS),
                n=rng.randint(1, 20),
                k=rng.randint(2, 6),
            )
            sents.append(s[0].upper() + s[1:])
        para = " ".join(sents)
        paras.append(para)
        length += len(para) + 2
    body = "\n\n".join(paras)[:size]
    return Article(id=f"bench-{i}", title=title, body=body)


ARMS_LEADS = [
    "{a} has signed a deal to buy {w} systems from {b}, officials in {a_cap} said on {day}.",
    "{a_dem} officials confirmed the purchase of {w} launchers from {b} after months of talks.",
    "{b} will deliver {w} batteries to {a} under a contract worth ${n} billion, the defence "
    "ministry in {a_cap} said.",
]


def make_raw_item(
    rng: random.Random, size: int, i: int, *, arms_share: float = 0.1
) -> dict[str, Any]:
    """A raw intake item (JSON article) for the ingest topic; about ``arms_share`` of them lead
    with an arms purchase from the third actor's point of view."""
    art = make_article(rng, size, i, NEUTRAL_TEMPLATES)
    body = art.body
    if rng.random() < arms_share:
        a, b = rng.sample(ACTORS, 2)
        lead = rng.choice(ARMS_LEADS).format(
            a=a[0],
            a_dem=a[1],
            a_cap=a[2],
            b=b[0],
            w=rng.choice(WEAPONS),
            day=rng.choice(DAYS),
            n=rng.randint(1, 20),
        )
        body = lead[0].upper() + lead[1:] + "\n\n" + body
    return {
        "url": f"https://synthetic.example/news/{i}",
        "source": "Synthetic Wire",
        "title": f"{art.title.split(' weighs ')[0]} news roundup {i}",
        "body": body,
        "published_at": "2026-11-01T12:00:00Z",
    }
