"""A cell of a named table row, read with the table's header, also where the row is longer
than a chunk: an HTML application form written here, built and asked."""
from __future__ import annotations

_LONG_CELL = " ".join(
    f"- the sources of funding number {i} that will meet those costs, with who will undertake any borrowing" for i in range(12))

FORM = f"""<html><head><title>Freeport bidding prospectus</title></head><body><main>
<h2>Criterion D: Deliverability of proposal</h2>
<table>
<tr><th>#</th><th>Question</th><th>Question Type</th><th>Word or file limit</th><th>Paragraph</th><th>Weighting</th></tr>
<tr><td>3.7</td><td>Please provide a risk management framework that shows how your board will manage risks.</td>
<td>File upload</td><td>-</td><td>4.5.6</td><td>5% of Criterion D</td></tr>
<tr><td>3.8</td><td>Please outline your preferred investment proposal, including: {_LONG_CELL}</td>
<td>Template table</td><td>2000</td><td>3.4</td><td>15% of Criterion D</td></tr>
<tr><td>3.9</td><td>Please provide evidence of the commercial demand for the tax site land.</td>
<td>Free text</td><td>500</td><td>-</td><td>10% of Criterion D</td></tr>
</table>
<h2>Annex A: Mark scheme</h2>
<p>The detailed application information will be marked according to the following schema:</p>
<table>
<tr><th>Mark</th><th>Text</th></tr>
<tr><td>Low</td><td>A poor response with material concerns that the proposal will not meet the criterion.</td></tr>
<tr><td>Medium</td><td>A good response that meets the requirements with robust supporting evidence.</td></tr>
<tr><td>High</td><td>An outstanding response that meets the requirements with no weaknesses.</td></tr>
</table>
</main></body></html>"""


def test_a_named_row_s_cell_is_read_under_the_header_the_question_uses(small_corpus):
    assistant = small_corpus({"prospectus.html": FORM})
    # the row is cut into several chunks; its weighting is in the last, without its label
    chunks = [n.text for _, n in assistant.store.nodes_of_document(assistant.store.nodes([0])[0].metadata["doc_id"])]
    assert len([t for t in chunks if "sources of funding" in t]) >= 2
    answer = assistant.ask("What weighting does question 3.8 on the preferred investment proposal carry?")
    assert not answer.abstained
    assert "15% of Criterion D" in answer.answer and "Weighting" in answer.answer
    assert "15% of Criterion D" in answer.citations[0].quote
    assert answer.retrieved[0].chunk_id == answer.citations[0].chunk_id
    assert answer.citations[0].quote in answer.retrieved[0].text
    answer = assistant.ask("What is the word limit for question 3.9?")
    assert "500" in answer.answer and "Word or file limit" in answer.answer
    # a cell left empty ("-") is no answer from the table
    assert "Word or file limit: -" not in assistant.ask("What is the word limit for question 3.7?").answer


def test_a_row_named_by_its_label_in_quotes_is_read_in_a_two_column_table(small_corpus):
    assistant = small_corpus({"prospectus.html": FORM})
    answer = assistant.ask("In the mark scheme, what does a 'Medium' mark indicate?")
    assert answer.answer.startswith("Medium: A good response")
    assert answer.citations[0].quote.startswith("Medium | A good response")
    # a quoted phrase that labels no row is answered as any question is
    assert "Medium:" not in assistant.ask("What does the prospectus call 'a poor response'?").answer


_LONG_MILESTONE = " ".join(f"Stage {i} of the assurance of the Full Business Cases will be completed by both governments." for i in range(20))
TIMELINE = f"""<html><head><title>Freeport bidding prospectus</title></head><body><main>
<h2>The application process</h2>
<table>
<tr><th>Date</th><th>Milestone</th></tr>
<tr><td>October 2022</td><td>Applicants may ask for clarification until 17:00 on 6 October 2022.</td></tr>
<tr><td>November 2022</td><td>Applicants will submit their bids via the online form by 6pm on 24 November.</td></tr>
<tr><td>2023/24</td><td>Depending on the Value for Money of the Outline Business Cases, Full Business Cases will either be
assured locally or by both governments. {_LONG_MILESTONE}</td></tr>
</table>
</main></body></html>"""


def test_a_row_named_by_the_period_it_is_for_is_read_from_a_timeline(small_corpus):
    assistant = small_corpus({"timeline.html": TIMELINE})
    answer = assistant.ask("In the freeport timeline, what is due to happen in 2023/24?")
    assert answer.answer.startswith("2023/24: Depending on the Value for Money")
    assert len(answer.answer.split()) <= 60 and answer.citations[0].quote.startswith("Depending on the Value")
    # a count asked of the bids due in a period is not that period's row
    assert not assistant.ask("How many bids were submitted by the November 2022 deadline?").answer.startswith("November 2022:")
