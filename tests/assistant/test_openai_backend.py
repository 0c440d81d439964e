"""The OpenAI-compatible backend against a real server: llama.cpp's server (xllamacpp)
on 127.0.0.1 in its own process, serving the same SmolLM2 GGUF, with an API key."""
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.claims import missing_facts, split_claims
from assistant.llm import bundled_gguf
from ateb.settings import load_settings

SERVER = Path(__file__).resolve().parents[1] / "llm_server.py"
KEY = "test-key-for-a-loopback-server"


@pytest.fixture(scope="module")
def endpoint():
    from eval.app_process import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(SERVER), "--model", str(bundled_gguf()), "--port", str(port), "--api-key", KEY],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = process.stdout.readline()
    assert line.startswith("ready http://127.0.0.1:"), f"the server did not start: {line!r}"
    yield f"http://127.0.0.1:{port}/v1"
    process.terminate()
    process.wait(timeout=30)


def _assistant(index, embedder, endpoint, key=KEY):
    settings = load_settings(mode="generative", llm_backend="openai", llm_base_url=endpoint, llm_api_key=key,
                             llm_model="smollm2")
    return Assistant.open(index, settings=settings, embedder=embedder)


def test_answers_through_an_openai_compatible_endpoint(bundled_index, embedder, endpoint):
    assistant = _assistant(bundled_index, embedder, endpoint)
    for question in ("Who has been appointed to chair the Expert Group on Social Cohesion?",
                     "When will the Expert Group first meet?"):
        answer = assistant.ask(question)
        g = answer.generation
        assert g.model == "openai:smollm2" and g.draft, g
        assert g.fallback is None or "failed" not in g.fallback, g.fallback
        by_n = {c.n: c for c in answer.citations}
        if g.fallback is None:
            for sentence in split_claims(answer.answer):
                assert missing_facts(sentence.text, by_n[sentence.markers[0]].quote) == []


def test_a_wrong_api_key_is_refused_and_the_quoted_answer_stands(bundled_index, embedder, endpoint):
    answer = _assistant(bundled_index, embedder, endpoint, key="wrong").ask(
        "Who has been appointed to chair the Expert Group on Social Cohesion?")
    assert "AuthenticationError" in answer.generation.fallback
    assert "Gaynor Legall" in answer.answer


def test_the_key_never_appears_in_settings_output():
    settings = load_settings(llm_api_key=KEY)
    assert KEY not in repr(settings) and KEY not in settings.model_dump_json()
