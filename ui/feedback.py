"""Thumbs up/down on answers, appended to a JSONL log in the data directory."""
from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

_LOCK = threading.Lock()  # many users, one file: whole lines only


def record_feedback(log: Path, question: str, answer: str, rating: str, comment: str = "", user: str | None = None) -> dict:
    """Append one entry and return it. `rating` is "up" or "down"."""
    if rating not in ("up", "down"):
        raise ValueError(f"rating must be 'up' or 'down', not {rating!r}")
    entry = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "user": user,
             "question": question, "answer": answer, "rating": rating, "comment": comment.strip()}
    log.parent.mkdir(parents=True, exist_ok=True)
    with _LOCK, open(log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return entry
