"""Stage 3: questions in, cited answers (or an honest abstention) out."""
from assistant.assistant import CONTRACT_KEYS, Assistant
from assistant.models import Answer, Citation, Filters, RetrievedChunk, Timings
from assistant.retrieval import HybridRetriever

__all__ = ["CONTRACT_KEYS", "Answer", "Assistant", "Citation", "Filters", "HybridRetriever", "RetrievedChunk", "Timings"]
