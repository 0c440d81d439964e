"""Many officials at once: concurrent users asking the running app through its `/ask`
API, on 127.0.0.1 only, for a bounded time.

    python -m eval.load_test --index var/index [--users 20] [--seconds 120]
    python -m eval.load_test --url http://127.0.0.1:7860/ ...   # an app already running

Each user asks questions whose answers are known, in its own order, and checks that the
answer it gets is its own question's (its text, and its citation's page): answers mixed
up between users count as errors. Prints requests, errors, latency p50/p95 and the app
process's memory at the start, the end and its peak (when this command started the app).
"""
from __future__ import annotations

import argparse
import json
import random
import threading
import time
from pathlib import Path

from eval.app_process import start_app, stop_app
from eval.metrics import percentile

# (question, words the answer must contain, page its first citation must be on)
KNOWN = [
    ("Who chairs the Expert Group on Social Cohesion?", "Gaynor Legall", "4"),
    ("How much does the Community Cohesion Programme cost a year?", "£1.63m", "4"),
    ("Did the Welsh Government accept recommendation 2?", "Accept", "6"),
    ("When will the Expert Group first meet?", "November", "4"),
]


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_load(url: str, users: int, seconds: float, pid: int | None = None, seed: int = 3) -> dict:
    """Drive `url` with `users` threads for `seconds`; the figures as a dict."""
    from gradio_client import Client

    if not url.startswith(("http://127.0.0.1", "http://localhost")):
        raise ValueError("the load test only sends traffic to this machine (127.0.0.1)")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    memory: list[float] = []
    deadline = time.perf_counter() + seconds
    done = threading.Event()

    def user(number: int) -> None:
        client = Client(url, verbose=False)
        order = random.Random(seed + number)
        while time.perf_counter() < deadline:
            question, expected, page = order.choice(KNOWN)
            started = time.perf_counter()
            try:
                answer = client.predict(question, [], "", api_name="/ask")
                took = (time.perf_counter() - started) * 1000
                problem = None
                if answer.get("question") != question:
                    problem = f"user {number} asked {question!r} and got the answer to {answer.get('question')!r}"
                elif expected not in answer.get("answer", "") or not answer.get("citations"):
                    problem = f"user {number}: {question!r} answered {answer.get('answer', '')[:80]!r}"
                elif answer["citations"][0]["page"] != page:
                    problem = f"user {number}: {question!r} cited page {answer['citations'][0]['page']}"
            except Exception as exc:  # noqa: BLE001 - every failed request is counted, not raised
                took, problem = (time.perf_counter() - started) * 1000, f"user {number}: {type(exc).__name__}: {exc}"
            with lock:
                latencies.append(took)
                if problem:
                    errors.append(problem)

    def sample_memory() -> None:
        while not done.is_set() and pid is not None:
            value = _rss_mb(pid)
            if value is not None:
                memory.append(value)
            done.wait(1.0)

    sampler = threading.Thread(target=sample_memory, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    figures = {
        "users": users, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "latency_ms_p50": round(percentile(latencies, 0.5) or 0, 1),
        "latency_ms_p95": round(percentile(latencies, 0.95) or 0, 1),
        "latency_ms_max": round(max(latencies, default=0), 1),
        "first_errors": errors[:5],
    }
    if memory:
        figures.update({"rss_mb_start": round(memory[0], 1), "rss_mb_end": round(memory[-1], 1),
                        "rss_mb_peak": round(max(memory), 1),
                        "rss_mb_by_fifth": [round(memory[min(len(memory) - 1, len(memory) * i // 5)], 1) for i in range(1, 6)]})
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, help="start `ateb ui` on this index (bundled corpus)")
    parser.add_argument("--url", help="an app already running on 127.0.0.1")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    process = None
    url = args.url
    if url is None:
        if args.index is None:
            parser.error("give --index (to start the app) or --url")
        process, url = start_app(args.index)
    try:
        figures = run_load(url, args.users, args.seconds, pid=process.pid if process else None)
    finally:
        if process is not None:
            stop_app(process)
    for key, value in figures.items():
        print(f"{key:18s}{value}")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
