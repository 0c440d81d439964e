"""PDF pages as lines, with printed page labels, via pypdf."""
from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from index.documents import DocumentError, Line

logging.getLogger("pypdf").setLevel(logging.ERROR)

_PAGE_NUMBER_ONLY = re.compile(r"^\s*(page\s+)?[0-9ivxlc]{1,6}(\s+of\s+\d+)?\s*$", re.I)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines that repeat at the top or bottom of many pages (running heads,
    footers, 'Page 3 of 40'): they are furniture, not content."""
    if len(pages) < 4:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = [l for l in lines if l.strip()]
        counts.update({_shape(l) for l in edge[:2] + edge[-2:]})
    return {shape for shape, n in counts.items() if n >= max(3, len(pages) * 0.4)}


def load_pdf(path: Path) -> tuple[list[Line], int, dict]:
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise DocumentError(path, f"encrypted PDF that cannot be opened ({exc})") from exc
        labels = list(reader.page_labels)
        pages = [(page.extract_text() or "").splitlines() for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    if not any(l.strip() for lines in pages for l in lines):
        raise DocumentError(path, "PDF has no extractable text (scanned images need OCR)")
    furniture = _running_lines(pages)
    out: list[Line] = []
    for number, lines in enumerate(pages):
        label = labels[number] if number < len(labels) else str(number + 1)
        edge = {i for i, l in enumerate(lines) if l.strip()}
        edge_idx = sorted(edge)[:2] + sorted(edge)[-2:]
        for i, raw in enumerate(lines):
            text = raw.strip()
            if not text:
                continue
            if i in edge_idx and (_shape(text) in furniture or _PAGE_NUMBER_ONLY.match(text)):
                continue
            out.append(Line(text=text, page=label))
    info = {}
    meta = reader.metadata or {}
    if meta.get("/Title"):
        info["title"] = str(meta.get("/Title")).strip()
    return out, len(pages), info
