"""Document structure from lines: headings, numbered paragraphs and the
committee/response pattern ("Recommendation N", "Response: Accept", "Financial
Implications"), as sections that each know their path, e.g.
`Recommendations > Recommendation 3 > Response`.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from index.documents import Line, LoadedDocument

_ITEM = re.compile(
    r"^(?:Summary\s+of\s+)?(?P<kind>Recommendation|Conclusion|Comment)s?\s*(?P<num>\d{1,3}[a-z]?)?\s*(?P<sep>[:.\-–—)]?)\s*(?P<rest>.*)$",
    re.I,
)
# The marker that opens an item heading, up to its title: "Recommendation 3: ",
# "Comment 2 and 3", "Summary of comments 11-17".
_ITEM_MARKER = re.compile(r"^(?:Summary\s+of\s+)?(?:Recommendation|Conclusion|Comment)s?\s*[\d\s,and&–\-to]*[:.\-–—]?\s*", re.I)
_NUMBER_RANGE = re.compile(r"(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})")
_ITEM_NUMBER = re.compile(r"\b\d{1,3}[a-z]?\b")
_RESPONSE = re.compile(
    r"^(?:(?:the\s+)?(?:UK\s+|Welsh\s+|Scottish\s+)?Government(?:'s|’s)?\s+)?Response\b\s*[:\-–—]?\s*(?P<rest>.*)$",
    re.I,
)
_FINANCIAL = re.compile(r"^Financial\s+implications?\s*:?\s*$", re.I)
_STATUS = re.compile(
    r"^(?P<status>(?:partially\s+|partly\s+|not\s+|does\s+not\s+|do\s+not\s+)?"
    r"(?:accept(?:ed)?|agree(?:d)?|reject(?:ed)?|note(?:d)?|disagree(?:d)?|support(?:ed)?|decline(?:d)?)"
    r"(?:\s+in\s+(?:principle|part|full))?|under\s+consideration|TBC|TBD|to\s+be\s+confirmed)\b",
    re.I,
)
_CHAPTER = re.compile(
    r"^(?:chapter|part|section|annex|appendix)\s+(\d+|[A-Z]|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten)\b[:.\-–—]?\s*(.*)$",
    re.I,
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<rest>\S.*)$")
NUMBERED_PARAGRAPHS = True  # issue 4 lever
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,3}\.\s+[A-Z]")
# A report sets each recommendation in a box between its chapter's numbered paragraphs:
# the next "2.99. When the pandemic …" is the chapter again, not the recommendation.
REPORT_ITEMS_END = True  # issue 4 lever
_CHAPTER_PARAGRAPH = re.compile(r"^(?:[A-Z]?\d{1,2}\.\d{1,3})\.?\s+[A-Z“\"‘']")
# A numbered heading needs "1." or "1.2": a bare "7 Title" is usually a footnote.
_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}\.(?:\d{1,2}(?:\.\d{1,2})?\.?)?)\s+(?P<rest>[A-Z].*)$")
# "Recommendation 12" or "Recommendation 3: Title" alone on a line is a heading wherever
# it falls, even after a line that a footnote or a page break left unfinished.
_ITEM_LINE = re.compile(r"^(?:Recommendation|Conclusion|Comment)\s+\d{1,3}[a-z]?(?:\s*:.*)?$")
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?\s+")
_RESPONSE_CELL = re.compile(r"\b(?:response|status|accepted)\b", re.I)
_BULLET = re.compile(r"^[-•●▪*–]\s+")
# Where a response document gives no "Response:" heading, the government's reply to a
# recommendation starts with a paragraph in its own voice.
_GOVERNMENT_VOICE = re.compile(
    r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:The\s+|HM\s+)?(?:UK\s+|Welsh\s+|Scottish\s+)?Government(?:’s|'s)?\s+"
    r"(?:agrees|accepts|welcomes|notes|recognises|recognizes|acknowledges|supports|rejects|does not|did not|will|has|"
    r"thanks|believes|shares|remains|response|position|fully|partially|partly|already|continues|considers|intends|"
    r"plans|is committed|is already|is working|disagrees|cannot|can confirm|would)|"
    r"We\s+(?:agree|accept|welcome|will|have\s+(?:already|now|also|been|established)|recognise|recognize|acknowledge|"
    r"note|support|do not|fully|share|remain|are committed|are working|are already|thank|can confirm|continue))\b",
    re.I,
)


# The committee's own voice: a paragraph that recommends, urges or welcomes is still the
# recommendation, not the reply.
_COMMITTEE_VOICE = re.compile(
    r"\b(?:should|must|ought|we\s+(?:recommend|urge|encourage|call|welcome|note|commend|support|believe|are\s+concerned|"
    r"acknowledge|recognise|recognize|consider|heard|were\s+told)|the\s+committee)\b",
    re.I,
)


def _explicit_replies(texts: list[str]) -> bool:
    """Does the document head its replies ('Response:', 'Government response: Accept')?"""
    count = 0
    for text in texts:
        match = _RESPONSE.match(text)
        if match and len(text.split()) <= 8 and (not match["rest"].strip() or _status(match["rest"])):
            count += 1
    return count >= 2


def item_numbers(heading: str) -> tuple[str, ...]:
    """The numbers an item heading covers: 'Comment 2 and 3' -> ('2', '3'),
    'Summary of comments 11-17' -> 11..17; () for a heading without a number."""
    marker = _ITEM_MARKER.match(heading)
    span = heading[: marker.end()] if marker else heading
    ranged = _NUMBER_RANGE.search(span)
    if ranged and int(ranged[1]) < int(ranged[2]) <= int(ranged[1]) + 30:
        return tuple(str(n) for n in range(int(ranged[1]), int(ranged[2]) + 1))
    return tuple(_ITEM_NUMBER.findall(span))


def in_government_voice(text: str) -> bool:
    """'The Government agrees ...', 'We will ...': a reply, not the committee's text."""
    return bool(_GOVERNMENT_VOICE.match(text))


