"""Commitments: what a government response says, recommendation by recommendation."""
from index.commitments.extract import extract_records
from index.commitments.records import STATUSES, Commitment, Evidence, Record

__all__ = ["STATUSES", "Commitment", "Evidence", "Record", "extract_records"]
