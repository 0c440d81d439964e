"""The abstention trade-off of a finished run: for each threshold on the best citation
score, what answer accuracy and abstention accuracy would have been.

    python -m eval.abstention eval/runs/<run>

An answer whose best citation scores under the threshold counts as an abstention.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from eval.runs import load_run

THRESHOLDS = [round(0.35 + 0.05 * i, 2) for i in range(9)]


def tradeoff(results: list[dict], thresholds: list[float] = THRESHOLDS) -> list[dict]:
    rows = []
    answerable = [r for r in results if r["eval"]["answerable"]]
    unanswerable = [r for r in results if not r["eval"]["answerable"]]
    best = lambda r: max((c["score"] for c in r["citations"]), default=-1.0)
    for t in thresholds:
        right = sum(1 for r in answerable if r["eval"]["correct"] and best(r) >= t)
        held = sum(1 for r in unanswerable if r["abstained"] or best(r) < t)
        rows.append({
            "threshold": t,
            "answer_accuracy": right / len(answerable) if answerable else None,
            "abstention_accuracy": held / len(unanswerable) if unanswerable else None,
            "accuracy": (right + held) / len(results) if results else None,
        })
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run", type=Path)
    args = parser.parse_args(argv)
    _, results = load_run(args.run)
    print(f"{'threshold':>9} {'answer acc':>10} {'abstention acc':>14} {'accuracy':>9}")
    for row in tradeoff(results):
        fmt = lambda v: "–" if v is None else f"{v:.3f}"
        print(f"{row['threshold']:>9.2f} {fmt(row['answer_accuracy']):>10} {fmt(row['abstention_accuracy']):>14} {fmt(row['accuracy']):>9}")


if __name__ == "__main__":
    main()
