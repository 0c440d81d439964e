from pathlib import Path

from conftest import BUNDLED_CORPUS

from index.load_html import load_html
from index.load_text import load_text
from index.sentences import split_sentences
from index.structure import parse_structure

HTML = """<html><head><title>Response to the Roads Committee</title></head><body>
<nav><a href="/">Home</a> Skip to content</nav>
<main><h1>Response to the Roads Committee</h1>
<div class="govspeak">
<h2><span class="number">1. </span> Introduction</h2>
<p>1.1\tThe Government thanks the <a href="#">Roads Committee</a>, and its chair.</p>
<h3>Recommendation:</h3><p>Resurface every A-road within five years.</p>
<h3>Response:</h3><p>2.\tThe Government agrees in part.</p>
<h3>Recommendation:</h3><p>Publish a pothole map.</p>
<h3>Response:</h3><p>3.\tThe Government will publish the map in 2026.</p>
<table><tr><th>Year</th><th>Budget</th></tr><tr><td>2026</td><td>£5 million</td></tr></table>
</div></main><script>var tracking = 1;</script></body></html>"""


def test_html_keeps_headings_and_drops_navigation(tmp_path):
    path = tmp_path / "roads.html"
    path.write_text(HTML, encoding="utf-8")
    lines, _, info = load_html(path)
    texts = [l.text for l in lines]
    assert info["title"] == "Response to the Roads Committee"
    assert not any("Skip to content" in t or "tracking" in t for t in texts)
    assert "1.1 The Government thanks the Roads Committee, and its chair." in texts
    assert "Year | Budget" in texts and "2026 | £5 million" in texts
    assert any(l.heading_level == 2 and l.text == "1. Introduction" for l in lines)


def test_unnumbered_html_recommendations_are_numbered_in_order(tmp_path):
    path = tmp_path / "roads.html"
    path.write_text(HTML, encoding="utf-8")
    lines, _, _ = load_html(path)
    paths = [s.path_text for s in parse_structure(lines)]
    assert "1. Introduction > Recommendation 2 > Response" in paths
    assert "1. Introduction > Recommendation 1" in paths


def test_plain_text_takes_printed_pages_from_its_contents_list():
    lines, pages, info = load_text(BUNDLED_CORPUS / "welsh-gov-response-social-cohesion-2025.txt")
    page_of = {l.text: l.page for l in lines if l.text}
    assert info["page_source"] == "printed contents list"
    assert page_of["Recommendation 2"] == "6"
    assert page_of["No financial implications."] == "6"
    assert page_of["3. Conclusions"] == "10"
    assert not any(t.startswith("2.\tRecommendations") for t in page_of)  # contents list dropped


def test_bundled_response_structure():
    lines, _, _ = load_text(BUNDLED_CORPUS / "welsh-gov-response-social-cohesion-2025.txt")
    sections = parse_structure(lines)
    responses = [s for s in sections if s.part == "response"]
    assert [s.recommendation for s in responses] == ["1", "2", "3", "4"]
    assert all(s.response_status == "Accept" for s in responses)
    assert responses[2].path_text == "Recommendations > Recommendation 3 > Response"
    assert sum(1 for s in sections if s.part == "financial implications") == 4


