"""Slack, email and webhook targets against real local servers: what people would receive,
that article content cannot inject mentions, links or markup, and how failures are handled."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import time
from datetime import UTC, datetime, timedelta

import jsonschema
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import free_port
from tests.sinks.servers import SmtpServer
from worker import metrics as m
from worker.config import SCHEMAS_DIR, DeliverySettings, target_settings
from worker.model import Alert, Evidence
from worker.sinks.dispatch import DictStore, Dispatcher
from worker.sinks.targets import TargetOptions, build_targets

EVIL_TITLE = "<!channel> Turkey *buys* <http://evil.example|click here> <script>x</script> & co"
EVIL_SNIPPET = "Ankara <@U0BADBAD> confirmed it will buy Russian S-400 missiles <!here> `rm`."


def evil_alert(key: str = "tur-rus:0001", **kw) -> Alert:
    start = EVIL_SNIPPET.index("S-400")
    base = 500
    defaults = dict(
        key=key,
        rule_id="tur-rus",
        rule_title="Arms purchase <Turkey & Russia>",
        article_id="art-1",
        title=EVIL_TITLE,
        url="https://news.example/story?id=1&x=|y",
        severity="high",
        countries=["TUR", "RUS"],
        evidence=[
            Evidence("topic:weapons/s-400*", "body", base + start, base + start + 5, EVIL_SNIPPET)
        ],
        matched_at=datetime(2017, 9, 28, 10, 0, tzinfo=UTC),
        pair={"recipient": "TUR", "supplier": "RUS"},
        targets=[],
        source="Evil <b>Wire</b>",
    )
    defaults.update(kw)
    return Alert(**defaults)


def sample_digest(**kw) -> dict:
    """A digest as the dispatcher hands it to a target."""
    digest = {
        "id": "d1",
        "group": "tur-rus",
        "rule_id": "tur-rus",
        "rule_title": "Arms purchase",
        "pair": "Turkey ← Russia",
        "items": [{"title": "One", "url": "https://x.example/1", "key": "k1"}],
        "overflow": 0,
        "since": "2017-09-28T10:00:00Z",
        "until": "2017-09-28T16:00:00Z",
    }
    return {**digest, **kw}


def fast(**kw) -> DeliverySettings:
    return DeliverySettings(
        backoff_initial_s=0.05, backoff_max_s=0.2, kibana_url="http://kibana.local:5601", **kw
    )


def all_strings(obj) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in all_strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in all_strings(v)]
    return []


# -- Slack ----------------------------------------------------------------------------------


def test_slack_block_kit_and_escaping(httpserver: HTTPServer):
    httpserver.expect_request("/services/T0/B0/xyz", method="POST").respond_with_data("ok")
    targets = build_targets(
        {
            "slack-desk": target_settings(
                kind="slack", webhook_url=httpserver.url_for("/services/T0/B0/xyz")
            )
        },
        fast(),
    )
    asyncio.run(targets["slack-desk"].send_alert(evil_alert()))

    (req, _resp), *_ = httpserver.log
    body = json.loads(req.get_data())
    blocks = body["blocks"]
    assert [b["type"] for b in blocks] == ["section", "section", "section", "context"]
    fields = {f["text"].split("\n")[0]: f["text"].split("\n", 1)[1] for f in blocks[1]["fields"]}
    assert fields["*Severity*"] == "high"
    assert fields["*Countries*"] == "Turkey, Russia"
    assert fields["*Pair (recipient ← supplier)*"] == "Turkey ← Russia"
    assert fields["*Rule*"] == "Arms purchase &lt;Turkey &amp; Russia&gt;"
    # The match is highlighted with our own bold marks; the article's are neutralised.
    assert "*S-400*" in blocks[2]["text"]["text"]
    assert "∗buys∗" in blocks[0]["text"]["text"]
    links = blocks[3]["elements"][0]["text"]
    assert "<https://news.example/story?id=1&amp;x=%7Cy|Read the article>" in links
    assert "<http://kibana.local:5601/app/discover" in links

    # Nothing from the article can form a mention, a link or markup anywhere in the payload.
    ours = re.compile(r"<(https://news\.example/story|http://kibana\.local:5601/)[^<>]*>")
    for text in all_strings(body):
        stripped = ours.sub("", text)
        for bad in ("<!", "<@", "<http", "<script", "<b>"):
            assert bad not in stripped, (bad, text)
        assert not re.search(r"@(here|channel)\b", stripped)
    assert "&lt;!channel&gt;" in body["text"]
    assert "&lt;http:\u2060//evil.example|click here&gt;" in blocks[0]["text"]["text"]


# -- email ----------------------------------------------------------------------------------


@pytest.fixture
def smtp():
    server = SmtpServer(free_port(), user="newswatch", password="s3cret").start()
    yield server
    server.stop()


def email_target(port: int, **kw) -> TargetOptions:
    return target_settings(
        kind="email",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
        username="newswatch",
        password="s3cret",
        sender="Newswatch <alerts@newswatch.example>",
        recipients=["analysts@example.org"],
        timeout_s=2,
        **kw,
    )


def test_email_headers_parts_and_escaping(smtp: SmtpServer):
    targets = build_targets({"email-analysts": email_target(smtp.port)}, fast())
    alert = evil_alert()
    asyncio.run(targets["email-analysts"].send_alert(alert))
    asyncio.run(targets["email-analysts"].send_alert(alert))  # a repeat keeps its Message-ID

    first, second = smtp.inbox.snapshot()
    assert first["Message-ID"] == second["Message-ID"]
    assert re.fullmatch(r"<nw\.[0-9a-f]{32}@newswatch\.example>", first["Message-ID"])
    assert first["X-Newswatch-Key"] == alert.key
    assert first["To"] == "analysts@example.org"
    assert first["Subject"].startswith("[newswatch high] <!channel> Turkey *buys*")
    assert "(Turkey ← Russia)" in first["Subject"]

    text = first.get_body(("plain",)).get_content()
    html = first.get_body(("html",)).get_content()
    assert "Pair:      Turkey ← Russia (recipient ← supplier)" in text
    assert "»S-400«" in text
    assert "<script>" not in html and "<b>Wire</b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<mark>S-400</mark>" in html
    assert '<a href="https://news.example/story?id=1&amp;x=|y">' in html
    assert html.count("<a ") == 2  # the article and Kibana, nothing from the article text


def test_email_bad_password_is_permanent(smtp: SmtpServer):
    dlq: list = []

    async def dead(payload, rej):
        dlq.append((payload, rej))

    settings = email_target(smtp.port).model_copy(update={"password": None})
    settings = settings.model_copy(update={"username": "newswatch"})
    from pydantic import SecretStr

    settings.password = SecretStr("wrong")
    d = Dispatcher(
        build_targets({"mail": settings}, fast()),
        fast(),
        default_targets=["mail"],
        dead_letter=dead,
    )
    store = DictStore()
    asyncio.run(d.handle_alert(evil_alert(), store))
    rec = store.keys["tur-rus:0001"]["targets"]["mail"]
    assert rec["status"] == "error" and rec["attempts"] == 1
    assert "535" in rec["last_error"] and "wrong" not in rec["last_error"]
    assert dlq[0][1].stage == "deliver" and dlq[0][1].reason == "rejected"
    assert smtp.inbox.snapshot() == []


# -- webhook --------------------------------------------------------------------------------


def test_webhook_signature_idempotency_and_schema(httpserver: HTTPServer):
    seen: list[Request] = []

    def handler(req: Request) -> Response:
        seen.append(req)
        return Response("", status=204)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(handler)
    secret = "whsec-test-123"
    targets = build_targets(
        {
            "webhook-siem": target_settings(
                kind="webhook", url=httpserver.url_for("/hook"), secret=secret
            )
        },
        fast(),
    )
    alert = evil_alert()
    asyncio.run(targets["webhook-siem"].send_alert(alert))

    req = seen[0]
    raw = req.get_data()
    ts = req.headers["X-Newswatch-Timestamp"]
    assert abs(int(ts) - time.time()) < 60
    expected = hmac.new(secret.encode(), ts.encode() + b"." + raw, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(req.headers["X-Newswatch-Signature"], f"v1={expected}")
    assert req.headers["Idempotency-Key"] == alert.key
    assert req.headers["X-Newswatch-Event"] == "alert"
    assert req.headers["Content-Type"] == "application/json"
    body = json.loads(raw)
    schema = json.loads((SCHEMAS_DIR / "alert.schema.json").read_text())
    jsonschema.validate(body, schema)
    assert body["title"] == EVIL_TITLE  # JSON is its own escaping: the raw title, intact


def test_webhook_retries_5xx_then_delivers_and_records(httpserver: HTTPServer):
    httpserver.expect_ordered_request("/hook").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/hook").respond_with_data("busy", status=502)
    httpserver.expect_ordered_request("/hook").respond_with_data("", status=200)
    records: list = []

    async def record(alert, recs):
        records.append(recs)

    d = Dispatcher(
        build_targets(
            {"siem": target_settings(kind="webhook", url=httpserver.url_for("/hook"))}, fast()
        ),
        fast(),
        default_targets=["siem"],
        record=record,
    )
    before = m.DELIVERIES.labels("siem", "delivered")._value.get()
    retries_before = m.DELIVERY_RETRIES.labels("siem")._value.get()
    asyncio.run(d.handle_alert(evil_alert(), DictStore()))
    assert len(httpserver.log) == 3
    (rec,) = records[-1]
    assert rec["target"] == "siem" and rec["status"] == "delivered" and rec["attempts"] == 3
    assert rec["delivered_at"]
    assert m.DELIVERIES.labels("siem", "delivered")._value.get() == before + 1
    # two 5xx answers, two retries: counted from this test's start (the counter is global)
    assert m.DELIVERY_RETRIES.labels("siem")._value.get() == retries_before + 2


def test_webhook_gives_up_after_max_attempts_to_dlq(httpserver: HTTPServer):
    httpserver.expect_request("/hook").respond_with_data("down", status=500)
    dlq: list = []

    async def dead(payload, rej):
        dlq.append((payload, rej))

    d = Dispatcher(
        build_targets(
            {"siem": target_settings(kind="webhook", url=httpserver.url_for("/hook"))}, fast()
        ),
        fast(max_attempts=3),
        default_targets=["siem"],
        dead_letter=dead,
    )
    store = DictStore()
    asyncio.run(d.handle_alert(evil_alert(), store))
    assert len(httpserver.log) == 3
    payload, rej = dlq[0]
    assert (rej.stage, rej.reason, rej.source) == ("deliver", "gave_up", "siem")
    assert payload["alert"]["key"] == "tur-rus:0001" and payload["attempts"] == 3
    assert store.keys["tur-rus:0001"]["targets"]["siem"]["status"] == "failed"
    # Replaying the same alert does not hammer the endpoint again (it is in the DLQ).
    asyncio.run(d.handle_alert(evil_alert(), store))
    assert len(httpserver.log) == 3


# -- throttle + digest, end to end through real servers ----------------------------------------


class Clock:
    def __init__(self, t: datetime):
        self.t = t

    def __call__(self) -> datetime:
        return self.t


def test_throttle_window_then_digest_via_slack(httpserver: HTTPServer):
    httpserver.expect_request("/slack").respond_with_data("ok")
    clock = Clock(datetime(2017, 9, 28, 10, 0, tzinfo=UTC))
    d = Dispatcher(
        build_targets(
            {"desk": target_settings(kind="slack", webhook_url=httpserver.url_for("/slack"))},
            fast(),
        ),
        fast(),
        default_targets=["desk"],
        throttle_for=lambda rule: timedelta(hours=6),
        clock=clock,
    )
    store = DictStore()
    for n in range(4):
        asyncio.run(
            d.handle_alert(evil_alert(f"tur-rus:{n:04d}", title=f"story {n} <!here>"), store)
        )
        clock.t += timedelta(minutes=30)
    assert len(httpserver.log) == 1  # one alert per window
    assert d.due_groups(store.groups.items()) == []
    clock.t = datetime(2017, 9, 28, 16, 0, tzinfo=UTC)
    group = "tur-rus|TUR<-RUS"
    assert d.due_groups(store.groups.items()) == [group]
    assert asyncio.run(d.handle_tick(group, store)) == 1
    assert asyncio.run(d.handle_tick(group, store)) == 0  # idempotent
    assert len(httpserver.log) == 2
    digest = json.loads(httpserver.log[1][0].get_data())
    assert "3 more alerts" in digest["text"] and "Turkey ← Russia" in digest["text"]
    lines = digest["blocks"][1]["text"]["text"]
    assert lines.count("• story") == 3 and "<!here>" not in lines


# -- outage ---------------------------------------------------------------------------------


def test_smtp_outage_is_retried_until_recovery_and_throttle_still_holds():
    """SMTP is down when the alert comes; the server comes back on the same port later; the
    alert arrives once, and a second story in the same window goes to the digest, not out."""
    port = free_port()
    server = SmtpServer(port, user="newswatch", password="s3cret")  # not started: outage
    clock = Clock(datetime(2017, 9, 28, 10, 0, tzinfo=UTC))
    d = Dispatcher(
        build_targets({"mail": email_target(port)}, fast()),
        DeliverySettings(max_attempts=30, backoff_initial_s=0.1, backoff_max_s=0.5),
        default_targets=["mail"],
        throttle_for=lambda rule: timedelta(hours=6),
        clock=clock,
    )
    store = DictStore()

    async def scenario() -> None:
        task = asyncio.create_task(d.handle_alert(evil_alert("tur-rus:a"), store))
        await asyncio.sleep(2.0)
        assert not task.done()
        await asyncio.to_thread(server.start)  # recovery, same port
        await asyncio.wait_for(task, 30)
        clock.t += timedelta(hours=1)
        await d.handle_alert(evil_alert("tur-rus:b", title="follow-up"), store)
        await d.handle_alert(evil_alert("tur-rus:a"), store)  # replayed after a restart

    try:
        asyncio.run(scenario())
        time.sleep(0.2)
        received = server.inbox.snapshot()
        assert [msg["X-Newswatch-Key"] for msg in received] == ["tur-rus:a"]
        rec = store.keys["tur-rus:a"]["targets"]["mail"]
        assert rec["status"] == "delivered" and rec["attempts"] > 1
        assert store.keys["tur-rus:b"]["targets"]["mail"]["status"] == "throttled"
        # At the window end the follow-up arrives as a digest.
        clock.t = datetime(2017, 9, 28, 16, 0, tzinfo=UTC)
        assert (
            asyncio.run(d.handle_tick("tur-rus|TUR<-RUS", DictStore(store.keys, store.groups))) == 1
        )
        time.sleep(0.2)
        digest = server.inbox.snapshot()[-1]
        assert digest["Subject"].startswith("[newswatch digest] 1 more")
        assert "follow-up" in digest.get_body(("plain",)).get_content()
    finally:
        server.stop()


# -- Microsoft Teams ------------------------------------------------------------------------


def _runs(card: dict) -> list[str]:
    """The text of every TextRun of an Adaptive Card, in order."""
    return [i["text"] for b in card["body"] for i in b.get("inlines", []) if i["type"] == "TextRun"]


def test_teams_adaptive_card_text_runs_and_links(httpserver: HTTPServer):
    """The kind added as one module (worker/sinks/targets/teams.py) plus its templates:
    config validation, masking and delivery come from the registry."""
    httpserver.expect_request("/workflows/hook", method="POST").respond_with_data("", status=202)
    settings = target_settings(kind="teams", webhook_url=httpserver.url_for("/workflows/hook"))
    targets = build_targets({"teams-desk": settings}, fast())
    asyncio.run(targets["teams-desk"].send_alert(evil_alert()))

    (req, _resp), *_ = httpserver.log
    body = json.loads(req.get_data())
    assert body["type"] == "message"
    (attachment,) = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    runs = _runs(card)
    # Article text is shown as typed: TextRuns are not Markdown, so nothing is escaped away
    # and nothing becomes a link; only our own actions link anywhere.
    assert runs[0] == "[HIGH] " + EVIL_TITLE
    assert "Turkey ← Russia" in runs and "Turkey, Russia" in runs
    assert any("»S-400«" in r for r in runs)
    assert all(b["type"] == "RichTextBlock" for b in card["body"])
    assert card["actions"][0]["url"] == "https://news.example/story?id=1&x=|y"
    assert card["actions"][1]["url"].startswith("http://kibana.local:5601/app/discover")
    assert all(a["type"] == "Action.OpenUrl" for a in card["actions"])


def test_teams_rejected_url_is_permanent_and_never_logged(httpserver: HTTPServer):
    httpserver.expect_request("/workflows/gone", method="POST").respond_with_data(
        "workflow not found", status=404
    )
    url = httpserver.url_for("/workflows/gone")
    targets = build_targets({"teams-desk": target_settings(kind="teams", webhook_url=url)}, fast())
    from worker.sinks.targets import DeliveryError

    with pytest.raises(DeliveryError) as err:
        asyncio.run(targets["teams-desk"].send_alert(evil_alert()))
    assert err.value.permanent and "HTTP 404" in str(err.value) and url not in str(err.value)


def test_teams_needs_its_webhook_url_and_masks_it(monkeypatch):
    from worker.config import load_settings, masked
    from worker.errors import ConfigError

    monkeypatch.setenv("NEWSWATCH_TARGETS__TEAMS_DESK__KIND", "teams")
    with pytest.raises(ConfigError, match="webhook_url"):
        load_settings()
    secret_url = "https://example.webhook.office.com/workflows/abc?sig=s3cr3t-sig"
    monkeypatch.setenv("NEWSWATCH_TARGETS__TEAMS_DESK__WEBHOOK_URL", secret_url)
    shown = masked(load_settings())["targets"]["teams-desk"]
    assert shown["webhook_url"] == "********" and "s3cr3t" not in json.dumps(shown)


def test_teams_digest_lists_titles_as_text_and_links_only_http():
    from worker.sinks.render import Renderer
    from worker.sinks.targets import teams

    digest = sample_digest(
        items=[
            {"title": EVIL_TITLE, "url": "https://x.example/1", "key": "k1"},
            {"title": "Two", "url": "javascript:alert(1)", "key": "k2"},
        ],
        overflow=3,
    )
    card = teams.render_digest(Renderer(), digest)["attachments"][0]["content"]
    runs = _runs(card)
    assert runs[0].startswith("Digest: 5 more alerts for Arms purchase — Turkey ← Russia")
    assert "• " + EVIL_TITLE in runs and "• Two" in runs and runs[-1] == "… and 3 more"
    links = [
        i["selectAction"]["url"] for b in card["body"] for i in b["inlines"] if "selectAction" in i
    ]
    assert links == ["https://x.example/1"]


def test_an_alert_on_a_russian_article_says_its_language_and_quotes_it_as_written(
    httpserver: HTTPServer, smtp: SmtpServer
):
    """Issue 13, item 6: the evidence stays in the article's language and script, and every
    medium says which language that is."""
    snippet = "Москва подтвердила поставку С-400 в Анкару."
    start = 500 + snippet.index("С-400")
    alert = evil_alert(
        title="Россия поставит Турции С-400",
        language="ru",
        # the term's literal text (Latin "s-400") is not in the Cyrillic snippet: the match is
        # placed by the snippet's own offset
        evidence=[Evidence("topic:weapons/s-400*", "body", start, start + 5, snippet, 0, 500)],
    )
    httpserver.expect_request("/slack", method="POST").respond_with_data("ok")
    httpserver.expect_request("/teams", method="POST").respond_with_data("", status=202)
    targets = build_targets(
        {
            "slack": target_settings(kind="slack", webhook_url=httpserver.url_for("/slack")),
            "teams": target_settings(kind="teams", webhook_url=httpserver.url_for("/teams")),
            "mail": email_target(smtp.port),
        },
        fast(),
    )
    for t in targets.values():
        asyncio.run(t.send_alert(alert))
    bodies = {req.path: json.loads(req.get_data()) for req, _ in httpserver.log}
    slack_fields = [f["text"] for f in bodies["/slack"]["blocks"][1]["fields"]]
    assert "*Language*\nRussian" in slack_fields
    assert "*С-400*" in bodies["/slack"]["blocks"][2]["text"]["text"]
    runs = _runs(bodies["/teams"]["attachments"][0]["content"])
    assert "Russian" in runs and runs[0] == "[HIGH] Россия поставит Турции С-400"
    assert any("»С-400«" in r for r in runs)
    (msg,) = smtp.inbox.snapshot()
    text = msg.get_body(("plain",)).get_content()
    assert "Language:  Russian (evidence quoted as written)" in text
    assert "Москва подтвердила поставку »С-400« в Анкару." in text
    assert Alert.from_dict(alert.to_dict()).language == "ru"
    jsonschema.validate(
        alert.to_dict(), json.loads((SCHEMAS_DIR / "alert.schema.json").read_text())
    )


def test_an_alert_with_evidence_offsets_reads_on_a_worker_of_the_previous_release():
    """Rolling update (review): a worker of the previous release builds ``Evidence(**item)``
    from each evidence item, so the snippet offsets must travel outside the items."""
    from dataclasses import dataclass

    @dataclass
    class PreviousEvidence:  # the evidence item as the previous release declared it
        term: str
        field: str
        start: int
        end: int
        snippet: str
        sentence: int = 0

    snippet = "Москва подтвердила поставку С-400 в Анкару."
    alert = evil_alert(
        evidence=[Evidence("topic:weapons/s-400*", "body", 528, 533, snippet, 0, 500)]
    )
    data = alert.to_dict()
    (previous,) = [PreviousEvidence(**e) for e in data["evidence"]]
    assert previous.start == 528
    assert data["evidence_starts"] == [500]
    back = Alert.from_dict({**data, "evidence": [{**data["evidence"][0], "later": 1}]})
    assert back.evidence[0].snippet_start == 500  # and an unknown item field is ignored


@pytest.mark.parametrize(
    ("text", "permanent"),
    [
        ("Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP "
         "error 429 with ContextId tcid=0", False),
        ("Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP "
         "error 413 with ContextId tcid=0", True),
        ("Summary or Text is required.", True),
    ],
)  # fmt: skip
def test_teams_classic_connector_refusal_with_http_200_is_not_delivered(
    httpserver: HTTPServer, text: str, permanent: bool
):
    """Classic connectors answer 200 with a refusal text; only a number (or nothing) is
    success (review: these were counted as delivered and never retried)."""
    httpserver.expect_request("/connector", method="POST").respond_with_data(text, status=200)
    url = httpserver.url_for("/connector")
    targets = build_targets({"teams-desk": target_settings(kind="teams", webhook_url=url)}, fast())
    from worker.sinks.targets import DeliveryError

    with pytest.raises(DeliveryError) as err:
        asyncio.run(targets["teams-desk"].send_alert(evil_alert()))
    assert err.value.permanent is permanent and "HTTP 200" in str(err.value)
