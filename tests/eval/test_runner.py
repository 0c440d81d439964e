"""`ateb eval run` and `ateb eval compare` end to end on the real bundled index."""
import json
import os
import subprocess
import sys

import pytest

SET = [
    {"id": "r1", "question": "Who chairs the Expert Group on Social Cohesion?", "answers": ["Gaynor Legall"],
     "evidence": ["independently chaired by Gaynor Legall CBE"], "answerable": True,
     "doc": "welsh-gov-response-social-cohesion-2025.txt", "tags": ["people"]},
    {"id": "r2", "question": "What is the annual cost of the Community Cohesion Programme?", "answers": ["£1.63m"],
     "evidence": ["The cost of continuing the Community Cohesion Programme is approximately £1.63m per annum"],
     "answerable": True, "doc": "welsh-gov-response-social-cohesion-2025.txt", "tags": ["money"]},
    {"id": "r3", "question": "What is the capital of France?", "answers": [], "evidence": [], "answerable": False,
     "tags": ["unanswerable"]},
]


def ateb(*args, env=None):
    return subprocess.run([sys.executable, "-m", "ateb", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    path = tmp_path_factory.mktemp("sets") / "small.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in SET) + "\n")
    return path


@pytest.fixture(scope="module")
def run_a(small_set, bundled_index, tmp_path_factory):
    out = tmp_path_factory.mktemp("runs") / "a"
    run = ateb("eval", "run", "--set", str(small_set), "--index", str(bundled_index), "--out", str(out), "--quiet")
    assert run.returncode == 0, run.stderr
    return out


def test_run_writes_results_summary_and_report(run_a):
    results = [json.loads(l) for l in (run_a / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in results] == ["r1", "r2", "r3"]
    assert {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"} <= set(results[0])
    summary = json.loads((run_a / "summary.json").read_text())
    assert summary["questions"] == 3 and summary["answerable"] == 2
    assert summary["answer_accuracy"] == 1.0 and summary["abstention_accuracy"] == 1.0
    assert summary["evidence_hit@5"] == 1.0 and summary["citation_support"] == 1.0
    assert summary["latency_ms_p95"] > 0 and summary["retrieval_latency_ms_p50"] > 0
    assert set(summary["by_tag"]) == {"people", "money", "unanswerable"}
    assert "welsh-gov-response-social-cohesion-2025.txt" in summary["by_doc"]
    html = (run_a / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 3 and "Failures (0)" in html
    assert "| evidence_hit@5 | 1.000 |" in (run_a / "report.md").read_text()


def test_retrieval_only_scores_retrieval_and_skips_answers(small_set, bundled_index, tmp_path):
    run = ateb("eval", "run", "--set", str(small_set), "--index", str(bundled_index), "--out", str(tmp_path),
               "--retrieval-only", "--quiet")
    assert run.returncode == 0, run.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["retrieval_only"] is True and summary["accuracy"] is None
    assert summary["evidence_hit@1"] == 1.0
    results = [json.loads(l) for l in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert all(r["answer"] == "" and r["citations"] == [] for r in results)


def test_gate_fails_when_the_bar_is_above_the_result(small_set, bundled_index, tmp_path):
    run = ateb("eval", "run", "--set", str(small_set), "--index", str(bundled_index), "--out", str(tmp_path),
               "--quiet", "--min-accuracy", "0.9", "--min-citation-support", "0.9")
    assert run.returncode == 0, run.stderr
    run = ateb("eval", "run", "--set", str(small_set), "--index", str(bundled_index), "--out", str(tmp_path),
               "--quiet", "--min-accuracy", "0.9", "--min-citation-support", "0.9",
               env={"ATEB_ABSTAIN_BELOW": "5"})  # an assistant that abstains on everything
    assert run.returncode == 1
    assert "GATE FAILED: accuracy" in run.stderr


def test_compare_shows_deltas_and_flips(run_a, small_set, bundled_index, tmp_path):
    run_b = tmp_path / "b"
    made = ateb("eval", "run", "--set", str(small_set), "--index", str(bundled_index), "--out", str(run_b), "--quiet",
                env={"ATEB_ABSTAIN_BELOW": "5"})
    assert made.returncode == 0, made.stderr
    compared = ateb("eval", "compare", str(run_a), str(run_b))
    assert compared.returncode == 0, compared.stderr
    out = compared.stdout
    assert "answer_accuracy" in out and "-1.000" in out
    assert "right → wrong (2):" in out and "r1: Who chairs" in out
    assert "wrong → right (0):" in out
