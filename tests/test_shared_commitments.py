"""Commitments over ../shared/corpus (skipped where it is absent). Counts and statuses
were checked by reading each response; the quoted words are the document's own."""
import pytest

from assistant.commitments import stored_records
from index import StoredIndex

pytestmark = pytest.mark.shared_corpus

COUNTS = {
    "welsh-gov-response-social-cohesion-2025": 4,
    "govresp-covid-inquiry-module1-cp1240-2025": 10,
    "govresp-planning-system-cp673-2022": 26,
    "govresp-social-care-funding-cp608-2022": 25,  # Comments 1-25, several answered together
    "govresp-space-economy-cp1478-2026": 40,
    "govresp-shakespeare-review-psi-2013": 9,  # Annex C table, verdicts in a column beside each row
}
# (doc, number): (status, words the status quote must contain)
STATUSES = {
    ("govresp-planning-system-cp673-2022", "2"): ("accepted", "agrees with the recommendation of the Committee"),
    ("govresp-planning-system-cp673-2022", "4"): ("not_accepted", "does not accept the recommendation to extend the 30 month"),
    ("govresp-planning-system-cp673-2022", "5"): ("accepted", "agrees with these recommendations"),
    ("govresp-planning-system-cp673-2022", "6"): ("accepted", "The Government agrees with this recommendation."),
    ("govresp-planning-system-cp673-2022", "1"): ("accepted_in_principle", "agrees with the Committee’s view"),
    ("govresp-planning-system-cp673-2022", "3"): ("accepted_in_principle", "agrees with the Committee that the relationship"),
    ("govresp-planning-system-cp673-2022", "7"): ("accepted_in_principle", "Duty to Cooperate should not be abolished"),
    ("govresp-planning-system-cp673-2022", "10"): ("noted", "recognises the critical role that local councillors"),
    ("govresp-planning-system-cp673-2022", "22"): ("accepted_in_principle", "agrees that design in the planning system"),
    ("govresp-planning-system-cp673-2022", "26"): ("accepted_in_principle", "impact of development on the natural environment"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "1"): ("accepted_in_principle", "agrees that clear governance is needed"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "2"): ("accepted_in_principle", "greater Cabinet Office role"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "3"): ("accepted_in_principle", "continually improve its approach to risk assessment"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "4"): ("accepted_in_principle", "agrees with the Inquiry’s insights"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "5"): ("accepted_in_principle", "data and research are crucial"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "6"): ("accepted_in_principle", "regularly programmed exercises"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "7"): ("accepted_in_principle", "publish findings and lessons"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "8"): ("accepted_in_principle", "importance of transparency"),
    ("govresp-covid-inquiry-module1-cp1240-2025", "9"): ("unclear", None),
    ("govresp-covid-inquiry-module1-cp1240-2025", "10"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "1"): ("noted", "welcomes these comments by the committee"),
    ("govresp-social-care-funding-cp608-2022", "6"): ("noted", "welcomes these comments by the committee"),
    ("govresp-social-care-funding-cp608-2022", "11"): ("accepted_in_principle", "broadly supportive of the suggested reforms"),
    ("govresp-social-care-funding-cp608-2022", "17"): ("accepted_in_principle", "broadly supportive of the suggested reforms"),
    ("govresp-social-care-funding-cp608-2022", "7"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "8"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "9"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "18"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "21"): ("unclear", None),
    ("govresp-social-care-funding-cp608-2022", "25"): ("unclear", None),
    ("govresp-space-economy-cp1478-2026", "2"): ("accepted_in_principle", "agrees with the committee on the importance of using space"),
    ("govresp-space-economy-cp1478-2026", "6"): ("noted", "recognises the importance of promoting public awareness"),
    ("govresp-space-economy-cp1478-2026", "9"): ("noted", "supporting breakthrough innovation"),
    ("govresp-space-economy-cp1478-2026", "12"): ("noted", "PNT is critical"),
    ("govresp-space-economy-cp1478-2026", "23"): ("noted", "will consider this recommendation in its design of the new Unit"),
    ("govresp-space-economy-cp1478-2026", "26"): ("noted", "space sector skills and workforce"),
    ("govresp-space-economy-cp1478-2026", "1"): ("unclear", None),
    ("govresp-space-economy-cp1478-2026", "3"): ("unclear", None),
    ("govresp-space-economy-cp1478-2026", "13"): ("unclear", None),
    ("govresp-space-economy-cp1478-2026", "40"): ("unclear", None),
    # Every row of the Shakespeare table: the verdict cell is the quote ("TBC": no verdict yet).
    ("govresp-shakespeare-review-psi-2013", "1"): ("unclear", "TBC by CO / BIS"),
    ("govresp-shakespeare-review-psi-2013", "2"): ("accepted", "Accept"),
    ("govresp-shakespeare-review-psi-2013", "3"): ("accepted_in_part", "Accept in part"),
    ("govresp-shakespeare-review-psi-2013", "4"): ("accepted_in_part", "Accept in part"),
    ("govresp-shakespeare-review-psi-2013", "5"): ("accepted_in_part", "Accept in part"),
    ("govresp-shakespeare-review-psi-2013", "6"): ("accepted", "Accept"),
    ("govresp-shakespeare-review-psi-2013", "7"): ("accepted_in_part", "Accept in part"),
    ("govresp-shakespeare-review-psi-2013", "8"): ("accepted", "Accept"),
    ("govresp-shakespeare-review-psi-2013", "9"): ("unclear", "TBC"),
}


