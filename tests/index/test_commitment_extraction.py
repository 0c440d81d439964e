"""Commitments built at index time from small real corpora: a GOV.UK-style HTML response
that sets the committee's words in callouts and answers two comments together, a text
response with stated verdicts, a PDF response whose replies have no heading, paired
with the committee report it answers, and a PDF response that gives its verdicts in a
table column beside the recommendations."""
import json

import pytest
from pdf_writer import write_pdf, write_placed_pdf

from assistant.commitments import select, stored_records
from index import StoredIndex, build_index
from index.store import file_checksums

HTML = """<html><head><title>Government response to the Committee report on rivers</title></head><body><main>
<div class="govspeak">
<h2>1. Water quality</h2>
<div class="call-to-action"><h3>Comment 1</h3><p>Rivers are too polluted and the Government should act.</p>
<h3>Comment 2 and 3</h3><p>The Government should publish monitoring data every month.</p></div>
<p>1.1 The government agrees with these recommendations and will publish monitoring data by March 2027.</p>
<p>1.2 We will invest £40 million in monitoring stations over the next 3 years.</p>
<div class="call-to-action"><h3>Comment 4</h3><p>Water companies should not pay bonuses while rivers are polluted.</p></div>
<p>1.3 The government does not accept this recommendation, as bonuses are a matter for company boards.</p>
</div></main></body></html>"""

TEXT = """Roads: Government response

Recommendation 1
"The Government should resurface every A road by 2030."
Response: Accept in part
We will resurface the most damaged A roads by 31 December 2029.
Financial Implications
The programme will cost £2.1 billion over five years.

Recommendation 2
"The Government should abolish speed limits."
Response: Reject
The Government will keep speed limits.
"""


def _manifest(corpus, entries):
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}))


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, embedder):
    corpus = tmp_path_factory.mktemp("commitments") / "corpus"
    corpus.mkdir()
    (corpus / "rivers-response.html").write_text(HTML)
    (corpus / "roads-response.txt").write_text(TEXT)
    write_pdf(corpus / "ports-response.pdf", [[
        "Government response to the Ports Committee report: Harbours Matter",
        "", "Recommendation 1", "",
        "The Government should dredge every harbour each year.", "",
        "Dredging is funded through harbour dues and the Government will review dues in 2027.", "",
        "Recommendation 2", "",
        "We recommend that the Government publishes a ports strategy.", "",
        "The Government agrees with this recommendation and will publish a strategy in spring 2027.",
    ]])
    write_pdf(corpus / "ports-report.pdf", [[
        "Harbours Matter: Ports Committee report", "",
        "Summary of recommendations", "",
        "Recommendation 1", "",
        "The Government should dredge every harbour each year.", "",
        "Recommendation 2", "",
        "We recommend that the Government publishes a ports strategy.", "",
        "Recommendation 3", "",
        "The Government should appoint a ports minister.",
    ]])
    # Content-stream order as in real responses: each verdict cell comes after its row's
    # text, or in the middle of it, glued to whatever line it happens to follow.
    write_placed_pdf(corpus / "canals-response.pdf", [
        [(36, 540, "Annex A - Government response to the canals review"),
         (68, 500, "Recommendation"), (698, 506, "Government"), (704, 494, "Response"),
         (758, 506, "Paragraph"), (772, 494, "no."),
         (50, 470, "1"), (68, 470, "The Government should reopen every canal lock by 2028, so that"),
         (68, 458, "boats can travel the whole network again."), (700, 464, "Accept"),
         (50, 430, "2"), (68, 430, "Canal towpaths should be resurfaced for cyclists and walkers. There are many"),
         (697, 424, "Accept in part"), (68, 418, "paths in poor repair; surfaces should be renewed by 2030."),
         (50, 390, "3"), (68, 390, "The Government should create a national canal data strategy and publish it"),
         (68, 378, "every year with all the evidence behind it.")],
        [(68, 540, "Detail: the strategy should include maintenance backlogs."), (700, 530, "TBC by DfT")],
        [(36, 540, "Annex B - Glossary"), (36, 520, "A lock is a device for raising and lowering boats.")],
    ])
    _manifest(corpus, [
        {"file": "rivers-response.html", "title": "Government response to the Committee report on rivers", "doc_type": "government response"},
        {"file": "roads-response.txt", "title": "Roads: Government response", "doc_type": "government response"},
        {"file": "ports-response.pdf", "title": "Government response to the Ports Committee report: Harbours Matter", "doc_type": "government response"},
        {"file": "canals-response.pdf", "title": "Government response to the canals review", "doc_type": "government response"},
        {"file": "ports-report.pdf", "title": "Harbours Matter (Ports Committee report)", "doc_type": "committee report"},
    ])
    index_dir = tmp_path_factory.mktemp("commitments-index") / "index"
    build_index(corpus, index_dir, embedder=embedder)
    return index_dir