_STOP_END = {"the", "and", "of", "to", "a", "an", "in", "for", "on", "by", "with", "or", "that", "is", "are", "be", "as", "at", "from"}

# Ranks: a heading closes every open heading of equal or greater rank.
RANK_ITEM = 5.0  # Recommendation / Conclusion / Comment
RANK_ITEM_PART = 6.0  # Response / Financial Implications
RANK_SUBHEADING = 2.0  # a chapter's subheading found only where a recommendation box ends


@dataclass
class Paragraph:
    text: str
    pages: list[tuple[int, str]]  # (char offset, page label) wherever the page changes
    number: str | None = None  # "4.2" for a numbered paragraph

    def page_at(self, offset: int) -> str:
        page = self.pages[0][1]
        for start, label in self.pages:
            if start > offset:
                break
            page = label
        return page


@dataclass
class Section:
    path: tuple[str, ...]
    paragraphs: list[Paragraph] = field(default_factory=list)
    recommendation: str | None = None  # "3" under "Recommendation 3"
    item_kind: str | None = None  # recommendation / conclusion / comment
    part: str | None = None  # "recommendation", "response", "financial implications"
    response_status: str | None = None  # "Accept", "Accept in principle", ...
    item_id: int | None = None  # which item heading (in document order) the section belongs to
    item_numbers: tuple[str, ...] = ()  # every number that heading covers; () for a bare "Conclusion"
    item_title: str | None = None  # "A better approach to risk assessment"

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


def _is_title_like(text: str, next_text: str | None, wrapped_ok: bool = False) -> bool:
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90:
        return False
    if text[-1] in ".,;!?" or (not wrapped_ok and (text[-1] == ":" or words[-1].lower() in _STOP_END)):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return next_text is None or not next_text[:1].islower()


def _status(text: str) -> str | None:
    match = _STATUS.match(text.strip())
    if not match:
        return None
    status = re.sub(r"\s+", " ", match.group("status")).strip()
    return status if status.isupper() else status[0].upper() + status[1:].lower()


@dataclass
class _Heading:
    rank: float
    title: str
    kind: str  # generic / item / part
    number: str | None = None
    status: str | None = None
    inline: str = ""  # text after the marker on the same line, kept as content
    item_kind: str | None = None  # recommendation / conclusion / comment, for an item heading
    numbers: tuple[str, ...] = ()  # the numbers an item heading covers
    item_id: int | None = None  # set when the heading opens its section
    table: bool = False  # a row of a response table: its reply is the verdict cell, not prose


