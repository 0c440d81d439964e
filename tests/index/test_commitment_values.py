"""Money, dates and verdict words read from real sentences of the corpus documents."""
import pytest

from index.commitments.status import read_verdict, stated_status
from index.commitments.values import actor, deadline, is_promise, money


@pytest.mark.parametrize("text,expected", [
    ("announced a further £2.8 billion over the coming four years", [("£2.8 billion", 2.8e9)]),
    ("a £65m space domain awareness and command and control software system", [("£65m", 65e6)]),
    ("introducing a new £86,000 cap on personal care costs", [("£86,000", 86_000.0)]),
    ("The UK invested £1.7bn at the ESA Council of Ministers", [("£1.7bn", 1.7e9)]),
    ("is £1.63m per annum", [("£1.63m", 1.63e6)]),
    ("no money here, only 8% and 2026", []),
])
def test_money_is_read_in_pounds(text, expected):
    assert money(text) == expected


@pytest.mark.parametrize("text,iso", [
    ("The Expert Group will first meet in November and meet regularly until March 2026.", "2026-03"),
    ("merging UKSA into DSIT (completing on 1 April 2026)", "2026-04-01"),
    ("a publication planned for Spring 2026", "2026-03-01/2026-05-31"),
    ("In financial year 2025/26 the Government increased the budget", "2025-04-01/2026-03-31"),
    ("This should be put in place within 12 months of the publication of this Report.", "P12M"),
    ("with the mission targeted for launch by the end of 2028", "2028"),
])
def test_deadlines_are_normalised_to_iso(text, iso):
    found = deadline(text)
    assert found is not None and found[0] == iso
    assert found[1] in text  # the words it was read from are verbatim


def test_a_span_of_years_is_not_a_financial_year():
    assert deadline("between 2016-18 the programme ran") is None


def test_promises_and_their_actors():
    assert is_promise("DSIT will continue to work with MoD and other parts of Government.")
    assert actor("DSIT will continue to work with MoD.", "the Government") == "DSIT"
    assert actor("We will continue to work with our partners.", "the Welsh Government") == "the Welsh Government"
    assert not is_promise("The Committee will be aware of the consultation.")
    assert not is_promise("The UK Space Agency invests in the space cluster network.")


@pytest.mark.parametrize("sentence,status", [
    ("The Government does not accept the recommendation to extend the 30 month timeframe to produce new local plans.", "not_accepted"),
    ("The Government agrees with this recommendation.", "accepted"),
    ("The Government agrees with the recommendation of the Committee and will not be pursuing three area types.", "accepted"),
    ("The government agrees with the need for a greater Cabinet Office role for whole-system civil emergencies.", "accepted_in_principle"),
    ("The government warmly welcomes the principles outlined by the committee and are broadly supportive of the suggested reforms.",
     "accepted_in_principle"),
    ("The Government recognises the importance of promoting public awareness of space.", "noted"),
    ("The Government will consider this recommendation in its design of the new Unit.", "noted"),
    ("The Government is committed to driving growth and economic security through space.", "unclear"),
])
def test_verdict_from_the_replys_words(sentence, status):
    verdict = read_verdict([sentence])
    assert verdict.status == status
    assert (verdict.quote == sentence) if status != "unclear" else verdict.quote is None


@pytest.mark.parametrize("words,status", [
    ("Accept", "accepted"), ("Accept in part", "accepted_in_part"), ("Accepted in principle", "accepted_in_principle"),
    ("Not accepted", "not_accepted"), ("Reject", "not_accepted"), ("Noted", "noted"), ("TBC by CO / BIS", "unclear"), ("Government should", None),
])
def test_stated_verdicts(words, status):
    assert stated_status(words) == status
