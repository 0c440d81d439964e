"""Unruled tables set sideways on rotated pages, one named row after another, the same
column headers repeated at the top of every page (the Covid Inquiry's "Table 7: Key
simulation exercises": Overview | Key objectives and participants | Key findings/concerns
| Key recommendations, a row per exercise).

pypdf's plain text reads such a page row by row, but nothing in it says where a row
starts, so a cell deep in a row ("Over 5,000 people participated …") no longer knows
which exercise it is about, and inline evidence references split its sentences. Here
each fragment's position decides its column, and the row's name (the first paragraph of
its first cell, set in a bold face) becomes a heading, so every chunk of a row carries
the row's name in its section path; each cell follows under its column's header.

Only pages turned a quarter (`/Rotate 90`) are read this way: portrait tables are the
response tables of `pdf_tables`, and an upright page's columns are prose as often as not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.pdf_tables import page_fragments

# Levels for headings the table itself gives: deeper than any heading the structure
# parser infers (items are 5, their parts 6), so a table nests under the section it
# sits in, and the next chapter heading closes it.
CAPTION_LEVEL = 7
ROW_LEVEL = 8

_CAPTION = re.compile(r"^Table\s+\d+[A-Za-z]?\s*[:.\-–]")
# An evidence reference in brackets, "(INQ000235216_0014 -0015)", which may wrap a line,
# or alone on a line under a cell.
_REFERENCE = re.compile(r"\s*\(\s*INQ\d{6,}[^()]*\)|^\s*INQ\d{6,}\S*\s*$", re.M)
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:])")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_SAME_LINE = 2.5  # points between the baselines of fragments on one printed line
_SLACK = 8.0  # points: a cell's text starts a little off its header's edge; a long reference
# ends close to the next column's edge


@dataclass
class _Fragment:
    text: str
    down: float  # distance from the page's top edge, as read
    across: float  # distance from its left edge, as read
    bold: bool


@dataclass(frozen=True)
class GridLine:
    text: str
    heading_level: int | None = None
    block_end: bool = False


@dataclass
class GridPage:
    before: list[str]  # lines above the table's header (the caption, a running head)
    lines: list[GridLine]


def _fragments(page) -> list[_Fragment]:  # noqa: ANN001 - a pypdf page
    # Turned a quarter clockwise: the page's x runs down the reader's view, its y across.
    return [_Fragment(f.text, f.x, f.y, f.bold) for f in page_fragments(page) if f.text.strip()]


def _lines(frags: list[_Fragment]) -> list[list[_Fragment]]:
    """Fragments grouped into printed lines, top to bottom, each read left to right."""
    lines: list[list[_Fragment]] = []
    for frag in sorted(frags, key=lambda f: (f.down, f.across)):
        if lines and frag.down - lines[-1][0].down <= _SAME_LINE:
            lines[-1].append(frag)
        else:
            lines.append([frag])
    return [sorted(line, key=lambda f: f.across) for line in lines]


def _text(frags: list[_Fragment]) -> str:
    # Two runs of a line meet without a space where the PDF moved the pen instead of
    # printing one ("12" "March 2018").
    parts: list[str] = []
    for frag in frags:
        if parts and parts[-1][-1:].isalnum() and frag.text[:1].isalnum():
            parts.append(" ")
        parts.append(frag.text)
    return _SPACES.sub(" ", "".join(parts)).strip()


def _cell_lines(frags: list[_Fragment]) -> list[tuple[str, bool]]:
    """A cell's lines, each with whether it is a bold label ('Capacity') that heads the
    bullets under it, without evidence references: they split sentences ('… cases in the
    UK) (INQ000128977_0004 ).') and answer nothing."""
    marked = "\n".join(("\x01" if all(f.bold for f in line) else "") + _text(line) for line in _lines(frags))
    out: list[tuple[str, bool]] = []
    for raw in _REFERENCE.sub("", marked).splitlines():
        text = _SPACE_BEFORE_STOP.sub(r"\1", _SPACES.sub(" ", raw.replace("\x01", ""))).strip()
        if text:
            out.append((text, raw.startswith("\x01")))
    return out


def _row_name(frags: list[_Fragment]) -> str:
    """The first paragraph of the row's first cell: its name, and the date and place
    printed under it ("Exercise Silver Swan April 2016 Scotland"), which every cell of
    the row is about."""
    lines = _lines(frags)
    gaps = [b[0].down - a[0].down for a, b in zip(lines, lines[1:])]
    spacing = min(gaps, default=0.0)
    name = lines[:1]
    for line, gap in zip(lines[1:], gaps):
        if gap > 1.5 * spacing:
            break
        name.append(line)
    return " ".join(t for t in (_text(line) for line in name) if t and not _REFERENCE.search(t))


