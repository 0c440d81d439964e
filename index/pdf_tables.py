"""Response tables in PDFs: a grid of numbered recommendation rows with the government's
verdict in a column beside them ("Recommendation | Government Response | Paragraph no.").

pypdf's plain text follows the content stream, which glues a verdict cell to whichever
line it happens to sit next to ("... There should be a Accept in part"). Here every text
fragment's position decides what it is: a row number in the left margin of the
recommendation column starts a row, and text under a right-hand column header is that
row's cell, read after the row's own text as a table is read, left to right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROW_HEADER = re.compile(r"^(Recommendation|Conclusion)s?\b", re.I)
# Header words of the right-hand columns; the one naming the response holds the verdicts.
_COLUMN_WORD = re.compile(r"^(?:Government|Response|Status|Paragraph|Para|Ref|Reference|no\.?|Accepted\??)\b", re.I)
_RESPONSE_COLUMN = re.compile(r"\b(?:response|status|accepted)\b", re.I)
_ROW_NUMBER = re.compile(r"^(\d{1,3})\.?$")
_SLACK = 15.0  # points: a centred cell starts a little left of its header


_BOLD_FONT = re.compile(r"bold|semibold|demi|heavy|black", re.I)


@dataclass
class Fragment:
    """A run of text as pypdf draws it: where its baseline starts, in the page's own
    (unrotated) coordinates, and whether its font is a bold face."""
    text: str
    x: float
    y: float
    bold: bool = False


@dataclass
class ResponseTable:
    kind: str  # "Recommendation": what each numbered row is
    row_x: float  # left edge of the recommendation column's text
    columns: list[tuple[float, str]]  # (left edge, header) of each right-hand column
    first_page: int

    def column_at(self, x: float) -> str | None:
        name = None
        for left, header in self.columns:
            if x >= left - _SLACK:
                name = header
        return name

    def is_response_column(self, header: str) -> bool:
        return bool(_RESPONSE_COLUMN.search(header))


@dataclass
class TablePage:
    lines: list[tuple[str, str | None]]  # (text, "Recommendation 3" where the line starts that row)
    cells: list[tuple[str, str, str]] = field(default_factory=list)  # (row, column header, text)


def page_fragments(page) -> list[Fragment]:  # noqa: ANN001 - a pypdf page
    out: list[Fragment] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:  # noqa: ANN001 - pypdf's visitor signature
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        font = str(font_dict.get("/BaseFont", "")) if font_dict else ""
        out.append(Fragment(text, x, y, bool(_BOLD_FONT.search(font))))

    page.extract_text(visitor_text=visit)
    return out


def find_response_table(pages, texts: list[str]) -> ResponseTable | None:  # noqa: ANN001 - pypdf pages
    """The first page whose header row names a recommendation column and, to its right, a
    response column; None for a document without such a table. `texts` are the pages'
    plain text, already extracted."""
    for number, (page, text) in enumerate(zip(pages, texts)):
        if not re.search(r"\b(?:Recommendation|Conclusion)", text) or not _RESPONSE_COLUMN.search(text):
            continue
        frags = [f for f in page_fragments(page) if f.text.strip()]
        width = float(page.mediabox.width)
        for head in (f for f in frags if _ROW_HEADER.match(f.text.strip())):
            beside = sorted(
                (f for f in frags if abs(f.y - head.y) <= 20 and f.x >= max(head.x + 100, 0.5 * width)
                 and _COLUMN_WORD.match(f.text.strip())),
                key=lambda f: (f.x, -f.y),
            )
            columns: list[tuple[float, list[Fragment]]] = []
            for f in beside:
                if columns and f.x - columns[-1][0] <= 20:
                    columns[-1][1].append(f)
                else:
                    columns.append((f.x, [f]))
            named = [(left, " ".join(p.text.strip() for p in sorted(parts, key=lambda p: -p.y)))
                     for left, parts in columns]
            if any(_RESPONSE_COLUMN.search(name) for _, name in named):
                kind = _ROW_HEADER.match(head.text.strip()).group(1).capitalize()
                return ResponseTable(kind, head.x, named, number)
    return None


def read_table_page(page, table: ResponseTable, header_page: bool) -> TablePage | None:  # noqa: ANN001
    """The page as lines with its cells set apart, or None where the table has ended
    (text left of the recommendation column: the page is back to ordinary prose)."""
    frags = page_fragments(page)
    visible = [f for f in frags if f.text.strip()]
    if not header_page and any(f.x < table.row_x - 25 for f in visible):
        return None
    starts = {id(f): f"{table.kind} {m.group(1)}" for f in visible
              if (m := _ROW_NUMBER.match(f.text.strip())) and table.row_x - 40 <= f.x < table.row_x - 3}
    # A cell belongs to the row whose number is the nearest above it ("" before the
    # page's first row: the row carried over from the page before).
    tops = sorted(((f.y, starts[id(f)]) for f in visible if id(f) in starts), reverse=True)
    header_y = max((y for y, _ in tops), default=float("-inf")) if header_page else float("inf")
    stream: list[str] = []
    cells: list[tuple[str, str, str]] = []
    last_y: float | None = None  # baseline of the last text kept in the stream
    after_cell = False
    for frag in frags:
        text = frag.text
        column = table.column_at(frag.x) if text.strip() and id(frag) not in starts else None
        if column is not None and frag.y <= header_y + 3:
            # The cell leaves the line it was glued to; a newline it carried stays.
            stream.append("\n" * text.count("\n"))
            row = next((name for y, name in sorted(tops) if y >= frag.y - 3), "")
            cells.append((row, column, text.strip()))
            after_cell = True
            continue
        if text.strip():
            if after_cell and last_y is not None and stream and not "".join(stream[-2:]).endswith("\n"):
                # pypdf saw the cell between two lines and so no line break: restore it.
                stream.append("\n" if abs(frag.y - last_y) > 1 else " ")
            after_cell, last_y = False, frag.y
        stream.append(f"\x00{starts[id(frag)]}\x00{text}" if id(frag) in starts else text)
    lines: list[tuple[str, str | None]] = []
    for raw in "".join(stream).splitlines():
        marker = re.match(r"^\s*\x00([^\x00]*)\x00", raw)
        if marker:
            lines.append((raw[marker.end():], marker.group(1)))
        else:
            lines.append((raw.replace("\x00", ""), None))
    return TablePage(lines, _joined(cells))


def _joined(cells: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Fragments of one cell ('TBC by CO /', 'BIS') become one cell."""
    out: list[tuple[str, str, str]] = []
    for row, column, text in cells:
        if out and out[-1][0] == row and out[-1][1] == column:
            out[-1] = (row, column, f"{out[-1][2]} {text}")
        else:
            out.append((row, column, text))
    return out
