"""Known answers from the bundled Welsh Government response, checked by reading it."""
import pytest

RESPONSE = "Recommendations > Recommendation {} > Response"
MONEY = "Recommendations > Recommendation {} > Financial Implications"

KNOWN = [
    # (question, text the answer must contain, page, section)
    ("Who chairs the Expert Group on Social Cohesion?", "Gaynor Legall", "4", RESPONSE.format(1)),
    ("How much does the Community Cohesion Programme cost a year?", "£1.63m per annum", "4", MONEY.format(1)),
    ("Did the Welsh Government accept recommendation 2?", "Response: Accept", "6", RESPONSE.format(2)),
    ("When will the Expert Group first meet?", "first meet in November", "4", RESPONSE.format(1)),
    ("How much funding does the Democratic Engagement Grant provide?", "£400,000 a year", "10", "Conclusions"),
    ("What is Healing the Divide?", "project in Llanelli", "9", RESPONSE.format(4)),
    ("What are the financial implications of recommendation 2?", "No financial implications.", "6", MONEY.format(2)),
    ("When did the Innovating Democracy Advisory Group first meet?", "met for the first time in May", "10", "Conclusions"),
    ("What is the Welsh Government's fact check blog called?", "For the Record", "7", RESPONSE.format(3)),
    # a name, in a sentence sharing most of the question's words, a little under the floor
    ("What was the oral statement on hate called?", "Hate Hurts Wales", "3", "Introduction"),
    ("Can the Welsh Government regulate harmful content online?", "does not have the powers to regulate harmful content online", "7", RESPONSE.format(3)),
    ("How many depolarisation projects have been funded?", "two depolarisation projects", "9", RESPONSE.format(4)),
    ("Which organisation will support the Expert Group with evidence?", "Wales Centre for Public Policy", "4", RESPONSE.format(1)),
    # "On conclusion 1 we recognise …": a conclusion spoken of, not set out under its own heading
    ("Responding to the committee's first conclusion, what does the Welsh Government say should happen to the "
     "UK Government's financial assistance powers?", "should be abolished", "10", "Conclusions"),
]

NOT_COVERED = [
    "What is the population of Cardiff?",
    "How many hospital beds are there in Wales?",
    "What is the capital of France?",
    "What did the Welsh Government say about high-speed rail?",
    "What will the Community Cohesion Programme cost in 2031-32?",  # the year is nowhere in the text
]


@pytest.mark.parametrize("question,expected,page,section", KNOWN)
def test_known_answer_with_exact_citation(bundled, question, expected, page, section):
    answer = bundled.ask(question)
    assert not answer.abstained, answer.answer
    assert expected in answer.answer
    assert len(answer.answer.split()) <= 70
    citing = [c for c in answer.citations if expected in c.quote]
    assert citing, f"no citation quotes {expected!r}: {answer.citations}"
    assert citing[0].page == page
    assert citing[0].section == section
    chunk_text = {r.chunk_id: r.text for r in answer.retrieved}
    for citation in answer.citations:
        assert citation.quote in chunk_text[citation.chunk_id]
        assert f"[{citation.n}]" in answer.answer


@pytest.mark.parametrize("question", NOT_COVERED)
def test_abstains_when_the_documents_do_not_say(bundled, question):
    answer = bundled.ask(question)
    assert answer.abstained
    assert answer.citations == []
    assert "do not" in answer.answer


def test_false_premise_gets_the_sentence_that_corrects_it(bundled):
    answer = bundled.ask("What was decided at the first meeting of the Inter-Ministerial Group?")
    assert "has not yet taken place" in answer.answer


def test_filters_restrict_documents(bundled):
    from assistant import Filters

    assert bundled.ask("Who chairs the Expert Group?", filters=Filters(doc_type="committee report")).abstained
    kept = bundled.ask("Who chairs the Expert Group?", filters=Filters(publisher="Welsh Government", date_from="2025"))
    assert "Gaynor Legall" in kept.answer
    assert bundled.ask("Who chairs the Expert Group?", filters=Filters(date_to="2024-12")).abstained


def test_retrieved_lists_k_chunks_best_first(bundled):
    answer = bundled.ask("What is the Community Cohesion Programme?", k=5)
    assert len(answer.retrieved) == 5
    scores = [r.score for r in answer.retrieved]
    assert scores == sorted(scores, reverse=True)


def test_no_answer_to_the_bundled_question_set_runs_past_the_word_limit(bundled):
    """Every answer, however many sentences it joins (a verdict and its reply, a sentence
    and the one that names who), keeps within answer_max_words."""
    import json
    from pathlib import Path

    from eval.metrics import answer_words

    limit = bundled.settings.answer_max_words
    questions = [json.loads(line)["question"] for line in
                 (Path(__file__).parents[2] / "eval" / "sets" / "bundled.jsonl").read_text().splitlines() if line.strip()]
    over = {q: n for q in questions if (n := answer_words(bundled.ask(q).answer)) > limit}
    assert over == {}


def test_the_others_besides_the_chair_are_not_answered_by_the_chair_alone(bundled):
    # "An Expert Group on Social Cohesion has been established, independently chaired by
    # Gaynor Legall CBE." names the one person the question sets aside
    answer = bundled.ask("Who else sits on the Expert Group on Social Cohesion besides the chair?")
    assert answer.abstained, answer.answer
    answer = bundled.ask("Who chairs the Expert Group on Social Cohesion?")
    assert not answer.abstained and "Gaynor Legall" in answer.answer, answer.answer


def test_a_reply_asked_on_a_topic_the_documents_never_write_of_is_not_in_them(bundled):
    # no chunk of the response uses "school"
    answer = bundled.ask("What is the Welsh Government's response on Welsh-medium school places?")
    assert answer.abstained, answer.answer
    answer = bundled.ask("What is the Welsh Government's response on misinformation?")
    assert not answer.abstained, answer.answer
