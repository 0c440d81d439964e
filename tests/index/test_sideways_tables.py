"""A table set sideways over quarter-turned pages, one named row after another: each
row's cells are read under the row's name, so a figure deep in a row answers a question
that names the row, and evidence references no longer split its sentences."""
import pytest
from pdf_writer import write_placed_pdf
from pypdf import PdfReader

from assistant import Assistant
from index import build_index
from index.load_pdf import load_pdf
from index.pdf_grid_tables import ROW_LEVEL, read_sideways_tables

COLUMNS = [(54, "Overview"), (300, "Key objectives and participants"), (560, "Key findings")]


def _header(down: float = 67) -> list[tuple]:
    return [(down, across, label) for across, label in COLUMNS]


def _row(top: float, name: str, when: str, where: str, kind: str, ref: str, aims: list[str], finding: tuple[str, str]):
    items = [(top, 56, name, "bold"), (top + 11, 56, when, "bold"), (top + 22, 56, where, "bold"),
             (top + 44, 56, kind, "bold"), (top + 66, 56, ref)]
    for i, line in enumerate(aims):
        items.append((top + 11 * i, 302, line))
    last = top + 11 * (len(aims) - 1)
    # "… fire service (INQ000100001_0002 )." as the PDF draws it: the reference in its own run
    items += [(last, 380, "("), (last, 383, f"{ref}_0002"), (last, 470, " ).")]
    items += [(top, 562, finding[0], "bold"), (top + 11, 562, f"\u2022 {finding[1]}")]
    return items


PAGES = [
    [(41, 26, "7"), (50, 51, "Table 3: Flood exercises"), *_header(),
     *_row(86, "Exercise Alder", "March 2012", "Wales", "Live exercise run by the Environment Agency", "INQ000100001",
           ["To test flood warnings for river towns.", "Exercise Alder ran over two days and", "tested sirens, text alerts and",
            "door-to-door warnings in six towns.", "Over 300 people took part from", "councils and the fire service"],
           ("Warnings", "Sirens failed in two towns")),
     *_row(230, "Exercise Birch", "June 2015", "England", "Table top exercise by the Cabinet Office", "INQ000100002",
           ["To rehearse coastal evacuation plans", "for a storm surge on the east coast.", "The exercise was held in one day",
            "at the Cabinet Office briefing rooms.", "About 40 officials took part from", "central government"],
           ("Evacuation", "Transport arrangements were unclear"))],
    [(41, 26, "8"), *_header(),
     *_row(86, "Exercise Cedar", "May 2018", "Scotland", "Live exercise by the Scottish Government", "INQ000100003",
           ["To test reservoir failure plans and", "the evacuation of two valley towns.", "Exercise Cedar was run in three",
            "stages over a week of field drills.", "Some 1,200 people took part from", "local resilience partnerships"],
           ("Communication", "Public alerts reached most homes"))],
]


@pytest.fixture(scope="module")
def sideways_pdf(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("sideways") / "corpus"
    corpus.mkdir()
    return write_placed_pdf(corpus / "floods-report.pdf", PAGES, size=(595, 842), rotate=90)


def test_each_row_is_headed_by_its_name_date_and_place(sideways_pdf):
    lines, _, _ = load_pdf(sideways_pdf)
    rows = [line.text for line in lines if line.heading_level == ROW_LEVEL]
    assert rows == ["Exercise Alder March 2012 Wales", "Exercise Birch June 2015 England", "Exercise Cedar May 2018 Scotland"]
    text = " ".join(line.text for line in lines)
    assert "INQ0001" not in text  # references are dropped, with the brackets they leave
    assert "councils and the fire service." in text  # ... and the full stop they held kept
    assert "Table 3: Flood exercises" in text
    assert "Key objectives and participants" in text


def test_an_upright_or_lone_turned_page_is_not_read_as_a_sideways_table(sideways_pdf, tmp_path):
    upright = write_placed_pdf(tmp_path / "upright.pdf", PAGES, size=(595, 842))
    assert read_sideways_tables(PdfReader(upright).pages) == {}
    lone = write_placed_pdf(tmp_path / "lone.pdf", PAGES[:1], size=(595, 842), rotate=90)
    assert read_sideways_tables(PdfReader(lone).pages) == {}
    assert sorted(read_sideways_tables(PdfReader(sideways_pdf).pages)) == [0, 1]


@pytest.fixture(scope="module")
def floods(sideways_pdf, embedder):
    index = sideways_pdf.parent.parent / "index"
    build_index(sideways_pdf.parent, index, embedder=embedder)
    return Assistant.open(index, embedder=embedder)


@pytest.mark.parametrize("question, figure, row", [
    ("How many people took part in Exercise Alder?", "Over 300 people", "Exercise Alder"),
    ("How many officials took part in Exercise Birch?", "About 40 officials", "Exercise Birch"),
    ("Roughly how many people took part in the 2018 exercise in Scotland?", "1,200 people", "Exercise Cedar"),
])
def test_a_figure_in_a_row_answers_a_question_that_names_the_row(floods, question, figure, row):
    answer = floods.ask(question)
    assert not answer.abstained, question
    assert figure in answer.answer
    assert "Key objectives and participants" not in answer.answer  # a column's header answers nothing
    cited = next(c for c in answer.citations if figure in c.quote)
    assert cited.section.split(" > ")[-1].startswith(row)
    assert cited.page in {"1", "2"}