def _header(lines: list[list[_Fragment]], height: float) -> int | None:
    """Index of the header line: among the first few, one with three or more short labels
    spread over at least half the page's width as read (`height`, the page turned)."""
    for i, line in enumerate(lines[:5]):
        labels = [f for f in line if f.text.strip()]
        if (len(labels) >= 3 and all(len(f.text.split()) <= 6 for f in labels)
                and labels[-1].across - labels[0].across >= 0.5 * height):
            return i
    return None


def _read_page(lines: list[list[_Fragment]], columns: list[tuple[float, str]], header_at: int) -> GridPage:
    before = [_text(line) for line in lines[:header_at]]
    header_down = lines[header_at][0].down
    cells: dict[int, list[_Fragment]] = {}
    # Beyond the first column's edge or past the last column's width: the page number
    # and running head printed in the margins.
    low = columns[0][0] - _SLACK
    high = columns[-1][0] + (columns[-1][0] - columns[0][0]) / max(len(columns) - 1, 1)
    for frag in (f for line in lines[header_at + 1:] for f in line
                 if f.down > header_down + _SAME_LINE and low <= f.across <= high):
        column = max((i for i, (left, _) in enumerate(columns) if frag.across >= left - _SLACK), default=0)
        cells.setdefault(column, []).append(frag)
    # A row starts where the first column's text turns bold again after plain text (its
    # references) or at the top of the page: the row's name.
    first = sorted(cells.get(0, []), key=lambda f: (f.down, f.across))
    starts: list[float] = []
    previous: _Fragment | None = None
    for frag in first:
        if frag.bold and (previous is None or not previous.bold):
            starts.append(frag.down)
        previous = frag
    out: list[GridLine] = []
    bounds = [float("-inf"), *starts, float("inf")]
    for top, bottom in zip(bounds, bounds[1:]):
        row = {c: [f for f in frags if top - _SAME_LINE <= f.down < bottom - _SAME_LINE] for c, frags in cells.items()}
        if not any(row.values()):
            continue
        if top != float("-inf"):
            out.append(GridLine(_row_name(row.get(0, [])), heading_level=ROW_LEVEL))
        for column, (_, label) in enumerate(columns):
            texts = _cell_lines(row.get(column, []))
            if not texts:
                continue
            # The header as a line of its own, not a subheading: a row is one section, so
            # what one cell says is read with the name, date and place the first gives.
            out.append(GridLine(label, block_end=True))
            # In a cell of plain text, a bold line is a label: it, and the line before it,
            # end a paragraph, so the label is not read as the last bullet's tail.
            labelled = {i for i, (_, bold) in enumerate(texts) if bold} if not all(b for _, b in texts) else set()
            for i, (text, _) in enumerate(texts):
                ends = i == len(texts) - 1 or i in labelled or i + 1 in labelled
                out.append(GridLine(text, block_end=ends))
    return GridPage(before, out)


def read_sideways_tables(pages) -> dict[int, GridPage]:  # noqa: ANN001 - pypdf pages
    """Pages of sideways tables, by page number, read row by row. A table is two or more
    consecutive quarter-turned pages under the same column headers, with a bold row name."""
    found: dict[int, tuple[list[tuple[float, str]], int, list[list[_Fragment]]]] = {}
    for number, page in enumerate(pages):
        if int(page.get("/Rotate", 0) or 0) % 360 != 90:
            continue
        lines = _lines(_fragments(page))
        at = _header(lines, float(page.mediabox.height))
        if at is None:
            continue
        columns = [(f.across, f.text.strip()) for f in lines[at] if f.text.strip()]
        found[number] = (columns, at, lines)
    out: dict[int, GridPage] = {}
    for number, (columns, at, lines) in found.items():
        labels = [label for _, label in columns]
        neighbours = [found.get(number + step) for step in (-1, 1)]
        if not any(n and [label for _, label in n[0]] == labels for n in neighbours):
            continue
        grid = _read_page(lines, columns, at)
        if any(line.heading_level == ROW_LEVEL for line in grid.lines) or number - 1 in out:
            out[number] = grid
    for grid in out.values():
        grid.before = [t for t in grid.before if t]
        captions = [i for i, t in enumerate(grid.before) if _CAPTION.match(t)]
        if captions:
            caption = grid.before.pop(captions[0])
            grid.lines.insert(0, GridLine(caption, heading_level=CAPTION_LEVEL))
    return out
