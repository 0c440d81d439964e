"""Hypothesis against the structure parser and the chunker: random text, random headings
and unicode never crash them, every word of the prose reaches a chunk (a heading with
nothing under it may vanish: there is nothing to cite), and every sentence span lies
inside its chunk's text with a page."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunking import chunk_document, page_at
from index.documents import LoadedDocument, Line
from index.sentences import sentence_spans
from index.structure import parse_structure

HEADINGS = st.sampled_from([
    "Recommendation {n}", "Recommendation {n}: {w}", "Conclusion {n}", "Comment {n} and {m}",
    "Summary of comments {n}-{m}", "Response: Accept", "Response: Accept in part", "Government response",
    "Financial Implications", "Chapter {n}: {w}", "Annex B – {w}", "{n}.{m} {w}", "{n}. {w}", "Response: TBC",
])
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)
PROSE = st.sampled_from([
    "The Government agrees with this recommendation.", "We will publish the plan by March 2026.",
    "The committee should act now.", "• a bullet point", "", "   ", "Detail:", "£1.5m per annum; see p. 4.",
])


@st.composite
def documents(draw):
    lines = []
    page = 1
    for _ in range(draw(st.integers(1, 40))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            n, m = draw(st.integers(0, 120)), draw(st.integers(0, 120))
            text = draw(HEADINGS).format(n=n, m=m, w=draw(WORDS))
        elif kind == 1:
            text = draw(PROSE)
        else:
            text = draw(WORDS) + "."  # a sentence, never a title
        page += draw(st.integers(0, 1))
        level = draw(st.sampled_from([None, None, None, 2, 3])) if kind == 0 else None
        lines.append((Line(text=text, page=str(page), heading_level=level, block_end=draw(st.booleans()),
                           quoted=draw(st.booleans())), kind != 0))
    return lines


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold())}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=documents(), is_response=st.booleans())
def test_structure_and_chunks_hold_on_random_documents(lines, is_response, embedder):
    prose = [line for line, is_prose in lines if is_prose]
    lines = [line for line, _ in lines]
    sections = parse_structure(lines, is_response=is_response)
    doc = LoadedDocument(doc_id="fuzz", file="fuzz.txt", content_hash="0", lines=lines, page_count=99,
                         metadata={"title": "Fuzz"})
    nodes = chunk_document(doc, sections, embedder.count_tokens, 60, 10, embedder.max_tokens)
    covered = set()
    for section in sections:
        covered |= _words(section.path_text)
    for node in nodes:
        covered |= _words(node.text)
        for start, end in sentence_spans(node.text):
            assert 0 <= start < end <= len(node.text)
            assert node.text[start:end].strip() == node.text[start:end]
            page_at(node.metadata, start)  # every offset has a page
    for line in prose:
        missing = _words(line.text) - covered
        assert not missing, (line.text, missing)
