"""`ateb eval run`: every question of a set through `Assistant.ask_record` (the code path
of `ateb ask --json --batch`), scored, summarised and reported."""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from tqdm import tqdm

from eval.check_set import load_set
from eval.metrics import score, summarise
from eval.runs import RESULTS, SUMMARY

if TYPE_CHECKING:
    from assistant import Assistant


@dataclass
class Gate:
    min_accuracy: float | None = None
    min_citation_support: float | None = None

    def failures(self, summary: dict) -> list[str]:
        out = []
        for name, bar in (("accuracy", self.min_accuracy), ("citation_support", self.min_citation_support)):
            value = summary.get(name)
            if bar is not None and (value is None or value < bar):
                out.append(f"{name} {value} is below the bar {bar}")
        return out


def run_set(
    assistant: Assistant,
    set_path: Path,
    out_dir: Path,
    k: int | None = None,
    workers: int = 1,
    retrieval_only: bool = False,
    progress: bool = True,
    mode: str | None = None,
) -> dict:
    items = load_set(set_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def one(item: dict) -> dict:
        return assistant.ask_record({"question": item["question"], "id": item["id"]}, k=k, retrieval_only=retrieval_only,
                                      mode=mode)

    bar = tqdm(total=len(items), desc="questions", unit="q", disable=not progress)
    results: list[dict] = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for result in pool.map(one, items):
            results.append(result)
            bar.update(1)
    bar.close()
    seconds = time.perf_counter() - started

    rows = []
    with open(out_dir / RESULTS, "w", encoding="utf-8") as fh:
        for item, result in zip(items, results):
            scores = score(item, result, retrieval_only)
            rows.append((item, result, scores))
            fh.write(json.dumps({**result, "id": item["id"], "eval": scores}, ensure_ascii=False) + "\n")
    summary = {
        "set": str(set_path),
        "index": str(assistant.store.path),
        "retrieval_only": retrieval_only,
        "mode": mode or assistant.settings.mode,
        "k": k or assistant.settings.top_k,
        "workers": workers,
        "run_seconds": round(seconds, 2),
        **summarise(rows),
    }
    (out_dir / SUMMARY).write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    from eval.report import write_report  # matplotlib only when a report is written

    write_report(out_dir, summary, rows)
    return summary
