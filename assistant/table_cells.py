"""A cell of a table row the question names: "What weighting does question 3.8 carry?"

A table is kept as lines of cells joined by " | ", a header line first ("# | Question |
Question Type | Word or file limit | … | Weighting"), each row a paragraph led by its label
("3.8 | Please outline …"), so the structure reads the label as the paragraph's number.
A row longer than a chunk is cut into pieces, and the piece that holds the asked-for cell
carries neither the row's label nor the header; the sentence scorer cannot tell "15% of
Criterion D" from the next row's "40% of Criterion E". Here the row is followed from its
label to its end, and the cell is counted from the row's end, under the header cell whose
words the question uses.
"""
from __future__ import annotations

import re

from assistant.models import Citation
from assistant.question import QuestionFacts
from index import StoredIndex
from index.chunking import page_at
from index.lexical import tokenize

CELL = " | "
MAX_QUOTE_WORDS = 60
CONTEXT_WORDS = 25
CELL_WORDS = 45  # of a cell shown in the answer, which holds at most 60 words
HEADER_CELL_WORDS = 6
LABEL_WORDS = 4
_PERIOD_NAMED = re.compile(r"\b(?:in|during|for)\s+(?:[A-Za-z]+\s+){0,2}\S*\d")
# A row named by its label in quotes: "what does a 'Medium' mark indicate?" (issue 4 lever)
QUOTED_LABELS = True
DATED_LABELS = True
_QUOTED_LABEL = re.compile(r"(?<!\w)[‘'\"“]([A-Z][\w-]{1,20}(?: [\w-]+){0,3})[’'\"”](?!\w)")
# The words that name the row, not a column: "question 3.8", "row 4"
_ROW_WORDS = {"question", "row", "item", "paragraph"}


_ROW_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2})*" + re.escape(CELL))


def _header(lines: list[str]) -> list[str] | None:
    """The nearest header above the row (the last of `lines`): a line of short cells, none
    ending a sentence."""
    for line in reversed(lines[:-1]):
        cells = line.split(CELL)
        if len(cells) > 1 and all(len(c.split()) <= HEADER_CELL_WORDS and not c.rstrip().endswith(".") for c in cells):
            return cells
    return None


def _column(question: str, header: list[str]) -> int | None:
    """The header cell most of whose words the question uses; None on a tie or no match."""
    asked = set(tokenize([question])[0]) - _ROW_WORDS
    overlap = [len(asked & (set(tokenize([cell])[0]) - _ROW_WORDS)) for cell in header]
    best = max(overlap, default=0)
    if best == 0 or overlap.count(best) > 1:
        return None
    return overlap.index(best)


def _trimmed(text: str, words: int) -> str:
    """The first `words` words of `text`, as written (an exact substring)."""
    found = list(re.finditer(r"\S+", text))
    return text if len(found) <= words else text[:found[words - 1].end()]


def _overlap(before: str, after: str) -> int:
    """How many characters `after` opens with that `before` ends with (a chunk opens with
    the last sentences of the one before it)."""
    for size in range(min(len(before), len(after)), 0, -1):
        if before.endswith(after[:size]):
            return size
    return 0


def _row(texts: list[str], label: str) -> tuple[str, list[tuple[int, int, int]]] | None:
    """The row labelled `label`, followed across the chunks of its section: its text, and
    the (chunk, start, end) stretches it was read from."""
    start = re.compile(rf"^{re.escape(label)}{re.escape(CELL)}", re.M)
    for i, text in enumerate(texts):
        found = start.search(text)
        if found is None:
            continue
        end = text.find("\n", found.start())
        stretches = [(i, found.start(), len(text) if end == -1 else end)]
        row = text[found.start():stretches[0][2]]
        while end == -1 and stretches[-1][0] + 1 < len(texts):
            following = texts[stretches[-1][0] + 1]
            first = following.split("\n", 1)[0]
            skip = _overlap(row, first)
            if not skip and not start.match(first) and (
                    _ROW_LABEL.match(first) or (CELL in first and len(first.split(CELL, 1)[0].split()) <= LABEL_WORDS)):
                break  # the next chunk opens on the next row
            end = following.find("\n")
            stretches.append((stretches[-1][0] + 1, skip, len(following) if end == -1 else end))
            row += following[skip:stretches[-1][2]]
        return row, stretches
    return None