def _classify(line: Line, next_text: str | None, counters: dict[str, int], in_item: bool,
              numbers_paragraphs: bool = False) -> _Heading | None:
    text = line.text.strip()
    if line.table_row is not None:
        kind, number = line.table_row.split()[0].lower(), line.table_row.split()[-1]
        return _Heading(RANK_ITEM, line.table_row, "item", number=number, inline=_ROW_NUMBER.sub("", text),
                        item_kind=kind, numbers=(number,), table=True)
    if line.table_cell is not None and in_item and _RESPONSE_CELL.search(line.table_cell):
        # The verdict column: "Accept in part", or "TBC" where the document has no verdict yet.
        return _Heading(RANK_ITEM_PART, "Response", "part", status=_status(text), inline=text)
    base = float(line.heading_level) if line.heading_level else None
    item = _ITEM.match(text)
    if item and (item["num"] or item["sep"] == ":" or base is not None):
        rest = item["rest"].strip()
        # "Recommendation 3 is accepted." is prose, not a heading.
        prose = bool(rest) and item["sep"] not in ":.-–—)" and (rest[-1:] in ".;," or len(rest.split()) > 14)
        if base is not None or not prose:
            kind = item["kind"].lower()
            number = item["num"]
            if not number:
                counters[kind] = counters.get(kind, 0) + 1
                number = str(counters[kind])
            title = f"{kind.capitalize()} {number}"
            inline = rest if (base is None and rest and (rest[-1:] in ".;" or len(rest.split()) > 14)) else ""
            numbers = (number,)
            if base is not None and (item["num"] or (kind == "conclusion" and not item["sep"])):
                # Markup headings read as written ("Comment 2 and 3"); a bare "Conclusion"
                # heading is the response's closing chapter, not a numbered item.
                title = text
                numbers = item_numbers(text)
            elif rest and not inline:
                title = f"{title}: {rest}"
            return _Heading(base if base is not None else RANK_ITEM, title, "item", number=number, inline=inline,
                            item_kind=kind, numbers=numbers)
    response = _RESPONSE.match(text)
    if response and (base is not None or len(text.split()) <= 8):
        rest = response["rest"].strip()
        status = _status(rest) if rest else None
        # A bare "Government response" outside any recommendation is a document title.
        if status or (not rest and (in_item or base is not None)):
            # The verdict line stays in the text too, so "was it accepted?" can be
            # answered with a quote of it.
            inline = text if status else ""
            rank = base + 0.5 if base is not None else RANK_ITEM_PART
            return _Heading(rank, "Response", "part", status=status, inline=inline)
    if _FINANCIAL.match(text):
        rank = base + 0.5 if base is not None else RANK_ITEM_PART
        return _Heading(rank, "Financial Implications", "part")
    if base is not None:
        return _Heading(base, text, "generic")  # markup headings keep their numbers ("1.1 Policy context")
    chapter = _CHAPTER.match(text)
    # "Annex C – Government's response to ..." may wrap onto a short lower-case line;
    # with its separator it is still a heading, where "Part 2 of the Act ..." is prose.
    wrapped = bool(re.match(r"^\S+\s+\S+\s*[:\-–—]\s", text)) and len((next_text or "").split()) <= 3
    if chapter and not chapter.group(2).startswith((";", ",")) and _is_title_like(
            text, None if wrapped else next_text, wrapped_ok=True):
        return _Heading(1.0, _fix_case(text), "generic")
    numbered = _NUMBERED_HEADING.match(text)
    if numbered and numbers_paragraphs and "." not in numbered["num"].rstrip("."):
        # "9. Welfare Sector Transparency Board (Chair: Gill Aitken, DWP)" in a document
        # whose paragraphs run "38. …", "39. …" is an item of a list, not a heading
        return None
    if numbered and _is_title_like(numbered["rest"], next_text) and len(numbered["rest"].split()) <= 8:
        depth = numbered["num"].rstrip(".").count(".") + 1
        return _Heading(float(depth), numbered["rest"].strip(), "generic", number=numbered["num"])
    return None