def test_markdown_headings(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Briefing\n\n## Recommendation 4\n\nDo the thing.\n\n### Response: Accept in principle\n\nWe will.\n")
    sections = parse_structure(load_text(path)[0])
    response = sections[-1]
    assert response.path_text == "Briefing > Recommendation 4 > Response"
    assert response.response_status == "Accept in principle"


def test_sentences_respect_abbreviations_and_money():
    text = "The cost is approx. £1.63m per annum. See para. 4.2 of the report. Dr. Jones agreed. It ends."
    assert split_sentences(text) == [
        "The cost is approx. £1.63m per annum.",
        "See para. 4.2 of the report.",
        "Dr. Jones agreed.",
        "It ends.",
    ]


def test_a_footnote_marker_after_a_closing_quote_ends_the_sentence():
    text = "It works to “benefit people on Earth.”108 Its budget for 2025/26 is £681 million.109 On 20 August it changed."
    assert split_sentences(text) == ["It works to “benefit people on Earth.”108", "Its budget for 2025/26 is £681 million.109",
                                     "On 20 August it changed."]


def test_a_footnote_marker_after_a_year_ends_the_sentence():
    text = "It was prepared in 2009 and 2013.31 This took a year. The rate was 2.25 In total."
    assert split_sentences(text) == ["It was prepared in 2009 and 2013.31", "This took a year.", "The rate was 2.25 In total."]


def test_a_numbered_list_in_a_document_of_numbered_paragraphs_opens_no_section():
    from index.documents import Line

    prose = "The Government has made a great deal of data available to users and will publish more of it this year."
    texts = ["Chapter Two - Driving the next phase of delivery", ""]
    texts += [f"{n}. {prose}" for n in range(30, 40)] + [""]
    texts += ["Box X - List of Boards and their Chairs", "1. Crime and Justice Transparency Sector Board (Chair: Kieran O'Hara)",
              "", "9. Welfare Sector Transparency Board (Chair: Gill Aitken, DWP)", "",
              "40. To strengthen the voice of data users we created the Open Data User Group, an independently chaired group.",
              "Heather Savory was appointed the Chair in May 2012."]
    sections = parse_structure([Line(t, "16") for t in texts])
    savory = next(s for s in sections if any("Heather Savory" in p.text for p in s.paragraphs))
    assert savory.path_text == "Chapter Two - Driving the next phase of delivery"


def test_a_report_goes_back_to_its_chapter_after_a_recommendation_box():
    from index.documents import Line

    prose = "the lead department model worked for risks that sat with one department, and not otherwise."
    texts = ["Chapter 2: The system", "", "2.98. In practice " + prose, "",
             "Recommendation 1: A simplified structure",
             "The governments of the UK and Wales should each simplify their structures.",
             "• a single Cabinet-level committee; and", "• a single group of senior officials.", "",
             "The lead government department model", "",
             "2.99. When the pandemic took hold, " + prose, "",
             "2.100. The Cabinet Office took the lead, and " + prose]
    sections = parse_structure([Line(t, "49") for t in texts], is_response=False)
    box = next(s for s in sections if s.recommendation == "1")
    assert [p.text[:5] for p in box.paragraphs] == ["The g", "• a s", "• a s"]
    body = next(s for s in sections if any(p.text.startswith("2.99.") for p in s.paragraphs))
    assert body.path_text == "Chapter 2: The system > The lead government department model"
    assert body.recommendation is None and body.part is None
    assert [p.text[:6] for p in body.paragraphs] == ["2.99. ", "2.100."]


def test_government_reply_without_a_response_heading_becomes_the_response():
    from index.documents import Line

    lines = [Line(t, "5") for t in [
        "Recommendation 4: A better strategy",
        "The governments of the UK should publish a strategy every three years.",
        "The government agrees that a strategy is needed and will publish one in 2026.",
        "Recommendation 5",
        "We recommend that the strategy is reviewed annually.",
        "We will review it every two years instead.",
    ]]
    sections = {s.path_text: s for s in parse_structure(lines)}
    reply = sections["Recommendation 4: A better strategy > Response"]
    assert reply.part == "response" and reply.recommendation == "4"
    assert reply.paragraphs[0].text.startswith("The government agrees")
    assert sections["Recommendation 4: A better strategy"].paragraphs[0].text.startswith("The governments of the UK should")
    # The committee's own "We recommend" stays committee text; "We will" is the reply.
    assert sections["Recommendation 5"].paragraphs[0].text.startswith("We recommend")
    assert sections["Recommendation 5 > Response"].paragraphs[0].text.startswith("We will review")


def test_pdf_chapter_heading_split_over_lines():
    from index.documents import Line

    lines = [Line(t, "7") for t in [
        "Chapter 1:", "A brief history of epidemics", "and pandemics",
        "1.1. Epidemics have occurred throughout recorded history.",
    ]]
    (section,) = parse_structure(lines)
    assert section.path_text == "Chapter 1: A brief history of epidemics and pandemics"


def test_government_voice_opens_a_response_only_in_response_documents():
    from index.documents import Line

    lines = [Line(t, "3") for t in [
        "Recommendation 2: Better data",
        "Each government should publish its data.",
        "The UK government has acknowledged the problem.",
    ]]
    assert [s.part for s in parse_structure(lines, is_response=False)] == ["recommendation"]
    assert [s.part for s in parse_structure(lines, is_response=True)] == ["recommendation", "response"]


def test_every_common_verdict_form_is_recognised():
    from index.documents import Line

    verdicts = {"Accept": "Accept", "Not accepted": "Not accepted", "Partially accept": "Partially accept",
                "Accept in principle": "Accept in principle", "Agreed": "Agreed", "Reject": "Reject",
                "Noted": "Noted", "Under consideration": "Under consideration", "Does not accept": "Does not accept"}
    for line, status in verdicts.items():
        lines = [Line("Recommendation 7", "2"), Line("Do the thing.", "2"), Line(f"Response: {line}", "2"),
                 Line("We have considered it.", "2")]
        response = parse_structure(lines)[-1]
        assert (response.part, response.response_status) == ("response", status), line


FOOTNOTED_HTML = """<html><head><title>Care reform response</title></head><body><main><div class="govspeak">
<h2>5. Options for reform</h2>
<p>In 2011, the Commission estimated that one in ten adults face lifetime costs of more than
£100,000<sup><a href="#fn:1" rel="footnote">[footnote 1]</a></sup> . That estimate is now one in seven.</p>
<h2>6. Raising revenue</h2>
<h3>Response</h3>
<p>6.7 This is a fair increase.</p>
<div class="footnotes" role="doc-endnotes"><ol>
<li id="fn:1" role="doc-endnote"><p><a href="https://example.org/report.pdf">The Report of the Commission on Funding of Care
and Support</a>, HMSO, page 12.<a href="#fnref:1" role="doc-backlink">↩</a></p></li>
</ol></div>
</div></main></body></html>"""


def test_html_footnotes_are_a_section_of_their_own_with_their_markers(tmp_path):
    # Left in the flow they were read as the end of "6. Raising revenue > Response" and
    # lost the number that ties them to the sentence citing them.
    path = tmp_path / "care.html"
    path.write_text(FOOTNOTED_HTML, encoding="utf-8")
    lines, _, _ = load_html(path)
    sections = {s.path_text: " ".join(p.text for p in s.paragraphs) for s in parse_structure(lines)}
    assert sections["Footnotes"] == "[footnote 1] The Report of the Commission on Funding of Care and Support, HMSO, page 12."
    assert "HMSO" not in sections["6. Raising revenue > Response"]
    assert "£100,000[footnote 1]" in sections["5. Options for reform"]


def test_a_footnote_is_one_sentence():
    text = ("6.7 This is a fair increase. It is progressive.\n[footnote 1] Parker, G., Dobson, M. and Lynn, T. (2021) "
            "Community involvement opportunities. Report. Henley Business School, University of Reading. pp61")
    assert split_sentences(text) == ["6.7 This is a fair increase.", "It is progressive.", text.split("\n")[1]]
