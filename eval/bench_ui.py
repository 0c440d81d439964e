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
import statistics
import time
from pathlib import Path

from eval.app_process import start_app, stop_app
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3, help="times each question is asked")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    process, url = start_app(args.index)
    figures: dict = {}
    try:
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
        stop_app(process)
    for key, value in figures.items():
        print(f"{key:28s}{value}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
