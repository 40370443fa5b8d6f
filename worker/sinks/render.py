"""Message rendering: Jinja2 templates fed with values already escaped for their medium.

Templates live in ``worker/data/templates/``; a target's ``template_dir`` overrides any of them
by file name. Escaping is done here, before the template sees a value (Slack mrkdwn, plain
text) or by Jinja2's autoescape (HTML), so a custom template cannot forget it: the context
holds no raw article text for Slack or plain text at all.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from worker.model import Alert, iso
from worker.paths import DATA_DIR
from worker.sinks import escape as esc

TEMPLATES_DIR = DATA_DIR / "templates"


@cache
def country_names() -> dict[str, str]:
    """ISO3 → display name from the gazetteer ("Turkey", not pycountry's "Türkiye")."""
    data = yaml.safe_load((DATA_DIR / "gazetteer" / "countries.yaml").read_text("utf-8"))
    return {c["id"]: c["name"] for c in data.get("countries", []) if "name" in c}


def country_name(code: str) -> str:
    name = country_names().get(code)
    if name:
        return name
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=code)
    except (ImportError, LookupError):
        c = None
    return getattr(c, "common_name", None) or getattr(c, "name", None) or code


def language_name(code: str | None) -> str | None:
    """The English name of a non-English article's language ("pl" → "Polish"), for a line
    saying the evidence is quoted in it; None for English or unknown."""
    if not code or code == "en":
        return None
    import pycountry

    lang = pycountry.languages.get(alpha_2=code)
    return str(lang.name) if lang is not None else code


def pair_text(alert: Alert) -> str:
    """ "Turkey ← Russia" (recipient ← supplier), or '' for rules without a pair."""
    if not alert.pair or "recipient" not in alert.pair:
        return ""
    return f"{country_name(alert.pair['recipient'])} ← {country_name(alert.pair['supplier'])}"


def kibana_search_url(base: str | None, alert: Alert) -> str | None:
    """A Kibana Discover link to the alert's documents (by key) — the query is ours, not the
    article's, so it is safe to link."""
    if not base:
        return None
    from urllib.parse import quote

    query = quote(f'key:"{alert.key}" OR alert_keys:"{alert.key}"', safe="")
    return f"{base.rstrip('/')}/app/discover#/?_a=(query:(language:kuery,query:'{query}'))"


def environment(template_dir: Path | None, *, html: bool) -> Environment:
    loaders = [FileSystemLoader(str(TEMPLATES_DIR))]
    if template_dir:
        loaders.insert(0, FileSystemLoader(str(template_dir)))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html", "html.j2"]) if html else False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env


class Renderer:
    """Renders alerts and digests for one target (its template folder, the Kibana base)."""

    def __init__(self, template_dir: Path | None = None, kibana_url: str | None = None):
        self.text_env = environment(template_dir, html=False)
        self.html_env = environment(template_dir, html=True)
        self.kibana_url = kibana_url

    # -- contexts: every article-derived string is escaped for the medium here ---------------

    def _common(self, alert: Alert) -> dict[str, Any]:
        return {
            "key": alert.key,
            "rule_id": alert.rule_id,
            "severity": alert.severity,
            "matched_at": iso(alert.matched_at),
            "countries": [country_name(c) for c in alert.countries],
            "country_codes": list(alert.countries),
            "pair": pair_text(alert),
            "kibana_url": kibana_search_url(self.kibana_url, alert),
            "language": language_name(alert.language),
        }

    def slack_context(self, alert: Alert) -> dict[str, Any]:
        snippet, spans = esc.evidence_highlight(alert)
        ctx = self._common(alert)
        ctx.update(
            title=esc.slack_mrkdwn(esc.one_line(alert.title, 300)),
            rule_title=esc.slack_mrkdwn(alert.rule_title),
            source=esc.slack_mrkdwn(alert.source or ""),
            snippet=esc.highlighted(snippet, spans, esc.slack_mrkdwn, "*", "*"),
            article_link=esc.slack_link(alert.url, "Read the article"),
            kibana_link=esc.slack_link(ctx["kibana_url"], "Search in Kibana"),
        )
        return ctx

    def text_context(self, alert: Alert) -> dict[str, Any]:
        snippet, spans = esc.evidence_highlight(alert)
        ctx = self._common(alert)
        ctx.update(
            title=esc.one_line(alert.title, 300),
            rule_title=esc.one_line(alert.rule_title),
            source=esc.one_line(alert.source or ""),
            snippet=esc.highlighted(snippet, spans, esc.plain_text, "»", "«"),
            url=esc.safe_url(alert.url),
        )
        return ctx

    def html_context(self, alert: Alert) -> dict[str, Any]:
        snippet, spans = esc.evidence_highlight(alert)
        ctx = self.text_context(alert)
        # Pre-escaped piecewise (the <mark> tags are ours), so it is marked safe.
        ctx["snippet"] = Markup(
            esc.highlighted(
                snippet, spans, lambda s: str(escape(esc.plain_text(s))), "<mark>", "</mark>"
            )
        )
        return ctx

    def digest_context(self, digest: dict[str, Any], medium: str) -> dict[str, Any]:
        """A digest's context: ``digest`` is {group, rule_id, pair_text, items, overflow, since,
        until}; item titles are escaped like alert titles."""
        items = []
        for it in digest["items"]:
            if medium == "slack":
                title = esc.slack_mrkdwn(esc.one_line(it.get("title"), 200))
                link = esc.slack_link(it.get("url"), "article")
            else:
                title, link = esc.one_line(it.get("title"), 200), esc.safe_url(it.get("url"))
            items.append(
                {
                    "title": title,
                    "link": link,
                    "severity": it.get("severity"),
                    "matched_at": it.get("matched_at"),
                    "key": it.get("key"),
                }
            )
        conv = esc.slack_mrkdwn if medium == "slack" else esc.one_line
        return {
            **digest,
            "pair": conv(digest.get("pair", "")),
            "rule_title": conv(digest.get("rule_title", "")),
            "items": items,
        }


def render_json(env: Environment, name: str, **ctx: Any) -> dict[str, Any]:
    """Render a JSON template; values go in through ``tojson`` so quotes cannot break out."""
    return json.loads(env.get_template(name).render(**ctx))
