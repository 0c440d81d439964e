"""A finished run folder: results.jsonl and summary.json. Reading one needs no model,
index or plotting library, so `ateb eval compare` starts instantly."""
from __future__ import annotations

import json
from pathlib import Path

RESULTS = "results.jsonl"
SUMMARY = "summary.json"


def load_run(run_dir: Path) -> tuple[dict, list[dict]]:
    summary = json.loads((run_dir / SUMMARY).read_text(encoding="utf-8"))
    results = [json.loads(line) for line in (run_dir / RESULTS).read_text(encoding="utf-8").splitlines() if line.strip()]
    return summary, results
