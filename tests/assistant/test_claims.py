"""Taking a generated answer apart: sentences, their [n] markers, and the facts checked."""
from assistant.claims import Claim, missing_facts, money_amounts, names, numbers, split_claims


def test_markers_are_read_in_the_forms_models_write():
    claims = split_claims("The group met in May [1]. It has 12 members [2, 3]. "
                          "The chair is Ann Jones [Passage 4][1]. Funding is £2m [passage 2 and passage 5].")
    assert claims == [
        Claim("The group met in May.", (1,)),
        Claim("It has 12 members.", (2, 3)),
        Claim("The chair is Ann Jones.", (4, 1)),
        Claim("Funding is £2m.", (2, 5)),
    ]


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before():
    assert split_claims("It was accepted. [2] The plan follows in 2026. [1][3]") == [
        Claim("It was accepted.", (2,)), Claim("The plan follows in 2026.", (1, 3)),
    ]


def test_a_line_of_only_markers_cites_the_line_before():
    assert split_claims("The fund opens in April\n[3]") == [Claim("The fund opens in April", (3,))]


def test_unmarked_sentences_have_no_markers():
    assert split_claims("Nothing cited here. Nor here.") == [Claim("Nothing cited here.", ()), Claim("Nor here.", ())]


def test_numbers_money_and_number_words():
    assert numbers("It has 1,200 staff, three offices and a 2.5% rise in 2025-26.") >= {"1200", "3", "2.5", "2025"}
    assert money_amounts("A £2.5 million fund and £300,000 more, then £1bn.") == {("2.5", "m"), ("300000", ""), ("1", "bn")}


def test_names_skip_function_words_and_possessives():
    assert names("The Minister’s statement to the Senedd in October named Gaynor Legall CBE.") == [
        "Minister", "Senedd", "October", "Gaynor", "Legall", "CBE"]


def test_missing_facts_name_what_the_passage_lacks():
    passage = "An Expert Group, chaired by Gaynor Legall CBE, will meet until March 2026 and costs £40,000."
    assert missing_facts("Gaynor Legall chairs it until March 2026.", passage) == []
    assert missing_facts("Jane Smith chairs it until March 2027.", passage) == ["2027", "Jane", "Smith"]
    assert missing_facts("It costs £40,000.", passage) == []
    assert missing_facts("It costs £40 million.", passage) == ["£40m"]
    # A plural or possessive of a word in the passage is the same name.
    assert missing_facts("The Expert Groups meet.", passage) == []


def test_what_is_not_a_statement():
    from assistant.claims import not_a_statement

    assert not_a_statement("Until when has the funding been extended?") == "is a question, not a statement"
    assert not_a_statement("The funding covers the [n] years of the [n] years.") is not None
    assert not_a_statement("The cost is set to be covered by the") == "is cut off mid-sentence"
    assert not_a_statement("The cost is covered by existing budgets.") is None
    assert split_claims("The answer is: The fund is £3m [1].") == [Claim("The fund is £3m.", (1,))]


def test_paragraph_numbers_copied_from_a_passage_are_not_facts():
    assert split_claims("1.8 The government will cap costs at £86,000 [2]. 3. It starts in October [1].") == [
        Claim("The government will cap costs at £86,000.", (2,)), Claim("It starts in October.", (1,))]


def test_a_changed_bound_on_a_number_is_not_supported():
    assert missing_facts("The fatality ratio was 0.5%.", "It had a fatality ratio of between 0.5 and 1%.") == [
        "between 0.5 and …"]
    assert missing_facts("It caused over 22 million deaths.", "It caused approximately 22 million deaths.") == [
        "over 22"]
    assert missing_facts("It costs £1.63m a year.", "It costs approximately £1.63m a year.") == []
    assert missing_facts("It received more than 200 statements.", "It obtained over 200 statements.") == []
