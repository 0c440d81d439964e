"""Query benchmark: index load, warm latency (retrieval and full answers), and cold start
(a fresh `ateb ask` process, from start to its printed answer)."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from assistant import Assistant
from eval.bench.measure import clock, latency_figures, rss_mb, timed_calls
from index import Embedder, StoredIndex


def cold_start_seconds(index_dir: Path, question: str, runs: int = 3) -> dict:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ateb", "ask", "--index", str(index_dir), question],
                       check=True, capture_output=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
        times.append(time.perf_counter() - started)
    return {"runs": runs, "median_seconds": round(statistics.median(times), 2), "max_seconds": round(max(times), 2)}


def bench_query(index_dir: Path, questions: list[str], embedder: Embedder, rounds: int = 3) -> dict:
    out: dict = {"index": str(index_dir), "questions": len(questions)}
    with clock(out, "store_open_seconds"):
        store = StoredIndex.open(index_dir)
    out["chunks"] = store.size
    with clock(out, "assistant_open_seconds"):
        assistant = Assistant.open(index_dir, embedder=embedder)
    out["retrieval"] = latency_figures(timed_calls(lambda q: assistant.ask(q, retrieval_only=True), questions, rounds))
    out["full_answer"] = latency_figures(timed_calls(assistant.ask, questions, rounds))
    out["rss_mb_after"] = rss_mb()
    out["cold_start"] = cold_start_seconds(index_dir, questions[0])
    return out
