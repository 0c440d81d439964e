"""The `ateb` command as a user runs it: a real subprocess, real index, real model."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CONTRACT = {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"}
CITATION = {"n", "doc_id", "title", "file", "page", "section", "quote", "chunk_id", "score"}


def ateb(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ateb", *args], input=stdin, capture_output=True, text=True,
        env={**os.environ, **(env or {})}, timeout=300,
    )


def test_ask_json_follows_the_contract(bundled_index):
    run = ateb("ask", "--json", "--index", str(bundled_index), "How much does the Community Cohesion Programme cost a year?")
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == CONTRACT
    assert out["abstained"] is False and "£1.63m" in out["answer"]
    assert set(out["citations"][0]) == CITATION
    assert set(out["timings_ms"]) == {"retrieve", "rerank", "answer", "total"}
    assert len(out["retrieved"]) == 10
    texts = {r["chunk_id"]: r["text"] for r in out["retrieved"]}
    for c in out["citations"]:
        assert c["quote"] in texts[c["chunk_id"]]


def test_batch_answers_in_order_and_echoes_fields(bundled_index, tmp_path):
    questions = "\n".join([
        json.dumps({"id": "a", "question": "Who chairs the Expert Group on Social Cohesion?", "tag": "people"}),
        "What is the capital of France?",
        json.dumps({"id": "c", "question": "Did the Welsh Government accept recommendation 2?"}),
    ])
    run = ateb("ask", "--json", "--batch", "-", "--index", str(bundled_index), "-k", "3", stdin=questions)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c"]
    assert rows[0]["tag"] == "people" and "Gaynor Legall" in rows[0]["answer"]
    assert rows[1]["abstained"] is True
    assert all(len(r["retrieved"]) == 3 for r in rows)


def test_batch_reports_a_bad_line_and_keeps_going(bundled_index, tmp_path):
    batch = tmp_path / "questions.jsonl"
    batch.write_text('{"question": "Who chairs the Expert Group?"}\n{broken\n{"question": "What is Healing the Divide?"}\n')
    run = ateb("ask", "--batch", str(batch), "--index", str(bundled_index))
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(rows) == 3 and "line 2" in rows[1]["error"] and "line 2" in run.stderr
    assert "Llanelli" in rows[2]["answer"]


def test_readable_answer_lists_sources(bundled_index):
    run = ateb("ask", "--index", str(bundled_index), "Who chairs the Expert Group on Social Cohesion?")
    assert run.returncode == 0, run.stderr
    assert "Gaynor Legall" in run.stdout
    assert "Sources:" in run.stdout and "page 4" in run.stdout
    assert "Recommendations > Recommendation 1 > Response" in run.stdout


def test_docs_lists_what_is_indexed(bundled_index):
    run = ateb("docs", "--index", str(bundled_index))
    assert "welsh-gov-response-social-cohesion-2025.txt" in run.stdout and "Welsh Government" in run.stdout
    listed = json.loads(ateb("docs", "--json", "--index", str(bundled_index)).stdout)
    assert listed[0]["metadata_inferred"] is False
    verified = ateb("docs", "--verify", "--index", str(bundled_index))
    assert verified.returncode == 0 and "every file matches its checksum" in verified.stderr


def test_missing_index_says_how_to_build(tmp_path):
    run = ateb("ask", "--index", str(tmp_path / "nowhere"), "anything")
    assert run.returncode == 2
    assert "ateb build" in run.stderr


def test_build_prints_a_summary(corpus_copy, tmp_path):
    (corpus_copy / "junk.pdf").write_bytes(b"\x00\x01\x02 not a pdf \xff" * 50)
    run = ateb("build", "--quiet", "--corpus", str(corpus_copy), "--index", str(tmp_path / "index"))
    assert run.returncode == 3, run.stderr  # built, but some documents were skipped
    assert "Indexed 1 documents, 10 pages" in run.stdout
    assert "Skipped: junk.pdf:" in run.stdout
    (corpus_copy / "junk.pdf").unlink()
    assert ateb("build", "--quiet", "--corpus", str(corpus_copy), "--index", str(tmp_path / "index")).returncode == 0


def test_settings_come_from_the_environment(bundled_index):
    run = ateb("ask", "--json", "Who chairs the Expert Group?", env={"ATEB_INDEX_DIR": str(bundled_index), "ATEB_TOP_K": "4"})
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["retrieved"]) == 4


def test_no_network_is_touched(bundled_index, tmp_path):
    """Any socket connection raises and is recorded; the hub variables point nowhere and
    HF_HUB_OFFLINE is unset, so only the product's own offline loading can make this pass."""
    guard = tmp_path / "guard"
    guard.mkdir()
    attempts = tmp_path / "attempts.log"
    (guard / "sitecustomize.py").write_text(textwrap.dedent(f"""
        import socket
        _connect = socket.socket.connect
        def _refuse(self, address):
            if self.family in (socket.AF_INET, socket.AF_INET6):
                with open({str(attempts)!r}, "a") as fh:
                    fh.write(repr(address) + "\\n")
                raise OSError("network disabled by test")
            return _connect(self, address)
        socket.socket.connect = _refuse
    """))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update({"PYTHONPATH": os.pathsep.join([str(guard), env.get("PYTHONPATH", "")]),
                "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HOME": str(tmp_path / "hf-home")})
    # The guard itself works: a deliberate connection is refused and recorded.
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9), 1)"],
                           capture_output=True, text=True, env=env)
    assert "network disabled by test" in probe.stderr and attempts.read_text()
    attempts.unlink()
    run = subprocess.run([sys.executable, "-m", "ateb", "ask", "--json", "--index", str(bundled_index),
                          "Who chairs the Expert Group on Social Cohesion?"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Gaynor Legall" in json.loads(run.stdout)["answer"]
    assert not attempts.exists() or attempts.read_text() == ""


def test_follow_up_question_keeps_the_subject_of_the_conversation(bundled_index, tmp_path):
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"question": "Who chairs the Expert Group on Social Cohesion?",
                                    "answer": "Gaynor Legall CBE [1]"}]))
    question = "What is its chair's name?"
    run = ateb("ask", "--json", "--index", str(bundled_index), "--history", str(history), question)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert set(out) == CONTRACT and out["question"] == question
    assert "Gaynor Legall" in out["answer"]
    alone = json.loads(ateb("ask", "--json", "--index", str(bundled_index), question).stdout)
    assert "Gaynor Legall" not in alone["answer"]  # the subject came from the history
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": "no question"}]')
    run = ateb("ask", "--index", str(bundled_index), "--history", str(bad), "When?")
    assert run.returncode == 2 and "bad.json" in run.stderr