def _fix_case(text: str) -> str:
    """Small-caps headings come out of PDFs as 'ChAPTER 3: GROWING ThE UK'S ...'."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        return text.title().replace("’S", "’s").replace("'S", "'s")
    return text


def parse_structure(lines: list[Line], is_response: bool = True) -> list[Section]:
    """Group lines into sections. Headings open sections; everything else becomes
    paragraphs of the open section, keeping the page of every line. In a government
    response (`is_response`), a paragraph in the government's own voice after a
    recommendation's text opens its Response part even without a heading."""
    counters: dict[str, int] = {}
    item_ids = itertools.count()
    stack: list[_Heading] = []
    sections: list[Section] = [Section(path=())]
    para_lines: list[Line] = []
    blank_before = True

    def flush() -> None:
        if para_lines:
            sections[-1].paragraphs.append(_paragraph(para_lines))
            para_lines.clear()

    def close_item() -> None:
        """Back to the section that held the item, which goes on after it, under the
        subheading that closed the box ("The lead government department model …") where
        there is one."""
        box = sections[-1].paragraphs
        subheading = box.pop() if len(box) > 1 and _is_title_like(box[-1].text, None) else None
        while stack and stack[-1].kind != "item":
            stack.pop()
        if stack:
            stack.pop()
        if subheading is None:
            sections.append(Section(path=tuple(h.title for h in stack)))
        else:
            open_section(_Heading(RANK_SUBHEADING, subheading.text, "generic"))

    def open_section(heading: _Heading) -> None:
        while stack and stack[-1].rank >= heading.rank:
            stack.pop()
        stack.append(heading)
        item = next((h for h in reversed(stack) if h.kind == "item"), None)
        part = None
        if heading.kind == "item":
            part = item.item_kind if item else None
        else:
            part_heading = next((h for h in reversed(stack) if h.kind == "part"), None)
            if part_heading and item and stack.index(part_heading) > stack.index(item):
                part = part_heading.title.lower()
            elif item:
                part = item.item_kind
        status = next((h.status for h in reversed(stack) if h.status), None)
        if heading.kind == "item":
            heading.item_id = next(item_ids)
        sections.append(Section(
            path=tuple(h.title for h in stack),
            recommendation=item.number if item else None,
            item_kind=item.item_kind if item else None,
            part=part,
            response_status=status if part == "response" else None,
            item_id=item.item_id if item else None,
            item_numbers=item.numbers if item else (),
            item_title=(_ITEM_MARKER.sub("", item.title).strip() or None) if item else None,
        ))

    texts = [l.text.strip() for l in lines]
    consumed: set[int] = set()
    # A document that numbers its paragraphs "12. The Government …" does not number its
    # headings the same way.
    numbers_paragraphs = NUMBERED_PARAGRAPHS and sum(
        1 for t in texts if _NUMBERED_PARAGRAPH.match(t) and len(t.split()) > 15) >= 10
    # How this document sets a reply apart from the recommendation it answers: a heading,
    # a callout around the committee's words, or (neither) only paragraph order.
    headed_replies = _explicit_replies(texts)
    dividers = _divider_titles(lines, texts) if DIVIDER_PAGES else {}
    callouts = any(l.quoted for l in lines)
    quoted_seen = False
    for i, line in enumerate(lines):
        text = texts[i]
        if not text:
            flush()
            blank_before = True
            continue
        next_text = next((t for t in texts[i + 1 : i + 4] if t), None)
        # Without markup, a title is only trusted at a paragraph start.
        if i in consumed:
            continue
        can_head = (line.heading_level is not None or blank_before or not para_lines
                    or line.table_row is not None or line.table_cell is not None
                    or _ends_sentence(para_lines[-1].text) or bool(_ITEM_LINE.match(text))
                    or bool(_CHAPTER.match(text) and len(text.split()) <= 12)
                    or line.page != lines[i - 1].page  # a page starts a line afresh
                    or _is_title_like(para_lines[-1].text, None))
        in_item = any(h.kind == "item" for h in stack)
        heading = _classify(line, next_text, counters, in_item, numbers_paragraphs) if can_head else None
        divider = heading is None and i in dividers
        if divider:
            title, rest = dividers[i]  # already joined with the lines it wraps onto
            heading = _Heading(1.0, title, "generic")
            consumed.update(rest)
        if heading:
            flush()
            if line.heading_level is None and not heading.inline and not divider:
                heading.title = _continue_title(heading.title, lines, texts, i, consumed)
            open_section(heading)
            quoted_seen = line.quoted
            if heading.inline:
                para_lines.append(Line(text=heading.inline, page=line.page))
                if not heading.table:
                    flush()  # the verdict line is a sentence of its own; a table row's text runs on
        else:
            top = stack[-1] if stack else None
            starts = not para_lines or _ends_sentence(para_lines[-1].text)
            after_committee = bool(para_lines or sections[-1].paragraphs)
            if (REPORT_ITEMS_END and not is_response and starts and after_committee and _CHAPTER_PARAGRAPH.match(text)
                    and any(h.kind == "item" and not h.table for h in stack)):
                flush()
                close_item()
            elif is_response and top is not None and top.kind == "item" and not top.table and after_committee and (
                (starts and _GOVERNMENT_VOICE.match(text))
                or (callouts and quoted_seen and not line.quoted)
                or (not headed_replies and not callouts and not para_lines and not _BULLET.match(text)
                    and not _COMMITTEE_VOICE.search(_paragraph_ahead(lines, i)))
            ):
                flush()
                open_section(_Heading(top.rank + 0.5, "Response", "part"))
            elif para_lines and _starts_paragraph(text, para_lines[-1].text):
                flush()
            para_lines.append(line)
            quoted_seen = quoted_seen or line.quoted
            if line.block_end:
                flush()  # an HTML paragraph, list item or table row is a paragraph of its own
        blank_before = False
    flush()
    return [s for s in sections if s.paragraphs]


