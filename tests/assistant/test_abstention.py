"""When a found passage does not answer: figures it lacks, another nation."""
import pytest

from assistant.abstention import about_another_nation, figures_missing


@pytest.mark.parametrize("question, text, missing", [
    ("How much will the agency's budget be in 2030/31?", "The budget rises to £500m in 2029/30.", True),
    ("According to CP 673, how many homes were delivered?", "Over 242,000 homes were delivered.", False),
    ("Under the Outer Space Act 1986, who licenses launches?", "The regulator licenses launches.", False),
    ("Per the 2013 government response, when is data released?", "Data is released by the end of 2015.", False),
    ("What share of the 1.25% rise do higher earners pay?", "They pay 70 per cent of the 1.25 per cent rise.", False),
])
def test_a_figure_the_question_asks_about_must_be_in_the_passage(question, text, missing):
    assert figures_missing(question, {None}, text, {}) is missing


@pytest.mark.parametrize("question, sentence, other", [
    ("How many people does the space sector in Wales employ?", "It employs 55,000, above the UK average.", True),
    ("When did Northern Ireland run Exercise Silver Swan?", "It was delivered across Scotland in 2016.", True),
    ("How much seed capital will the freeport in Wales get?", "The UK Government will provide £25 million.", False),
    ("How many people work in the sector?", "It employs 55,000 people across the UK.", False),
])
def test_a_passage_about_another_nation_does_not_answer(question, sentence, other):
    assert about_another_nation(question, sentence) is other


@pytest.mark.parametrize("passage, other", [
    ("Government response on The Future of the Planning System in England. We intend to increase fees.", True),
    ("Planning in England and Wales. We intend to increase fees.", False),
    ("We intend to increase planning fees.", False),
])
def test_a_sentence_naming_no_nation_takes_its_passages(passage, other):
    question = "What increases in planning fees does CP 673 set out for Wales?"
    sentence = "We intend to increase planning fees for major applications by 35%."
    assert about_another_nation(question, sentence, passage) is other