def test_commitments_command_formats(bundled_index, tmp_path):
    table = ateb("commitments", "--index", str(bundled_index))
    assert table.returncode == 0, table.stderr
    assert table.stdout.count("[ACCEPTED]") == 4 and "Financial implications:" in table.stdout
    as_json = json.loads(ateb("commitments", "--index", str(bundled_index), "--format", "json").stdout)
    assert [r["status"] for r in as_json] == ["accepted"] * 4
    csv_text = ateb("commitments", "--index", str(bundled_index), "--format", "csv", "--status", "accepted").stdout
    assert csv_text.splitlines()[0].startswith("document,kind,number") and len(csv_text.splitlines()) > 4
    out = tmp_path / "c.xlsx"
    assert ateb("commitments", "--index", str(bundled_index), "--format", "xlsx", "--out", str(out)).returncode == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet.max_row == 5 and sheet["E2"].value == "accepted"
    bad = ateb("commitments", "--index", str(bundled_index), "--status", "maybe")
    assert bad.returncode == 2 and "unknown status 'maybe'" in bad.stderr


def test_ui_starts_the_app_on_loopback(bundled_index, tmp_path):
    """The README's main command ends in `ateb ui`: it must answer on 127.0.0.1."""
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "ateb", "ui", "--index", str(bundled_index), "--port", str(port),
         "--data-dir", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=5) as response:
                    config = json.loads(response.read())
                break
            except OSError:
                assert process.poll() is None and time.time() < deadline, process.stdout.read() if process.poll() is not None else "timeout"
                time.sleep(1)
        names = {d.get("api_name") for d in config.get("dependencies", [])}
        assert {"ask", "commitments"} <= names
        assert config.get("auth_required") in (None, False)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_hash_password_for_a_users_file():
    run = ateb("hash-password", "--stdin", stdin="s3cret\n")
    assert run.returncode == 0 and run.stdout.startswith("scrypt$") and "s3cret" not in run.stdout
