"""The answer contract of `ateb ask --json` (see DESIGN.md), as pydantic models."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Citation(BaseModel):
    n: int
    doc_id: str
    title: str
    file: str
    page: str
    section: str
    quote: str = Field(description="exact substring of the cited chunk's text")
    chunk_id: str
    score: float


class RetrievedChunk(BaseModel):
    chunk_id: str
    doc_id: str
    score: float
    text: str


class Timings(BaseModel):
    retrieve: float = 0.0
    rerank: float = 0.0
    answer: float = 0.0
    total: float = 0.0


class RemovedSentence(BaseModel):
    sentence: str
    reason: str


class Generation(BaseModel):
    """What the generative mode did: present only in that mode's answers."""

    model: str = Field(description="backend:model that wrote the draft")
    draft: str = Field("", description="the model's answer before verification")
    kept: int = Field(0, description="sentences kept, each with a supporting quote")
    removed: list[RemovedSentence] = Field(default_factory=list)
    recited: list[str] = Field(default_factory=list, description="sentences whose citation was corrected")
    fallback: str | None = Field(None, description="why the extractive answer was given instead, if it was")
    seconds: float = 0.0


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    retrieved: list[RetrievedChunk] = Field(default_factory=list)
    timings_ms: Timings = Field(default_factory=Timings)
    generation: Generation | None = None

    def model_dump(self, **kwargs) -> dict:
        # The extractive answer keeps DESIGN.md's contract exactly: no `generation` key.
        data = super().model_dump(**kwargs)
        if data.get("generation") is None:
            data.pop("generation", None)
        return data


class Filters(BaseModel):
    """Metadata filters; every given field must match."""

    doc_type: str | None = None
    publisher: str | None = None
    document: str | None = Field(None, description="doc_id or file name")
    date_from: str | None = Field(None, description="ISO date prefix, inclusive (e.g. 2024 or 2024-07)")
    date_to: str | None = Field(None, description="ISO date prefix, inclusive")

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())

    def accepts(self, doc: dict) -> bool:
        def has(field: str, wanted: str | None) -> bool:
            return wanted is None or wanted.casefold() in str(doc.get(field) or "").casefold()

        if self.document and self.document not in (doc.get("doc_id"), doc.get("file")):
            return False
        if not (has("doc_type", self.doc_type) and has("publisher", self.publisher)):
            return False
        date = str(doc.get("date") or "")[:10]
        if self.date_from and (not date or date < self.date_from[: len(date)]):
            return False
        if self.date_to and (not date or date[: len(self.date_to)] > self.date_to):
            return False
        return True
