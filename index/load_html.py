"""HTML as lines, headings kept with their level, navigation and scripts dropped."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from index.documents import FOOTNOTES_SECTION, DocumentError, Line

_DROP = ["script", "style", "noscript", "nav", "header", "footer", "form", "svg", "button", "template"]
_BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", "figcaption", "caption", "address"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}


def _text(node: Tag) -> str:
    # Join text nodes with nothing (inline links must not gain a space before a comma),
    # then collapse whitespace; <br> was already turned into a newline.
    return re.sub(r"\s+", " ", node.get_text("")).replace("↩", "").strip()


def _has_block_child(node: Tag) -> bool:
    return any(
        isinstance(c, Tag) and (c.name in _BLOCKS or c.name in _HEADINGS or c.name in {"table", "ul", "ol", "div", "section"})
        for c in node.descendants
    )


def _table_lines(table: Tag) -> list[str]:
    """One line per row, cells joined by ' | ', so a row reads as a sentence and the
    header row is kept first."""
    rows = []
    for tr in table.find_all("tr"):
        cells = [_text(c) for c in tr.find_all(["th", "td"])]
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _is_callout(node: Tag) -> bool:
    # GOV.UK responses set the committee's words apart in a call-to-action box.
    return node.name == "blockquote" or "call-to-action" in (node.get("class") or [])


def _is_footnotes(node: Tag) -> bool:
    return node.get("role") == "doc-endnotes" or "footnotes" in (node.get("class") or [])


def _footnote_lines(notes: Tag) -> list[Line]:
    """The notes as a section of their own, each with the marker the text cites it by
    ("[footnote 1]" on GOV.UK): left inline they would be read as the end of whatever
    section comes last, and lose the number that ties them to their sentence."""
    lines = [Line(text=FOOTNOTES_SECTION, page="1", heading_level=1)]
    for n, item in enumerate(notes.find_all("li"), start=1):
        text = _text(item)
        number = re.search(r"\d+", item.get("id") or "")
        if text:
            lines.append(Line(text=f"[footnote {number.group() if number else n}] {text}", page="1", block_end=True))
    return lines


def _walk(node: Tag, out: list[Line], quoted: bool = False) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            text = re.sub(r"\s+", " ", str(child)).strip()
            if text and node.name not in {"html", "[document]"}:
                out.append(Line(text=text, page="1", block_end=True, quoted=quoted))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if _is_footnotes(child):
            out.extend(_footnote_lines(child))
        elif name in _HEADINGS:
            text = _text(child)
            if text:
                out.append(Line(text=text, page="1", heading_level=_HEADINGS[name], quoted=quoted))
        elif name == "table":
            out.extend(Line(text=row, page="1", block_end=True, quoted=quoted) for row in _table_lines(child))
        elif name in _BLOCKS and not _has_block_child(child):
            text = _text(child)
            if text:
                prefix = "- " if name == "li" else ""
                out.append(Line(text=prefix + text, page="1", block_end=True, quoted=quoted or name == "blockquote"))
        else:
            _walk(child, out, quoted or _is_callout(child))


def load_html(path: Path) -> tuple[list[Line], int, dict]:
    raw = path.read_bytes()
    try:
        soup = BeautifulSoup(raw, "lxml")
    except Exception as exc:  # noqa: BLE001 - parser errors vary by input
        raise DocumentError(path, f"HTML could not be parsed ({exc})") from exc
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.select(".print-meta-data, .gem-c-print-link, .govuk-visually-hidden, .gem-c-contents-list"):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    # GOV.UK publications keep the document body in a govspeak block; the rest of
    # <main> is logo text, print links and licence boilerplate.
    root = main.select_one(".govspeak") or main
    lines: list[Line] = []
    _walk(root, lines)
    if not lines:
        raise DocumentError(path, "HTML has no text content")
    info = {}
    h1 = main.find("h1")
    if soup.title and soup.title.string:
        info["title"] = soup.title.string.strip()
    elif h1 is not None:
        info["title"] = _text(h1)
    return lines, 1, info