@pytest.fixture(scope="module")
def records(shared_index):
    return stored_records(StoredIndex.open(shared_index))


def test_record_counts_per_response(records):
    counts = {}
    for record in records:
        counts[record.doc_id] = counts.get(record.doc_id, 0) + 1
    for doc, expected in COUNTS.items():
        assert counts.get(doc) == expected, (doc, counts.get(doc))


@pytest.mark.parametrize("key", list(STATUSES), ids=[f"{d.split('-')[1]}-{n}" for d, n in STATUSES])
def test_status_with_its_words(records, key):
    record = next(r for r in records if (r.doc_id, r.number) == key)
    status, words = STATUSES[key]
    assert record.status == status
    if words is None:
        assert record.status_quote is None and record.status_basis == "none"
    else:
        assert words in record.status_quote


def test_space_recommendations_are_read_in_page_order(records):
    """The PDF prints each committee box after its reply in the content stream."""
    space = {r.number: r for r in records if r.doc_id == "govresp-space-economy-cp1478-2026"}
    assert space["5"].recommendation_text.startswith("The portfolio of the Minister currently responsible for space is too broad")
    assert space["5"].response_text.startswith("We are committed to ensuring delivery")
    assert space["10"].response_text.startswith("The National Space Operations Centre (NSpOC) was launched in May 2024")


def test_pairs_with_the_committee_reports(records):
    covid = [r for r in records if r.doc_id == "govresp-covid-inquiry-module1-cp1240-2025"]
    assert all(r.committee_doc_id == "covid-inquiry-module1-report-hc18-2024" for r in covid)
    space = [r for r in records if r.doc_id == "govresp-space-economy-cp1478-2026"]
    assert sum(r.committee_doc_id == "hl-space-economy-report-hl190-2025" for r in space) >= 30
    three = next(r for r in space if r.number == "3")
    assert three.committee_evidence.page == "24" and "Rather than producing a new strategy" in three.committee_text


def test_money_in_commitments(records):
    esa = next(r for r in records if (r.doc_id, r.number) == ("govresp-space-economy-cp1478-2026", "37"))
    vigil = next(c for c in esa.commitments if "Vigil" in c.text)
    assert vigil.amounts == [131e6] and vigil.amount_texts == ["£131 million"] and vigil.evidence.page == "28"


def test_every_quote_is_in_its_chunk(shared_index, records):
    store = StoredIndex.open(shared_index)
    missing = []
    for record in records:
        for evidence in record.evidence():
            node = store.node_by_id(evidence.chunk_id) if evidence.chunk_id else None
            if node is None or evidence.quote not in node.text:
                missing.append((record.doc_id, record.number, evidence.quote[:60]))
    assert not missing, missing[:5]