DIVIDER_PAGES = True  # issue 4 lever
_PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|[ivxlc]{1,6})$", re.I)
_WORD = re.compile(r"^(?:[^\W\d_]|[’'-])+[:,]?$")
_BLANK_PAGE = re.compile(r"\b(?:intentionally|deliberately) (?:left )?blank\b", re.I)


def _divider_titles(lines: list[Line], texts: list[str]) -> dict[int, tuple[str, list[int]]]:
    """A PDF page holding nothing but a short title ("Executive summary", "Voices of
    those bereaved", "Introduction by The Rt Hon the Baroness Hallett DBE") divides the
    document: its title heads what follows, though no chapter number or markup says so.
    By the index of the title's first line: the title, and the lines it wraps onto."""
    pages: dict[str, list[int]] = {}
    for i, (line, text) in enumerate(zip(lines, texts)):
        if text and not _PAGE_NUMBER.match(text) and line.heading_level is None:
            pages.setdefault(line.page, []).append(i)
    found: dict[int, tuple[str, list[int]]] = {}
    if len(pages) < 3:
        return found  # a note of a page or two (an HTML page is one) has no divider pages
    last = list(pages)[-1]
    for page, rows in pages.items():
        title = " ".join(" ".join(texts[i] for i in rows).split())
        if page != last and len(rows) <= 3 and _is_divider_title(title):
            found[rows[0]] = (_fix_case(title), rows[1:])
    return found


def _is_divider_title(title: str) -> bool:
    words = title.split()
    if len(words) > 12 or re.search(r"[.;!?] ", title) or _BLANK_PAGE.search(title):
        return False
    if _CHAPTER.match(title) or _ITEM_LINE.match(title):
        return False  # read as chapters and items already
    if sum(bool(_WORD.match(w)) for w in words) < max(2, 0.6 * len(words)):
        return False  # a back cover's ISBN and catalogue numbers
    return _is_title_like(title, None, wrapped_ok=True)


def _paragraph_ahead(lines: list[Line], i: int, limit: int = 15) -> str:
    """The text of the paragraph starting at line i, as far as its block end."""
    parts = []
    for line in lines[i : i + limit]:
        parts.append(line.text)
        if line.block_end:
            break
    return " ".join(parts)


def _continue_title(title: str, lines: list[Line], texts: list[str], i: int, consumed: set[int]) -> str:
    """PDF headings wrap: 'Chapter 1:' / 'A brief history of epidemics' / 'and pandemics'.
    Take up to two following lines into the title while the title is visibly unfinished
    or the next line continues it in lower case."""
    for j in range(i + 1, min(i + 3, len(lines))):
        nxt = texts[j]
        if not nxt or lines[j].heading_level is not None or len(nxt.split()) > 9 or nxt[-1:] in ".;!?":
            break
        last = title.split()[-1].lower() if title.split() else ""
        unfinished = title.endswith(":") or last in _STOP_END or last in {"–", "-", "—"}
        if not (unfinished or nxt[:1].islower()) or _ITEM_LINE.match(nxt) or _NUMBERED.match(nxt):
            break
        title = f"{title} {nxt}"
        consumed.add(j)
    return _fix_case(title)


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".:;?!”\"’)" if text.strip() else True


def _starts_paragraph(text: str, previous: str) -> bool:
    if _BULLET.match(text):
        return True
    numbered = _NUMBERED.match(text)
    return bool(numbered) and _ends_sentence(previous) and numbered["rest"][:1].isupper()


def _paragraph(lines: list[Line]) -> Paragraph:
    parts: list[str] = []
    pages: list[tuple[int, str]] = []
    length = 0
    for line in lines:
        text = line.text.strip()
        if parts:
            # A line ending in a hyphen continues a compound ("whole-" / "system"): join
            # without a space and keep the hyphen, which these documents print as hard.
            if parts[-1].endswith("-") and text[:1].islower() and not parts[-1].endswith(" -"):
                pass
            else:
                parts.append(" ")
                length += 1
        if not pages or pages[-1][1] != line.page:
            pages.append((length, line.page))
        parts.append(text)
        length += len(text)
    joined = "".join(parts)
    numbered = _NUMBERED.match(joined)
    number = numbered["num"] if numbered and not _is_title_like(numbered["rest"], None) else None
    return Paragraph(text=joined, pages=pages, number=number)


def parse_document(doc: LoadedDocument) -> list[Section]:
    """Sections of a loaded document; replies without a heading are recognised only in
    government responses."""
    return parse_structure(doc.lines, is_response="response" in str(doc.metadata.get("doc_type", "")))
