from assistant.conversation import contextual_question, is_follow_up

HISTORY = [{"question": "Who chairs the Expert Group on Social Cohesion?"}]


def test_follow_ups_carry_the_previous_subject():
    assert is_follow_up("And what will it cost?")
    assert is_follow_up("When will it first meet?")
    assert "Expert Group on Social Cohesion" in contextual_question("When will it first meet?", HISTORY)


def test_self_contained_questions_are_left_alone():
    question = "How much does the Community Cohesion Programme cost?"
    assert not is_follow_up(question)
    assert contextual_question(question, HISTORY) == question
    assert contextual_question("When will it first meet?", []) == "When will it first meet?"


def test_a_chain_of_follow_ups_keeps_the_first_subject():
    history = HISTORY + [{"question": "When will it first meet?"}]
    assert "Expert Group on Social Cohesion" in contextual_question("And how long will it meet for?", history)


def test_follow_up_is_answered_from_the_conversation(bundled):
    with_history = bundled.ask("What is its chair's name?", history=HISTORY)
    assert "Gaynor Legall" in with_history.answer
    assert "Gaynor Legall" not in bundled.ask("What is its chair's name?").answer
