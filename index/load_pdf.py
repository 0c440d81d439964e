"""PDF pages as lines, with printed page labels, via pypdf."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import PdfReadError

from index.documents import DocumentError, Line
from index.ocr import ocr_available, ocr_pages
from index.pdf_grid_tables import read_sideways_tables
from index.pdf_tables import TablePage, find_response_table, read_table_page

logging.getLogger("pypdf").setLevel(logging.ERROR)

_PAGE_NUMBER_ONLY = re.compile(r"^\s*(page\s+)?[0-9ivxlc]{1,6}(\s+of\s+\d+)?\s*$", re.I)
# A contents-list line: a title, then dotted leaders or spaces, then a page number.
_TOC_LINE = re.compile(r"^\s*\S.{2,}?(?:\s*[.…]{3,}\s*|\s+)\d{1,3}\s*$|^\s*[.…]{3,}\s*\d{1,3}\s*$")
# Footnotes that only cite a source (evidence references, inquiry document numbers, bare
# links) are not content, and their numbers and dates drown real answers.
_REFERENCE_FOOTNOTE = re.compile(
    r"INQ\d{6}|^\d{1,3}\s+(?:(?:Supplementary\s+)?(?:written|oral)\s+evidence\b|Q{1,2}\s?\d+|https?://|www\.|Ibid\b)",
    re.I,
)
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# In layout text, a wide gap inside a line (after any paragraph number or bullet) means
# columns or a table: layout mode would interleave them, so such a page is read plainly.
_COLUMN_GAP = re.compile(r"\S {4,}\S")
_SPLIT_HYPHEN = re.compile(r"(?<=\w) -(?=[a-z])")
_LEADING_MARKER = re.compile(r"^(?:[\d.]+|[•●▪\-–]|\(?[a-zivx0-9]{1,4}\))\s+")


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _is_contents_page(lines: list[str]) -> bool:
    """A page that is mostly 'Title .... 12' lines (a contents list): navigation, not
    content, and its lines would otherwise be read as headings."""
    text = [l for l in lines if l.strip()]
    if not text:
        return False
    toc = sum(1 for l in text if _TOC_LINE.match(l))
    head = " ".join(l.strip().lower() for l in text[:4])
    return toc >= 5 and (toc >= 0.5 * len(text) or "contents" in head)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines that repeat at the top or bottom of many pages (running heads,
    chapter titles repeated on odd pages, 'Page 3 of 40'): furniture, not content."""
    if len(pages) < 4:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = [l for l in lines if l.strip()]
        counts.update({_shape(l) for l in edge[:2] + edge[-2:]})
    return {
        shape for shape, n in counts.items()
        if n >= max(3, len(pages) * 0.4) or (n >= 3 and len(shape) >= 20)
    }


def _join_split_hyphen(text: str) -> str:
    """Justified layout text spreads 'whole-system' into 'whole -system'."""
    return _SPLIT_HYPHEN.sub("-", text)


def _page_text(page, plain: str) -> str:  # noqa: ANN001 - a pypdf page
    """The page in reading order. pypdf's default order follows the content stream, which
    in some responses emits a shaded box (the committee's recommendation) after the
    reply that follows it on the page; layout mode orders text by its position. Layout
    mode is kept only for single-column pages where it loses no text (it drops rotated
    text). `plain` is the page's default-mode text."""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - layout mode fails on odd fonts; plain text stands
        return plain
    lines = layout.splitlines()
    if sum(1 for l in lines if _COLUMN_GAP.search(_LEADING_MARKER.sub("", l.strip()))) > 2:
        return plain
    visible = lambda text: len(re.sub(r"\s", "", text))  # noqa: E731
    return layout if visible(layout) >= 0.98 * visible(plain) else plain


def _has_image(page) -> bool:  # noqa: ANN001 - a pypdf page
    """Does the page draw an image (a scan) rather than nothing at all?"""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")
        return bool(xobjects) and any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.get_object().values())
    except Exception:  # noqa: BLE001 - a page with odd resources simply has no scan to read
        return False


def _table_pages(reader: PdfReader, plains: list[str]) -> dict[int, TablePage]:
    """The pages of the document's response table, if it has one, read cell by cell."""
    table = find_response_table(reader.pages, plains)
    if table is None:
        return {}
    out: dict[int, TablePage] = {}
    for number in range(table.first_page, len(reader.pages)):
        page = read_table_page(reader.pages[number], table, header_page=number == table.first_page)
        if page is None:
            break
        out[number] = page
    return out