def _named_rows(question: str, facts: QuestionFacts, store: StoredIndex, doc_ids: list[str],
                passages: list) -> list[tuple[str, str, list]]:
    """(label, how the question names it, the chunks of the row's section) for each row the
    question names: "question 3.8" by its number, "'Medium'" by its label in quotes."""
    named = []
    label = facts.paragraph
    asked = re.search(rf"\b(question|row)s?\s+{re.escape(label)}\b", question, re.I) if label else None
    if asked:
        seen = set()
        for row, meta in store.rows_in_structure(None, label):
            place = (meta.get("doc_id"), store.nodes([row])[0].metadata.get("section", ""))
            if place[0] in doc_ids and place not in seen:
                seen.add(place)
                named.append((label, f"{asked[1].capitalize()} {label}", store.nodes_in_section(*place)))
    if DATED_LABELS and facts.expects is None and _PERIOD_NAMED.search(question):
        # "what is due to happen in 2023/24?" names the row "2023/24 | Depending on …" of a
        # table in a section found: a first cell with a figure in it, the question's "in …"
        # (a question that asks for a count, a sum or a date is asked of the row's subject,
        # not of the row: "how many bids came in by the November 2022 deadline?")
        seen = set()
        for node in passages:
            place = (node.metadata["doc_id"], node.metadata.get("section", ""))
            if place in seen or CELL not in node.text:
                continue
            seen.add(place)
            section = store.nodes_in_section(*place)
            for _, chunk in section:
                for line in chunk.text.split("\n"):
                    first = line.split(CELL, 1)[0].strip() if CELL in line else ""
                    if (4 <= len(first) and len(first.split()) <= LABEL_WORDS and re.search(r"\d", first)
                            and re.search(rf"\b(?:in|during|for)\s+{re.escape(first)}(?![\w/])", question, re.I)
                            and all(first != n[0] for n in named)):
                        named.append((first, first, section))
    for quoted in _QUOTED_LABEL.finditer(question) if QUOTED_LABELS else []:
        label = quoted[1]
        starts = re.compile(rf"^{re.escape(label)}{re.escape(CELL)}", re.M)
        for node in passages:
            if starts.search(node.text):
                named.append((label, label, store.nodes_in_section(node.metadata["doc_id"], node.metadata.get("section", ""))))
                break
    return named


def answer_from_table(question: str, facts: QuestionFacts, store: StoredIndex,
                      doc_ids: list[str], passages: list = ()) -> tuple[str, list[Citation]] | None:
    """The cell of the row the question names by its label, in the column whose header the
    question uses, cited to the stretch of the row that holds it; None when the question
    names no row, or no table row of these documents (or of `passages`, the chunks found,
    for a label in quotes) has that label and a header."""
    for label, called, section in _named_rows(question, facts, store, doc_ids, list(passages)):
        texts = [node.text for _, node in section]
        found = _row(texts, label)
        if found is None:
            continue
        first, start, _ = found[1][0]
        header = _header([line for text in texts[:first] for line in text.split("\n")]
                         + texts[first][:start + 1].split("\n"))
        column = _column(question, header) if header else None
        if header and len(header) == 2 and not column:
            column = 1  # a two-column table: what the label is, is the other cell
        if not column:  # none, or the label's own column
            continue
        text, stretches = found
        cells = text.split(CELL)
        at = len(cells) - len(header) + column  # counted from the row's end
        if at < 1 or not cells[at].strip() or cells[at].strip() == "-":
            continue
        # the row's cells from that one on, within the budget, with the cells before it
        # that fit a short quote, so the value is read beside what it belongs to
        kept = cells[at:]
        while len(CELL.join(kept).split()) > MAX_QUOTE_WORDS and len(kept) > 1:
            kept.pop()
        for earlier in reversed(cells[:at]):
            if len(CELL.join([earlier, *kept]).split()) > CONTEXT_WORDS:
                break
            kept.insert(0, earlier)
        # a cell longer than a quote is quoted from its start
        value = _trimmed(cells[at].strip(), CELL_WORDS)
        quote = _trimmed(CELL.join(kept).strip(), MAX_QUOTE_WORDS)
        found_in = next(((i, a) for i, a, b in reversed(stretches) if quote in texts[i][a:b]), None)
        if found_in is None:
            quote = value
            found_in = next(((i, a) for i, a, b in stretches if quote in texts[i][a:b]), None)
        if found_in is None:
            continue
        piece, offset = found_in[0], texts[found_in[0]].index(quote, found_in[1])
        chunk = section[piece][1]
        citation = Citation(n=1, doc_id=chunk.metadata["doc_id"], title=chunk.metadata.get("title", ""),
                            file=chunk.metadata.get("file", ""), page=page_at(chunk.metadata, offset),
                            section=chunk.metadata.get("section", ""), quote=quote, chunk_id=chunk.node_id, score=1.0)
        under = "" if len(header) == 2 else f", {header[column].strip()}"
        shown = value if value == cells[at].strip() else f"{value} …"
        return f"{called}{under}: {shown} [1]", [citation]
    return None
