"""HTML to text: whole pages through trafilatura, fragments (feed summaries, JSON bodies) through a
small lxml walk that keeps paragraph structure."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

_BLOCK = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr"),
        *("blockquote", "pre", "section", "article", "header", "footer", "tr", "table"),
        *("figure", "figcaption", "dd", "dt"),
    }
)
_DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "button"}
)
_PAGE = re.compile(r"<\s*(?:html|body|head|!doctype)\b", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?\s*>")


@dataclass(slots=True)
class PageText:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def is_full_page(markup: str) -> bool:
    """A document with <html>/<body>/<head>, as opposed to a fragment."""
    return bool(_PAGE.search(markup[:5000]))


def looks_like_html(text: str) -> bool:
    """Does a body field carry markup rather than plain text?"""
    return bool(_TAG.search(text[:5000]))


_FAST_ENOUGH = 400  # characters: below this the fast pass may have missed the article


def _extract(markup: str, url: str | None, *, fast: bool) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return trafilatura.bare_extraction(
                markup,
                url=url,
                fast=fast,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
                favor_precision=True,
                # keep the time and offset when the page states them (default: the day only)
                date_extraction_params={
                    "original_date": True,
                    "extensive_search": True,
                    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
                },
            )
    except Exception:  # lxml/trafilatura errors on hostile markup mean "no text here"
        return None


def _text_of(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def extract_page(markup: str, url: str | None = None) -> PageText | None:
    """Main text and metadata of a full HTML page (trafilatura); ``None`` if it finds no text.

    Paragraphs come back separated by blank lines. Comments, tables of links, navigation and
    footers are trafilatura's to judge; we only ask for precision over recall. The fast pass
    (no fallback extractors) runs first; the full one only when it finds little text, which
    keeps typical pages ~30% cheaper.
    """
    doc = _extract(markup, url, fast=True)
    if len(_text_of(doc).strip()) < _FAST_ENOUGH:
        full = _extract(markup, url, fast=False)
        if len(_text_of(full).strip()) > len(_text_of(doc).strip()):
            doc = full
    text = _text_of(doc)
    if doc is None or not text.strip():
        return None
    return PageText(
        text="\n\n".join(line for line in text.split("\n") if line.strip()),
        title=getattr(doc, "title", None) or None,
        date=getattr(doc, "date", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        language=getattr(doc, "language", None) or None,
    )


def fragment_to_text(markup: str) -> str:
    """Text of an HTML fragment, one paragraph per block element, scripts and styles dropped."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError, TypeError):
        return _TAG.sub(" ", markup)
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            # the tail belongs to the parent's flow, keep it
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCK:
            parts.append("\n\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return "".join(parts)
