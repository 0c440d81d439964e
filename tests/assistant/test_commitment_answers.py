"""The bundled response's commitments, as committee staff and officials see them."""
import pytest

from index import StoredIndex


def test_four_accepted_records_with_financial_implications(bundled):
    records = bundled.commitments()
    assert [r.number for r in records] == ["1", "2", "3", "4"]
    for record in records:
        assert (record.status, record.status_basis, record.status_quote) == ("accepted", "stated", "Response: Accept")
        assert record.financial_implications and record.financial_evidence is not None
        assert record.recommendation_text.startswith("“") and record.recommendation_text.rstrip("*").endswith("”")
    assert records[1].financial_implications == "No financial implications."
    assert [r.status_evidence.page for r in records] == ["4", "6", "7", "9"]
    assert any(c.deadline == "2026-03" for c in records[0].commitments)


def test_every_record_quote_is_an_exact_substring_of_its_chunk(bundled):
    store = bundled.store
    for record in bundled.commitments():
        for evidence in record.evidence():
            node = store.node_by_id(evidence.chunk_id)
            assert node is not None and evidence.quote in node.text


@pytest.mark.parametrize("question,expected", [
    ("Did the Welsh Government accept recommendation 3?", "Recommendation 3: accepted"),
    ("Which recommendations were accepted?", "Recommendation 4"),
    ("What will recommendation 1 cost?", "accommodated within existing budgets"),
    ("What did the government commit to by March 2026?", "until March 2026"),
])
def test_ask_answers_from_the_records_with_checked_citations(bundled, question, expected):
    answer = bundled.ask(question)
    assert not answer.abstained and expected in answer.answer
    store = bundled.store
    for citation in answer.citations:
        assert citation.quote in store.node_by_id(citation.chunk_id).text


def test_a_status_nobody_has_is_said_plainly(bundled):
    answer = bundled.ask("Which recommendations were rejected?")
    assert answer.abstained and "not accepted" in answer.answer and not answer.citations


def test_a_verdict_goes_on_with_what_the_response_says(bundled):
    answer = bundled.ask("Has the government signed up to setting up an Expert Group on Social Cohesion (recommendation 1)?")
    assert answer.answer.startswith("Recommendation 1: accepted")
    verdict, reply = answer.citations
    assert reply.n == 2 and "[2]" in answer.answer
    assert "Expert Group on Social Cohesion has been established" in reply.quote
    assert reply.section.endswith("Response") and reply.quote != verdict.quote
    assert len(answer.answer.split()) <= 60


def test_a_question_presuming_a_verdict_the_response_does_not_give_is_not_answered(bundled):
    answer = bundled.ask("Why did the Welsh Government reject the committee's recommendation on a Community Right to Buy?")
    assert answer.abstained and not answer.citations
    assert "do not say that Recommendation 2 was rejected" in answer.answer and "Accept" in answer.answer
    # the verdict it does give is answered as before
    assert bundled.ask("Why did the Welsh Government accept recommendation 2?").answer.startswith("Recommendation 2: accepted")
