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


# ---------------------------------------------------------------- a week of news with events
# Arms-transfer events with a known identity and status history, each reported by several
# outlets in their own words (different sentences, titles and filler: not copies), for the
# events bench (bench/bench_events.py). Suppliers and their own systems, so the weapon's origin
# agrees with the supplier the sentence names.
EVENT_SUPPLIERS = {
    "Russia": ["S-400", "Su-35"],
    "the United States": ["F-35", "Patriot", "HIMARS"],
    "France": ["Rafale"],
    "Germany": ["Leopard 2"],
    "Israel": ["Iron Dome"],
}
EVENT_RECIPIENTS = ["Turkey", "India", "Saudi Arabia", "Ukraine", "Iran", "China", "Syria"]
EVENT_LEADS: dict[str, list[str]] = {
    "talks": [
        "{a} is in talks with {b} on the purchase of {w} systems, officials said on {day}.",
        "Negotiations between {a} and {b} over the possible purchase of {w} systems are "
        "continuing, a defence ministry official said.",
        "{a_dem} and {b_dem} negotiators met again on {day} to discuss the purchase of {w} "
        "systems by {a}.",
    ],
    "agreed": [
        "{a} has signed a deal to buy {w} systems from {b}, officials in {a_cap} said on {day}.",
        "{a} agreed to buy {w} systems from {b} under a contract signed on {day}.",
        "{a_dem} officials said on {day} the country had signed a contract with {b} for the "
        "purchase of {w} systems.",
    ],
    "delivered": [
        "{b} has delivered the first {w} systems to {a}, the defence ministry in {a_cap} said.",
        "The first batch of {w} systems bought from {b} arrived in {a} on {day}.",
        "{b} completed the delivery of {w} systems to {a} on {day}, officials said.",
    ],
    "cancelled": [
        "{a} has cancelled the purchase of {w} systems from {b}, officials said on {day}.",
        "{a} scrapped its planned purchase of {w} systems from {b} on {day}.",
        "The sale of {w} systems by {b} to {a} was cancelled on {day}, officials said.",
    ],
}
EVENT_HISTORIES = [["talks"], ["talks", "agreed"], ["agreed", "delivered"], ["talks", "cancelled"]]


def make_event_week(
    rng: random.Random,
    *,
    events: int = 20,
    outlets: tuple[int, int] = (2, 6),
    filler: int = 200,
    start: str = "2026-11-02T00:00:00",
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A week of raw items (arms-transfer events reported by several outlets per status, plus
    neutral filler), in publication order, and the truth: one dict per event with its recipient,
    supplier, weapon, statuses and the urls that report it. Each (recipient, supplier, weapon)
    occurs once, so the events are told apart by their identity."""
    from datetime import datetime, timedelta

    t0 = datetime.fromisoformat(start)
    actors = {a[0]: a for a in ACTORS}
    used: set[tuple[str, str, str]] = set()
    items: list[tuple[datetime, dict[str, Any]]] = []
    truth: list[dict[str, Any]] = []
    n = 0
    while len(truth) < events:
        sup = rng.choice(list(EVENT_SUPPLIERS))
        rec = rng.choice([r for r in EVENT_RECIPIENTS if r != sup])
        weapon = rng.choice(EVENT_SUPPLIERS[sup])
        if (rec, sup, weapon) in used:
            continue
        used.add((rec, sup, weapon))
        history = rng.choice(EVENT_HISTORIES)
        a, b = actors[rec], actors[sup]
        when = t0 + timedelta(hours=rng.uniform(0, 72))
        ev = {"recipient": rec, "supplier": sup, "weapon": weapon, "statuses": history, "urls": []}
        for status in history:
            leads = rng.sample(EVENT_LEADS[status], len(EVENT_LEADS[status]))
            for k in range(rng.randint(*outlets)):
                lead = leads[k % len(leads)].format(
                    a=a[0],
                    a_dem=a[1],
                    a_cap=a[2],
                    b=b[0],
                    b_dem=b[1],
                    w=weapon,
                    day=rng.choice(DAYS),
                )
                art = make_article(rng, 1200, n, NEUTRAL_TEMPLATES)
                url = f"https://outlet{k}.example/{status}/{n}"
                items.append(
                    (
                        when + timedelta(hours=rng.uniform(0, 6)),
                        {
                            "url": url,
                            "source": f"Outlet {k}",
                            "title": f"{a[0][0].upper() + a[0][1:]} and {b[0]}: {weapon} "
                            f"report {n}",
                            "body": lead[0].upper() + lead[1:] + "\n\n" + art.body,
                        },
                    )
                )
                ev["urls"].append(url)
                n += 1
            when += timedelta(hours=rng.uniform(24, 48))
        truth.append(ev)
    for _ in range(filler):
        item = make_raw_item(rng, 1200, n, arms_share=0.0)
        items.append((t0 + timedelta(hours=rng.uniform(0, 168)), item))
        n += 1
    items.sort(key=lambda x: x[0])
    out = []
    for when, item in items:
        out.append({**item, "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
    return out, truth
