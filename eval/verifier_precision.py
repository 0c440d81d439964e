"""How well the generative mode's verifier tells supported sentences from unsupported ones.

    python -m eval.verifier_precision collect --set eval/sets/bundled.jsonl --index var/index --out claims.jsonl
    python -m eval.verifier_precision score --labels eval/sets/verifier-labels.jsonl --index var/index [--sweep]

`collect` asks every question in generative mode and writes one line per sentence the
model drafted: the sentence with its markers, the passages it was shown (chunk ids) and
the verifier's decision with the nearest quote, ready to be labelled by hand
(`"supported": true/false`). `score` re-verifies each labelled sentence against the same
passages (no model needed) and prints precision (labelled-supported share of what was
kept), the share of unsupported sentences removed, and the share of supported ones kept;
`--sweep` prints the same over a grid of the two thresholds.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

from assistant import Assistant


def _with_markers(row: dict) -> str:
    return row["sentence"] + "".join(f" [{m}]" for m in row.get("markers", []))


def collect(assistant: Assistant, set_path: Path, out: Path, limit: int | None) -> int:
    items = [json.loads(line) for line in set_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = 0
    with open(out, "w", encoding="utf-8") as fh:
        for item in items[:limit]:
            answer = assistant.ask(item["question"], mode="generative")
            generation = answer.generation
            if generation is None or not generation.draft:
                continue
            passages = [r.chunk_id for r in answer.retrieved[: assistant.settings.generate_passages]]
            for row in assistant.verify(generation.draft, passages):
                fh.write(json.dumps({
                    "id": f"{item['id']}-{written}", "question": item["question"], "sentence": row["sentence"],
                    "markers": row["markers"], "passages": passages, "kept": row["kept"], "reason": row["reason"],
                    "quote": row["quote"], "coverage": row["coverage"], "cosine": row["cosine"],
                    "missing": row["missing"],
                }, ensure_ascii=False) + "\n")
                written += 1
    return written


def confusion(rows: list[dict], decisions: list[bool]) -> dict:
    kept_supported = sum(1 for r, k in zip(rows, decisions) if k and r["supported"])
    kept = sum(decisions)
    supported = sum(1 for r in rows if r["supported"])
    unsupported = len(rows) - supported
    removed_unsupported = sum(1 for r, k in zip(rows, decisions) if not k and not r["supported"])
    return {
        "sentences": len(rows), "supported": supported, "unsupported": unsupported, "kept": kept,
        "precision": round(kept_supported / kept, 4) if kept else None,
        "unsupported_removed": round(removed_unsupported / unsupported, 4) if unsupported else None,
        "supported_kept": round(kept_supported / supported, 4) if supported else None,
    }


def decide(assistant: Assistant, rows: list[dict]) -> list[bool]:
    """Kept: the sentence survives as a sentence (a bare "196." is no sentence) and passes."""
    decisions = []
    for row in rows:
        checked = assistant.verify(_with_markers(row), row["passages"])
        decisions.append(bool(checked) and all(r["kept"] for r in checked))
    return decisions


def score(assistant: Assistant, labels: Path, sweep: bool) -> dict:
    from assistant import verification

    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if isinstance(r.get("supported"), bool)]
    result = {"labels": str(labels), "thresholds": {"min_word_coverage": verification.MIN_WORD_COVERAGE,
                                                    "min_cosine": verification.MIN_COSINE,
                                                    "min_pair_coverage": verification.MIN_PAIR_COVERAGE},
              **confusion(rows, decide(assistant, rows))}
    if sweep:
        chosen = (verification.MIN_WORD_COVERAGE, verification.MIN_COSINE, verification.MIN_PAIR_COVERAGE)
        grid = []
        for coverage, cosine, pairs in itertools.product((0.6, 0.7, 0.8), (0.55, 0.65, 0.7, 0.75), (0.0, 0.3, 0.4, 0.5)):
            verification.MIN_WORD_COVERAGE, verification.MIN_COSINE, verification.MIN_PAIR_COVERAGE = coverage, cosine, pairs
            grid.append({"min_word_coverage": coverage, "min_cosine": cosine, "min_pair_coverage": pairs,
                         **confusion(rows, decide(assistant, rows))})
        verification.MIN_WORD_COVERAGE, verification.MIN_COSINE, verification.MIN_PAIR_COVERAGE = chosen
        result["sweep"] = grid
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("collect")
    p.add_argument("--set", type=Path, required=True)
    p.add_argument("--index", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--limit", type=int)
    p = sub.add_parser("score")
    p.add_argument("--labels", type=Path, default=Path("eval/sets/verifier-labels.jsonl"))
    p.add_argument("--index", type=Path)
    p.add_argument("--sweep", action="store_true")
    p.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    assistant = Assistant.open(args.index)
    if args.command == "collect":
        print(f"{collect(assistant, args.set, args.out, args.limit)} sentences written to {args.out}")
        return 0
    result = score(assistant, args.labels, args.sweep)
    print(f"labelled sentences {result['sentences']} (supported {result['supported']}, unsupported {result['unsupported']})")
    print(f"thresholds: word coverage >= {result['thresholds']['min_word_coverage']}, "
          f"cosine >= {result['thresholds']['min_cosine']}, word pairs >= {result['thresholds']['min_pair_coverage']}")
    print(f"kept {result['kept']}  precision {result['precision']}  unsupported removed {result['unsupported_removed']}"
          f"  supported kept {result['supported_kept']}")
    for row in result.get("sweep", []):
        print(f"  coverage>={row['min_word_coverage']:<4} cosine>={row['min_cosine']:<4} "
              f"pairs>={row['min_pair_coverage']:<4} kept {row['kept']:>3}  "
              f"precision {row['precision']}  unsupported removed {row['unsupported_removed']}  "
              f"supported kept {row['supported_kept']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
