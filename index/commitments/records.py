"""What committee staff read: one record per recommendation, every field traceable to
the words it came from. Plain dataclasses, stored as JSON (never pickle)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Bump when extraction changes what records hold: an unchanged document's records are
# then extracted again (its chunks and vectors are still reused).
EXTRACTION_VERSION = 3
STATUSES = ("accepted", "accepted_in_part", "accepted_in_principle", "not_accepted", "noted", "unclear", "no_response")


@dataclass
class Evidence:
    """Where a field's words are: `quote` is an exact substring of the passage."""

    doc_id: str
    file: str
    page: str
    section: str
    quote: str
    chunk_id: str | None = None


@dataclass
class Commitment:
    text: str  # the promising sentence, verbatim
    evidence: Evidence
    actor: str | None = None
    deadline: str | None = None  # ISO 8601: date, month, year, interval ("2026-03-01/2026-05-31") or duration ("P12M")
    deadline_text: str | None = None  # the words the deadline was read from
    amounts: list[float] = field(default_factory=list)  # pounds
    amount_texts: list[str] = field(default_factory=list)


@dataclass
class Record:
    doc_id: str
    doc_title: str
    kind: str  # recommendation / conclusion / comment
    number: str
    title: str | None
    recommendation_text: str
    recommendation_evidence: Evidence | None
    response_text: str
    response_evidence: Evidence | None
    status: str
    status_quote: str | None  # the words that set the status
    status_evidence: Evidence | None
    status_basis: str  # "stated" (a verdict the document gives) / "inferred" (from the reply's language) / "none"
    financial_implications: str | None = None
    financial_evidence: Evidence | None = None
    commitments: list[Commitment] = field(default_factory=list)
    answered_with: list[str] = field(default_factory=list)  # other numbers the same reply answers
    committee_doc_id: str | None = None  # the paired report, when it is in the index
    committee_text: str | None = None
    committee_evidence: Evidence | None = None

    def evidence(self) -> list[Evidence]:
        """Every citation the record carries, commitments included."""
        fields = (self.recommendation_evidence, self.response_evidence, self.status_evidence,
                  self.financial_evidence, self.committee_evidence, *(c.evidence for c in self.commitments))
        return [e for e in fields if e is not None]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        data = dict(data)
        for key in ("recommendation_evidence", "response_evidence", "status_evidence", "financial_evidence", "committee_evidence"):
            if data.get(key):
                data[key] = Evidence(**data[key])
        data["commitments"] = [
            Commitment(**{**c, "evidence": Evidence(**c["evidence"])}) for c in data.get("commitments", [])
        ]
        return cls(**data)