def load_pdf(path: Path) -> tuple[list[Line], int, dict]:
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # Many PDFs are "encrypted" with an empty password only to restrict printing.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - pypdf raises several types here
                raise DocumentError(path, f"encrypted PDF that cannot be opened ({exc})") from exc
            if opened == PasswordType.NOT_DECRYPTED:
                raise DocumentError(path, "encrypted: it needs a password to open")
        labels = list(reader.page_labels)
        plains = [page.extract_text() or "" for page in reader.pages]  # once: the table search reads it too
        table_pages = _table_pages(reader, plains)
        grid_pages = read_sideways_tables(reader.pages)
        pages = [
            [(_clean(text), row) for text, row in table_pages[n].lines] if n in table_pages
            else [(_clean(l), None) for l in _page_text(page, plains[n]).splitlines()]
            for n, page in enumerate(reader.pages)
        ]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    scanned = [n for n, lines in enumerate(pages) if not any(l.strip() for l, _ in lines) and _has_image(reader.pages[n])]
    ocr: set[int] = set()
    if scanned and ocr_available():
        for number, text in ocr_pages(path, scanned).items():
            pages[number] = [(_clean(l), None) for l in text.splitlines()]
            ocr.add(number)
    if not any(l.strip() for lines in pages for l, _ in lines):
        if scanned:
            raise DocumentError(path, "no extractable text — needs OCR (scanned pages; install Tesseract: "
                                      "apt-get install tesseract-ocr tesseract-ocr-eng)")
        raise DocumentError(path, "PDF has no extractable text")
    furniture = _running_lines([[l for l, _ in lines] for lines in pages])
    out: list[Line] = []
    row_cells: list[Line] = []  # the open table row's cells, read after its text
    for number, lines in enumerate(pages):
        label = labels[number] if number < len(labels) else str(number + 1)
        if number < 12 and _is_contents_page([l for l, _ in lines]):
            continue
        if number in grid_pages:
            grid = grid_pages[number]
            out.extend(Line(text=text, page=label) for text in grid.before
                       if not (_shape(text) in furniture or _PAGE_NUMBER_ONLY.match(text) or _REFERENCE_FOOTNOTE.search(text)))
            out.extend(Line(text=g.text, page=label, heading_level=g.heading_level, block_end=g.block_end)
                       for g in grid.lines)
            continue
        edge = {i for i, (l, _) in enumerate(lines) if l.strip()}
        edge_idx = sorted(edge)[:2] + sorted(edge)[-2:]
        kept: list[Line] = []
        gap = False
        cells: dict[str, list[Line]] = {}
        for row, column, text in table_pages[number].cells if number in table_pages else []:
            cells.setdefault(row, []).append(
                Line(text=_clean(text), page=label, block_end=True, table_cell=column))
        row_cells.extend(cells.get("", []))  # cells of the row carried over from the page before
        for i, (raw, row) in enumerate(lines):
            text = raw.strip()
            if not text:
                gap = True
                continue
            if i in edge_idx and (_shape(text) in furniture or _PAGE_NUMBER_ONLY.match(text)):
                continue
            if _REFERENCE_FOOTNOTE.search(text):
                continue
            if row is not None:
                kept.extend(row_cells)
                row_cells = list(cells.get(row, []))
            if gap and kept:
                # A blank line between two lines of one page ends a paragraph (layout mode
                # prints one); at a page end it says nothing, as paragraphs run on.
                kept[-1] = replace(kept[-1], block_end=True)
            gap = False
            kept.append(Line(text=_join_split_hyphen(text), page=label, table_row=row, ocr=number in ocr))
        if number in table_pages:
            if number + 1 not in table_pages:
                kept.extend(row_cells)  # the table ends: its last row is complete
                row_cells = []
        out.extend(kept)
    info: dict = {}
    if ocr:
        info["ocr_pages"] = [labels[n] if n < len(labels) else str(n + 1) for n in sorted(ocr)]
    meta = reader.metadata or {}
    if meta.get("/Title"):
        info["title"] = str(meta.get("/Title")).strip()
    return out, len(pages), info