def _by(records, doc, number):
    return next(r for r in records if r.doc_id == doc and r.number == number)


def test_callout_comments_answered_together(small_index):
    records = stored_records(StoredIndex.open(small_index))
    rivers = [r for r in records if r.doc_id == "rivers-response"]
    assert [r.number for r in rivers] == ["1", "2", "3", "4"]
    assert {r.status for r in rivers[:3]} == {"accepted"}
    assert rivers[0].answered_with == ["2", "3"]
    assert rivers[0].recommendation_text == "Rivers are too polluted and the Government should act."
    promise = rivers[0].commitments[0]
    assert promise.deadline == "2027-03" and promise.actor == "the Government"
    assert rivers[0].commitments[1].amounts == [40e6]
    assert rivers[3].status == "not_accepted"
    assert rivers[3].status_quote.startswith("1.3 The government does not accept this recommendation")


def test_stated_verdicts_and_financial_implications(small_index):
    records = stored_records(StoredIndex.open(small_index))
    first, second = _by(records, "roads-response", "1"), _by(records, "roads-response", "2")
    assert (first.status, first.status_basis, first.status_quote) == ("accepted_in_part", "stated", "Response: Accept in part")
    assert first.financial_implications == "The programme will cost £2.1 billion over five years."
    assert first.commitments[0].deadline == "2029-12-31"
    assert second.status == "not_accepted"


def test_pdf_replies_without_headings_and_pairing_with_the_report(small_index):
    records = stored_records(StoredIndex.open(small_index))
    one, two = _by(records, "ports-response", "1"), _by(records, "ports-response", "2")
    assert one.recommendation_text == "The Government should dredge every harbour each year."
    assert one.response_text.startswith("Dredging is funded")
    assert one.status == "unclear" and one.status_quote is None  # no verdict in the words
    assert two.status == "accepted" and two.commitments[0].deadline == "2027-03-01/2027-05-31"
    assert one.committee_doc_id == "ports-report" and one.committee_evidence.page == "1"
    unanswered = _by(records, "ports-response", "3")
    assert unanswered.status == "no_response"
    assert unanswered.recommendation_text == "The Government should appoint a ports minister."


def test_verdicts_from_a_table_column(small_index):
    records = [r for r in stored_records(StoredIndex.open(small_index)) if r.doc_id == "canals-response"]
    assert [(r.number, r.status, r.status_quote) for r in records] == [
        ("1", "accepted", "Accept"), ("2", "accepted_in_part", "Accept in part"), ("3", "unclear", "TBC by DfT")]
    second, third = records[1], records[2]
    # The cell glued into row 2's text is taken out of it; the row's text runs on.
    assert "There are many paths in poor repair" in " ".join(second.recommendation_text.split())
    assert "Accept" not in second.recommendation_text
    assert "Detail: the strategy should include maintenance backlogs." in third.recommendation_text
    assert third.response_text == "TBC by DfT" and third.status_evidence.page == "2"
    assert "Glossary" not in third.response_text


def test_every_quote_is_in_its_chunk(small_index):
    store = StoredIndex.open(small_index)
    checked = 0
    for record in stored_records(store):
        for evidence in record.evidence():
            node = store.node_by_id(evidence.chunk_id)
            assert node is not None and evidence.quote in node.text, (record.doc_id, record.number, evidence.quote)
            checked += 1
    assert checked > 20


def test_select_by_status_and_deadline(small_index):
    records = stored_records(StoredIndex.open(small_index))
    assert {(r.doc_id, r.number) for r in select(records, status="rejected")} == {("rivers-response", "4"), ("roads-response", "2")}
    due = select(records, due_by="2027-04")
    assert ("rivers-response", "1") in {(r.doc_id, r.number) for r in due}
    # Spring 2027 runs to the end of May and "in 2027" to December: neither is due by April.
    assert {(r.doc_id, r.number) for r in due} == {("rivers-response", "1"), ("rivers-response", "2"), ("rivers-response", "3")}


def test_records_are_extracted_again_when_extraction_changed(corpus_copy, tmp_path, embedder):
    """An index from an older extraction: the rebuild re-extracts without re-embedding."""
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder=embedder)
    manifest = json.loads((index_dir / "manifest.json").read_text())
    (index_dir / "commitments.json").write_text(json.dumps({"parts": {}, "records": []}))
    # As an older build left it: its own files, consistent with its manifest.
    (index_dir / "manifest.json").write_text(json.dumps(
        {**manifest, "commitments_version": 0, "checksums": file_checksums(index_dir)}))
    report = build_index(corpus_copy, index_dir, embedder=embedder)
    assert report.embedded_chunks == 0
    assert [r.status for r in stored_records(StoredIndex.open(index_dir))] == ["accepted"] * 4
