"""Plain text and Markdown as lines.

Plain text has no pages unless it carries form feeds. Many government .txt renderings
keep the printed contents list ("Recommendation 1 ... 4"); when there are no form feeds
we use it to give each heading its printed page, so citations point where a reader of
the published document would look.
"""
from __future__ import annotations

import re
from pathlib import Path

from index.content_type import decode_text
from index.documents import DocumentError, Line

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TOC_ENTRY = re.compile(r"^\s*(?P<title>\S.*?)[\s.…·_]*\t*\s(?P<page>\d{1,4}|[ivxlc]{1,6})\s*$", re.I)


def _norm_title(text: str) -> str:
    text = re.sub(r"^\s*\d+(\.\d+)*[.)]?\s+", "", text)
    text = re.sub(r"[.…·_\s]+$", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _contents_pages(lines: list[str]) -> tuple[list[tuple[str, str]], int, int]:
    """(normalised title, page) entries of a 'Contents' list, and the indexes of its
    first entry and of the line after it."""
    for i, line in enumerate(lines[:200]):
        if line.strip().casefold() in {"contents", "table of contents"}:
            entries: list[tuple[str, str]] = []
            j = i + 1
            while j < len(lines):
                text = lines[j]
                if not text.strip():
                    j += 1
                    if entries and j < len(lines) and not _TOC_ENTRY.match(lines[j]):
                        break
                    continue
                match = _TOC_ENTRY.match(text)
                if not match:
                    break
                entries.append((_norm_title(match["title"]), match["page"]))
                j += 1
            return (entries, i, j) if len(entries) >= 2 else ([], 0, 0)
    return [], 0, 0


def load_text(path: Path) -> tuple[list[Line], int, dict]:
    text = decode_text(path.read_bytes())
    if not text.strip():
        raise DocumentError(path, "file is empty")
    markdown = path.suffix.lower() in {".md", ".markdown"}
    info: dict = {}
    out: list[Line] = []
    physical = text.split("\f")
    if len(physical) > 1:
        for number, page_text in enumerate(physical, start=1):
            out.extend(_lines(page_text, str(number), markdown))
        return out, len(physical), info

    raw_lines = text.splitlines()
    entries, first, after = _contents_pages(raw_lines)
    if not entries:
        return _lines(text, "1", markdown), 1, info
    info["page_source"] = "printed contents list"
    page, pending = "1", list(entries)
    for number, raw in enumerate(raw_lines):
        if first <= number < after:
            continue  # the contents list is navigation, not content
        key = _norm_title(_MD_HEADING.sub(r"\2", raw)) if raw.strip() else ""
        for k, (title, toc_page) in enumerate(pending[:3]):
            if key and key == title:
                page, pending = toc_page, pending[k + 1 :]
                break
        out.extend(_lines(raw, page, markdown))
    last_page = max((int(p) for _, p in entries if p.isdigit()), default=1)
    return out, last_page, info


def _lines(text: str, page: str, markdown: bool) -> list[Line]:
    out = []
    for raw in text.splitlines() or [""]:
        stripped = raw.strip()
        if not stripped:
            out.append(Line(text="", page=page))  # blank lines separate paragraphs
            continue
        match = _MD_HEADING.match(stripped) if markdown else None
        if match:
            out.append(Line(text=match.group(2), page=page, heading_level=len(match.group(1))))
        else:
            out.append(Line(text=stripped.lstrip("*").rstrip("*") if markdown else stripped, page=page))
    return out
