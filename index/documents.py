"""What loaders produce: a document as ordered lines, each with its printed page."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be loaded; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# A document's notes are one section, each note led by the marker its text cites it by
# (GOV.UK writes "[footnote 1]" inline), so a cited sentence can be followed to its note.
FOOTNOTES_SECTION = "Footnotes"
FOOTNOTE_MARKER = re.compile(r"\[footnote (\d+)\]")


@dataclass(frozen=True)
class Line:
    text: str
    page: str  # printed page label ("iv", "12"), else the physical page number
    heading_level: int | None = None  # known from markup (HTML, Markdown); None: infer
    block_end: bool = False  # the line is a whole block (an HTML <p>, <li>, table row)
    quoted: bool = False  # set apart in a callout or blockquote: in a response, the committee's words
    table_row: str | None = None  # "Recommendation 3": the line starts that row of a response table
    table_cell: str | None = None  # "Government Response": the line is a cell under that column header
    ocr: bool = False  # read by OCR from a scanned page, not from the PDF's text layer


@dataclass
class LoadedDocument:
    doc_id: str
    file: str
    content_hash: str
    lines: list[Line]
    page_count: int
    metadata: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or self.file)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def doc_id_for(file_name: str) -> str:
    """A stable id from the file name: lower-case, [a-z0-9-] only."""
    stem = Path(file_name).stem.lower()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "document"
