"""How long a user waits in the browser, measured as they would see it.

    python -m eval.bench_ui --index var/index [--rounds 5] [--out var/bench-ui.json]

Starts `ateb ui` as a separate process on a free loopback port and drives Debian's
Chromium with Playwright: time from the command to the first page with its question box
(cold start), then, for each question, time from pressing Enter to the answer's first
source card in the sources panel. Prints a table and writes JSON.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from eval.metrics import percentile

QUESTIONS = [
    "Who chairs the Expert Group on Social Cohesion?",
    "Did the Welsh Government accept recommendation 2?",
    "How much does the Community Cohesion Programme cost?",
    "When will the Expert Group first meet?",
    "Which recommendations were accepted?",
]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, process: subprocess.Popen, limit: float = 180.0) -> None:
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"ateb ui exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {limit:.0f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "ateb", "ui", "--index", str(args.index), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures: dict = {}
    try:
        _wait_http(url, process)
        figures["command_to_http_s"] = round(time.perf_counter() - started, 2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.locator("#ateb-question textarea").wait_for(timeout=60_000)
            figures["command_to_first_page_s"] = round(time.perf_counter() - started, 2)
            latencies = []
            for round_ in range(args.rounds + 1):
                for question in QUESTIONS:
                    before = page.locator("#ateb-chat .ateb-answer, #ateb-chat .ateb-abstain").count()
                    asked = time.perf_counter()
                    page.fill("#ateb-question textarea", question)
                    page.keyboard.press("Enter")
                    page.locator("#ateb-chat .ateb-answer, #ateb-chat .ateb-abstain").nth(before).wait_for(timeout=60_000)
                    if round_:  # the first round warms the page and the server
                        latencies.append((time.perf_counter() - asked) * 1000)
            browser.close()
        figures.update({
            "questions_timed": len(latencies),
            "browser_answer_ms_p50": round(statistics.median(latencies), 1),
            "browser_answer_ms_p95": round(percentile(latencies, 0.95), 1),
            "browser_answer_ms_max": round(max(latencies), 1),
        })
    finally:
        process.terminate()
        process.wait(timeout=30)
    for key, value in figures.items():
        print(f"{key:28s}{value}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
