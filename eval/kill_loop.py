"""Crash safety, measured: SIGKILL `ateb build` at random moments, again and again, and
after every kill open the index and ask it a question.

    python -m eval.kill_loop --runs 20 [--seed 7]

Works on a scratch copy of the bundled corpus plus extra documents whose text changes
before every run, so each build has real work to be killed in the middle of (parse,
embed, write, swap). Prints how many runs were killed before and after the new index was
swapped in, and how many left an index that failed to open or to answer (must be 0).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from assistant import Assistant
from index import Embedder, build_index

ROOT = Path(__file__).resolve().parents[1]
QUESTION, EXPECTED = "Who chairs the Expert Group on Social Cohesion?", "Gaynor Legall"
EXTRA = ("Highways notice {run}-{n}\n\nThe council will resurface road {n} in round {run}. "
         "Works on road {n} start on Monday {n} March and last {run} weeks.\n\n" * 6)


def kill_loop(workdir: Path, runs: int, seed: int = 7, embedder: Embedder | None = None,
              extra_documents: int = 12) -> dict:
    """Run the loop in `workdir`; the figures as a dict (failures lists what broke). Kill
    times are drawn from 30-105% of one uninterrupted build's time, so they fall in every
    phase: start-up, parsing, embedding, writing, the swap, and just after it."""
    embedder = embedder or Embedder()
    corpus, index_dir = workdir / "corpus", workdir / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    build_index(corpus, index_dir, embedder=embedder)
    rng = random.Random(seed)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "ateb", "build", "--quiet", "--corpus", str(corpus), "--index", str(index_dir)]
    figures = {"runs": runs, "killed_before_swap": 0, "killed_after_swap": 0, "finished_before_kill": 0,
               "failures": [], "delays_s": []}
    # The shorter of two builds, each re-embedding the changed documents as every run
    # below does: the first can run long on a cold disk cache, and kills drawn from it then
    # mostly land after the build has finished (3 of 20 mid-build once)
    full = float("inf")
    for attempt in range(2):
        for n in range(extra_documents):
            (corpus / f"extra-{n}.txt").write_text(EXTRA.format(run=f"full-{attempt}", n=n))
        started = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        full = min(full, time.perf_counter() - started)
    figures["uninterrupted_build_s"] = round(full, 2)
    for run in range(runs):
        for n in range(extra_documents):
            (corpus / f"extra-{n}.txt").write_text(EXTRA.format(run=run, n=n))
        before = json.loads((index_dir / "manifest.json").read_text())["built_at"], index_dir.resolve()
        delay = round(rng.uniform(0.3, 1.05) * full, 2)
        figures["delays_s"].append(delay)
        process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        else:
            figures["finished_before_kill"] += 1
        process.wait()
        try:
            assistant = Assistant.open(index_dir, embedder=embedder)
            answer = assistant.ask(QUESTION)
            if EXPECTED not in answer.answer:
                figures["failures"].append(f"run {run}: answer lost ({answer.answer[:80]!r})")
        except Exception as exc:  # noqa: BLE001 - any failure to open or answer is what we count
            figures["failures"].append(f"run {run} (killed after {delay} s): {type(exc).__name__}: {exc}")
            continue
        after = assistant.store.manifest["built_at"], index_dir.resolve()
        if after != before and process.returncode != 0:
            figures["killed_after_swap"] += 1
        elif after == before:
            figures["killed_before_swap"] += 1
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        figures = kill_loop(Path(tmp), args.runs, args.seed)
        figures["seconds"] = round(time.perf_counter() - started, 1)
    for key, value in figures.items():
        print(f"{key:22s}{value}")


if __name__ == "__main__":
    main()
