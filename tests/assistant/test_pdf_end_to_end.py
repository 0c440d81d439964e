"""Write a PDF, index it, ask it: the answer, printed page and section path come back."""
import pytest
from pdf_writer import write_pdf

from assistant import Assistant
from index import build_index

PAGES = [
    ["Committee on Examples", "Government response to the report on bridges"],
    ["1. Introduction", "The committee published its report on bridges in May 2025.",
     "The Government welcomes the report and thanks the witnesses."],
    ["2. Recommendations", "Recommendation 1", "The Government should inspect every footbridge each year.",
     "Response: Accept", "The Government will inspect all 412 footbridges annually from April 2026."],
    ["Recommendation 2", "The Government should publish inspection results online.",
     "Response: Reject", "Publication would duplicate existing local authority reports.",
     "Financial Implications", "The inspection programme will cost £3.2 million a year."],
]


@pytest.fixture(scope="module")
def bridges(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("bridges")
    (root / "corpus").mkdir()
    write_pdf(root / "corpus" / "bridges.pdf", PAGES, [(0, 0, "/r", "", 1), (1, 3, "/D", "", 11)])
    build_index(root / "corpus", root / "index", embedder=embedder)
    return Assistant.open(root / "index", embedder=embedder)


def test_answer_cites_printed_page_and_section(bridges):
    answer = bridges.ask("How many footbridges will the Government inspect each year?")
    assert not answer.abstained
    assert "412 footbridges" in answer.answer
    first = answer.citations[0]
    assert first.page == "12"  # physical page 3, printed page 12
    assert first.section == "Recommendations > Recommendation 1 > Response"
    assert first.file == "bridges.pdf"


def test_cost_question_finds_financial_implications(bridges):
    answer = bridges.ask("What will the inspection programme cost?")
    assert "£3.2 million" in answer.answer
    assert answer.citations[0].section == "Recommendations > Recommendation 2 > Financial Implications"
    assert answer.citations[0].page == "13"


def test_every_quote_is_in_its_chunk(bridges):
    answer = bridges.ask("Was recommendation 2 accepted?")
    texts = {r.chunk_id: r.text for r in answer.retrieved}
    for citation in answer.citations:
        assert citation.quote in texts[citation.chunk_id]
    assert "Reject" in answer.answer


def test_metadata_is_inferred_without_a_manifest(bridges):
    (doc,) = bridges.documents()
    assert doc["metadata_inferred"] is True
    assert doc["doc_type"] == "government response"
