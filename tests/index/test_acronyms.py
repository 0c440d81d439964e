"""Acronym definitions read from the documents, which expand questions and respell names."""
import pytest

from index.acronyms import find_acronyms


@pytest.mark.parametrize("text, short, long", [
    ("the national space strategy (nss) sets out", "nss", "national space strategy"),
    ("funded by the uk space agency (uksa) since 2010", "uksa", "uk space agency"),
    ("the role of the uk health security agency (ukhsa) in", "ukhsa", "uk health security agency"),
    ("commissioned by nhs england (nhse) last year", "nhse", "nhs england"),
    ("set up as special purpose vehicles (spvs) to", "spvs", "special purpose vehicles"),  # a plural
    ("the office for national statistics (ons) said", "ons", "office for national statistics"),
])
def test_a_definition_is_found_where_the_initials_or_a_leading_short_form_spell_it(text, short, long):
    assert find_acronyms([text])[short] == long


@pytest.mark.parametrize("text", [
    "funded by the agency (uksa) since 2010",  # too few words to spell it
    "the work of space agencies (uksa) in",  # "space" does not open it
    "as the committee said (see annex b)",
])
def test_brackets_that_the_words_before_them_do_not_spell_are_no_definition(text):
    assert find_acronyms([text]) == {}


def test_a_question_in_the_long_form_finds_the_passage_that_uses_the_short_one(small_corpus):
    assistant = small_corpus({"space.txt": (
        "Space policy\n\n"
        "Civil space programmes are led by the UK Space Agency (UKSA), an executive agency.\n\n"
        "Funding\n\n"
        "In 2024 UKSA had an annual budget of £650 million for its programmes.\n"
    )})
    assert assistant.store.acronyms["uksa"] == "uk space agency"
    answer = assistant.ask("What was the annual budget of the UK Space Agency in 2024?")
    assert "£650 million" in answer.answer


def test_a_spelling_with_every_word_initialled_is_preferred_wherever_it_comes():
    texts = ["the earth and space sustainability initiative (essi) was launched",
             "signed the earth space sustainability initiative (essi) charter"]
    assert find_acronyms(texts)["essi"] == "earth space sustainability initiative"
