"""`ateb eval compare RUN_A RUN_B`: metric deltas and the questions that flipped."""
from __future__ import annotations

from pathlib import Path

from eval.metrics import HEADLINE
from eval.runs import load_run


def compare_runs(run_a: Path, run_b: Path) -> str:
    summary_a, results_a = load_run(run_a)
    summary_b, results_b = load_run(run_b)
    lines = [f"A: {run_a} ({summary_a['set']})", f"B: {run_b} ({summary_b['set']})", "",
             f"{'metric':<28}{'A':>10}{'B':>10}{'B - A':>10}"]
    for name in HEADLINE:
        a, b = summary_a.get(name), summary_b.get(name)
        if a is None and b is None:
            continue
        delta = f"{b - a:+.3f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) else "–"
        fmt = lambda v: "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))
        lines.append(f"{name:<28}{fmt(a):>10}{fmt(b):>10}{delta:>10}")

    correct_a = {r["id"]: r["eval"]["correct"] for r in results_a}
    by_id_b = {r["id"]: r for r in results_b}
    worse = [i for i, ok in correct_a.items() if ok and i in by_id_b and by_id_b[i]["eval"]["correct"] is False]
    better = [i for i, ok in correct_a.items() if ok is False and i in by_id_b and by_id_b[i]["eval"]["correct"]]
    question = {r["id"]: r["question"] for r in results_b}
    lines += ["", f"right → wrong ({len(worse)}):"] + [f"  {i}: {question[i]}" for i in worse]
    lines += [f"wrong → right ({len(better)}):"] + [f"  {i}: {question[i]}" for i in better]
    only = sorted(set(correct_a) ^ set(by_id_b))
    if only:
        lines.append(f"in one run only ({len(only)}): {', '.join(only)}")
    return "\n".join(lines)
