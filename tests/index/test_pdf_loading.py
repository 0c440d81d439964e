from pathlib import Path

import pytest
from pdf_writer import write_pdf

from index.documents import DocumentError
from index.load_pdf import load_pdf
from index.structure import parse_structure

PAGES = [
    ["Committee on Examples", "Government response"],
    ["Contents", "Introduction ........ 1", "Recommendations ........ 2", "Recommendation 1 ........ 2",
     "Recommendation 2 ........ 2", "Conclusion ........ 3"],
    ["1. Introduction", "The committee published its report on bridges in May 2025.",
     "The Government welcomes the report."],
    ["2. Recommendations", "Recommendation 1", "The Government should inspect every footbridge each year.",
     "Response: Accept", "The Government will inspect all 412 footbridges annually from April 2026."],
    ["Recommendation 2", "The Government should publish inspection results.",
     "Response: Reject", "Publication would duplicate existing local authority reports.",
     "Financial Implications", "The inspections will cost £3.2 million a year."],
]
LABELS = [(0, 1, "/r", "", 1), (2, 4, "/D", "", 1)]


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    return write_pdf(tmp_path / "bridges.pdf", PAGES, LABELS)


def test_pages_carry_printed_labels(report_pdf):
    lines, page_count, _ = load_pdf(report_pdf)
    assert page_count == 5
    pages = {l.text: l.page for l in lines}
    assert pages["Committee on Examples"] == "i"
    assert pages["The Government welcomes the report."] == "1"
    assert pages["The inspections will cost £3.2 million a year."] == "3"


def test_contents_page_is_not_content(report_pdf):
    lines, _, _ = load_pdf(report_pdf)
    assert not any("........" in l.text for l in lines)


def test_without_page_labels_the_physical_number_is_used(tmp_path):
    lines, _, _ = load_pdf(write_pdf(tmp_path / "plain.pdf", [["First page text."], ["Second page text."]]))
    assert [l.page for l in lines] == ["1", "2"]


def test_recommendation_response_structure(report_pdf):
    lines, _, _ = load_pdf(report_pdf)
    sections = {s.path_text: s for s in parse_structure(lines)}
    assert "Recommendations > Recommendation 1 > Response" in sections
    response = sections["Recommendations > Recommendation 1 > Response"]
    assert response.response_status == "Accept" and response.recommendation == "1"
    rejected = sections["Recommendations > Recommendation 2 > Response"]
    assert rejected.response_status == "Reject"
    money = sections["Recommendations > Recommendation 2 > Financial Implications"]
    assert "£3.2 million" in money.paragraphs[0].text


def test_broken_pdf_is_a_clear_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises(DocumentError) as err:
        load_pdf(bad)
    assert "broken.pdf" in str(err.value)


def test_reference_only_footnotes_are_dropped(tmp_path):
    pdf = write_pdf(tmp_path / "notes.pdf", [[
        "The space sector employs 55,000 people.12",
        "It grew quickly in the last decade.",
        "12 Written evidence from UKspace (SPA0085)",
        "13 INQ000204014",
    ]])
    texts = [l.text for l in load_pdf(pdf)[0]]
    assert "It grew quickly in the last decade." in texts
    assert not any("Written evidence" in t or "INQ000" in t for t in texts)


def test_a_page_holding_only_a_title_heads_what_follows(tmp_path):
    pdf = write_pdf(tmp_path / "inquiry.pdf", [
        ["Introduction by The Rt Hon", "the Baroness Hallett DBE"],
        ["This is the first report of the Inquiry."],
        ["Voices of those bereaved"],
        ["My father died alone in hospital in April 2020.", "We could not say goodbye."],
        ["Executive summary"],
        ["In 2020 the UK lacked resilience.", "The lead department model is not appropriate and should be abolished."],
        ["Chapter 1: A brief history of pandemics"],
        ["1.1. Pandemics have shaped history."],
        ["978-1-5286-4936-0 E03069239"],
        ["Annex text follows the back matter here."],
    ])
    lines, _, _ = load_pdf(pdf)
    sections = {s.path_text: " ".join(p.text for p in s.paragraphs) for s in parse_structure(lines, is_response=False)}
    assert "abolished" in sections["Executive summary"]
    assert "goodbye" in sections["Voices of those bereaved"]
    assert "first report" in sections["Introduction by The Rt Hon the Baroness Hallett DBE"]
    assert "shaped history" in sections["Chapter 1: A brief history of pandemics"]
    # a back cover's numbers are no title
    assert not any("978" in path for path in sections)
    # nor is a short note's text, nor a last page's
    note, _, _ = load_pdf(write_pdf(tmp_path / "note.pdf", [["Ferry notice"], ["The ferry sails on Tuesday"]]))
    assert "The ferry sails on Tuesday" in " ".join(p.text for s in parse_structure(note) for p in s.paragraphs)
