"""Build and ask benchmarks that print figures.

    python -m eval.benchmark --corpus corpus --questions eval/sets/bench-bundled.txt

Builds the corpus into a fresh temporary index (cold build, then an unchanged rebuild),
then asks every question once to warm up and `--rounds` more times, and prints build
seconds, chunks, and warm per-question latency p50/p95.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from assistant import Assistant
from eval.metrics import percentile
from index import Embedder, build_index


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True, help="one question a line")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    questions = [q.strip() for q in args.questions.read_text().splitlines() if q.strip()]

    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        started = time.perf_counter()
        embedder = Embedder()
        embedder.encode(["warm-up"])
        model_seconds = time.perf_counter() - started
        cold = build_index(args.corpus, index_dir, embedder=embedder)
        warm = build_index(args.corpus, index_dir, embedder=embedder)
        assistant = Assistant.open(index_dir, embedder=embedder)
        for q in questions:
            assistant.ask(q)
        latencies = []
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                assistant.ask(q)
                latencies.append((time.perf_counter() - t) * 1000)

    print(f"corpus            {args.corpus}")
    print(f"model load        {model_seconds:.1f} s")
    print(f"cold build        {cold.seconds:.1f} s  ({cold.documents} documents, {cold.pages} pages, {cold.chunks} chunks, "
          f"{cold.chunks / max(cold.seconds, 1e-9):.1f} chunks/s)")
    print(f"unchanged rebuild {warm.seconds:.2f} s  (embedded {warm.embedded_chunks} chunks)")
    print(f"ask (warm)        n={len(latencies)}  p50 {statistics.median(latencies):.0f} ms  "
          f"p95 {percentile(latencies, 0.95):.0f} ms  max {max(latencies):.0f} ms")


if __name__ == "__main__":
    main()
