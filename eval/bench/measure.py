"""Clocks and memory gauges shared by the benchmarks."""
from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from collections.abc import Iterator

from eval.metrics import percentile


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def rss_mb(kind: str = "VmRSS") -> float:
    """Resident memory of this process now: all of it (VmRSS), or only its own
    allocations (RssAnon), or only the pages of memory-mapped files it has read (RssFile:
    page cache, shared and given back under pressure)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(f"{kind}:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


@contextmanager
def clock(into: dict, key: str) -> Iterator[None]:
    """Seconds spent in the block, stored as into[key]."""
    started = time.perf_counter()
    yield
    into[key] = round(time.perf_counter() - started, 3)


def latency_figures(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(percentile(ms, 0.5), 1), "p95_ms": round(percentile(ms, 0.95), 1),
            "p99_ms": round(percentile(ms, 0.99), 1)}


def timed_calls(call, items: list, rounds: int = 1) -> list[float]:  # noqa: ANN001
    """Milliseconds per call(item), over `rounds` passes after one warm-up pass."""
    for item in items[:3]:
        call(item)
    out = []
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter()
            call(item)
            out.append((time.perf_counter() - started) * 1000)
    return out
