"""Run the speed and scale benchmarks; print tables, write JSON.

    python -m eval.bench --corpus corpus --corpus ../shared/corpus --out var/bench/bench.json
    python -m eval.bench --corpus corpus --parts build,query          # a quick run
    python -m eval.bench --corpus ../shared/corpus --parts scale --scale 10000,100000,1000000 --vectors 1000000

Parts: build (Ateb's build by stage against the model's own encode time, unchanged and
one-document-changed rebuilds), baseline (the plain llama-index pipeline, same corpus,
same model, same run), query (index load, warm latency, cold start), scale (synthetic
corpora made from the last corpus's index).
"""
from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

from eval.bench.measure import peak_rss_mb

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "sets"
BASELINE_SCALE_MAX = 100_000


def _questions(corpus: Path, given: Path | None) -> list[str]:
    """Questions for latency: a one-a-line file, else the eval set that covers the corpus."""
    if given:
        return [q.strip() for q in given.read_text().splitlines() if q.strip()]
    from ateb.settings import PROJECT_ROOT

    name = "bundled.jsonl" if corpus.resolve() == (PROJECT_ROOT / "corpus").resolve() else "shared.jsonl"
    return [json.loads(line)["question"] for line in (DEFAULT_QUESTIONS / name).read_text().splitlines() if line.strip()]


def _row(label: str, value: object) -> None:
    print(f"  {label:<44}{value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, action="append", required=True, help="a corpus folder (repeatable)")
    parser.add_argument("--questions", type=Path, help="questions one a line (default: the matching eval set)")
    parser.add_argument("--parts", default="build,baseline,query,scale")
    parser.add_argument("--scale", default="10000,100000,1000000", help="synthetic corpus sizes with a full Ateb index")
    parser.add_argument("--vectors", type=int, default=1_000_000, help="synthetic vector-only size (0 to skip)")
    parser.add_argument("--out", type=Path, default=Path("var/bench/bench.json"))
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))

    from index import Embedder, StoredIndex

    embedder = Embedder()
    embedder.encode(["warm-up"])
    import torch

    results: dict = {"machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version(),
                                 "torch_threads": torch.get_num_threads(), "platform": platform.platform()},
                     "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "corpora": []}
    with tempfile.TemporaryDirectory(prefix="ateb-bench-") as tmp:
        work = Path(tmp)
        last_index = None
        for number, corpus in enumerate(args.corpus):
            here = work / f"corpus{number}"
            here.mkdir()
            questions = _questions(corpus, args.questions)
            entry: dict = {"corpus": str(corpus)}
            print(f"\n== {corpus}")
            if "build" in parts or "query" in parts or "scale" in parts:
                from eval.bench.build import bench_build

                entry["build"] = b = bench_build(corpus, here, embedder)
                last_index = here / "ateb-index"
                _row("documents / pages / chunks / sentences", f"{b['documents']} / {b['pages']} / {b['chunks']} / {b['sentences']}")
                _row("cold build", f"{b['build_seconds']} s  stages {b['stages']}")
                _row("model encode, same texts (ceiling)", f"{b['model_encode']['all_seconds']} s "
                     f"(chunks {b['model_encode']['chunks_seconds']} s, sentences {b['model_encode']['sentences_seconds']} s)")
                _row("build / ceiling", b["build_to_encode_ratio"])
                _row("per second", b["per_second"])
                _row("unchanged rebuild", f"{b['unchanged_rebuild_seconds']} s")
                _row("one document changed", f"{b['one_changed_rebuild']['seconds']} s ({b['one_changed_rebuild']['file']})")
                _row("peak memory", f"{b['peak_rss_mb']} MB")
            if "baseline" in parts:
                from eval.bench.baseline import bench_baseline

                entry["baseline"] = base = bench_baseline(corpus, here, questions)
                _row("llama-index: load / build / persist / reload", f"{base['load_seconds']} / {base['build_seconds']} / "
                     f"{base['persist_seconds']} / {base['reload_seconds']} s ({base['chunks']} chunks)")
                _row("llama-index: query top-5", base["query"])
                if "build" in entry:
                    entry["ratios"] = r = {
                        "full_build_speedup": round(base["full_build_seconds"] / entry["build"]["build_seconds"], 2),
                        "one_changed_rebuild_speedup": round(base["full_build_seconds"]
                                                             / entry["build"]["one_changed_rebuild"]["seconds"], 1),
                    }
                    _row("Ateb build speed-up over llama-index", r["full_build_speedup"])
                    _row("one-changed rebuild speed-up", r["one_changed_rebuild_speedup"])
            if "query" in parts and last_index is not None:
                from eval.bench.query import bench_query

                entry["query"] = q = bench_query(last_index, questions, embedder)
                _row("index open (store / assistant)", f"{q['store_open_seconds']} / {q['assistant_open_seconds']} s")
                _row("retrieval", q["retrieval"])
                _row("full answer", q["full_answer"])
                _row("cold start to first answer", q["cold_start"])
            results["corpora"].append(entry)

        if "scale" in parts and last_index is not None:
            import numpy as np

            from eval.bench.scale import bench_ateb_size, bench_vectors, source_sentences

            sentences = source_sentences(StoredIndex.open(last_index))
            questions = _questions(Path(args.corpus[-1]), args.questions)
            results["scale"] = []
            print("\n== scale (synthetic)")
            for n in [int(x) for x in args.scale.split(",") if x]:
                # llama-index's JSON docstore at 1M nodes would not fit the run (its
                # persist and load grow ~linearly: 4 s at 100k).
                size = bench_ateb_size(n, sentences, embedder, questions, work,
                                       baseline="baseline" in parts and n <= BASELINE_SCALE_MAX)
                results["scale"].append(size)
                _row(f"{n} chunks: write / load / disk", f"{size['write_seconds']} s / {size['load_seconds']} s / {size['disk_mb']} MB")
                _row(f"{n} chunks: retrieval first pass", size["retrieval_first_pass"])
                _row(f"{n} chunks: retrieval / full answer", f"{size['retrieval']} / {size['full_answer']}")
                _row(f"{n} chunks: vector index / memory added", f"{size['vector_index']} / {size['memory_added_after_questions_mb']}")
                if "llama_index_baseline" in size:
                    _row(f"{n} chunks: llama-index load", f"{size['llama_index_baseline']['load_seconds']} s "
                         f"(Ateb {size['load_speedup_vs_baseline']}x faster)")
            if args.vectors:
                queries = embedder.encode(questions[:200])
                vec = bench_vectors(args.vectors, sentences, np.ascontiguousarray(queries), work)
                results["vectors"] = vec
                for kind in ("flat", "ivf"):
                    v = vec[kind]
                    _row(f"{args.vectors} vectors {kind}: build / open", f"{v['build_seconds']} s / {v['open_seconds']} s")
                    _row(f"{args.vectors} vectors {kind}: index file / resident", f"{v['index_file_mb']} MB / {v['rss_after_queries_mb']} MB")
                    _row(f"{args.vectors} vectors {kind}: top-{vec['pool']} query", v["latency"])
                _row(f"IVF-SQ8 {vec['lists']} lists, {vec['default_probes']} probed: recall@10", vec["ivf"]["recall@10"])
                for row in vec["ivf"]["probes"]:
                    _row(f"  {row['nprobe']} probed", f"recall@10 {row['recall@10']}  p95 {row['p95_ms']} ms")
    results["peak_rss_mb"] = peak_rss_mb()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))
    print(f"\nfigures in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
