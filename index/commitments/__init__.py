"""Commitments: what a government response says, recommendation by recommendation."""
from index.commitments.assemble import assemble, document_part
from index.commitments.extract import extract_records
from index.commitments.records import EXTRACTION_VERSION, STATUSES, Commitment, Evidence, Record

__all__ = ["EXTRACTION_VERSION", "STATUSES", "Commitment", "Evidence", "Record", "assemble", "document_part", "extract_records"]
