import json

import numpy as np
from llama_index.core.schema import NodeWithScore, TextNode

from assistant.question import named_phrases, read_question
from assistant.retrieval import reciprocal_rank_fusion


def test_retriever_is_a_llama_index_retriever(bundled):
    results = bundled.retriever.retrieve("Who chairs the Expert Group on Social Cohesion?")
    assert results and all(isinstance(r, NodeWithScore) and isinstance(r.node, TextNode) for r in results)
    top = results[0].node
    assert "Gaynor Legall" in top.get_content()
    assert top.metadata["section"] == "Recommendations > Recommendation 1 > Response"
    assert top.metadata["page"] == "4"


def test_named_recommendation_ranks_its_response_first(bundled):
    hits = bundled.retriever.search("Was recommendation 3 accepted?", k=3)
    assert hits[0].node.metadata["recommendation"] == "3"
    assert hits[0].node.metadata["part"] == "response"


def test_a_verdict_question_reads_the_rest_of_the_reply(bundled):
    """The best passage is the recommendation; every chunk of the government's reply to
    it is read too, though retrieval ranked none of them."""
    question = "What did the Welsh Government decide about the call to establish an Expert Group on Social Cohesion?"
    vector = bundled.embedder.encode([question])[0]
    hits = bundled.retriever.search(question, k=1, query_vector=vector)
    assert hits[0].node.metadata["recommendation"] == "1"
    reply = bundled.retriever.reply_block(question, vector, hits)
    assert reply and {h.node.metadata["recommendation"] for h in reply} == {"1"}
    assert {h.node.metadata["part"] for h in reply} == {"response"} and hits[0].row not in {h.row for h in reply}
    assert any("Gaynor Legall" in h.node.text for h in reply)
    # what became of what the committee asked for is asked the same way
    question = "Has the Welsh Government set up the Expert Group on Social Cohesion the committee asked for?"
    reply = bundled.retriever.reply_block(question, bundled.embedder.encode([question])[0], hits)
    assert any("Gaynor Legall" in h.node.text for h in reply)
    # not a question about what was done with a recommendation
    question = "Who chairs the Expert Group on Social Cohesion?"
    assert bundled.retriever.reply_block(question, bundled.embedder.encode([question])[0], hits) == []


def test_a_paper_named_by_its_reference_is_searched_first(small_corpus):
    manifest = {"documents": [
        {"file": "report.txt", "title": "The Space Economy", "doc_type": "committee report", "reference": "HL Paper 190"},
        {"file": "response.txt", "title": "Government response", "doc_type": "government response",
         "reference": "CP 1478; ISBN 978-1-5286-6176-8"},
    ]}
    assistant = small_corpus({
        "manifest.json": json.dumps(manifest),
        "report.txt": "Chapter 3\n\nThe UK Space Agency has committed £19.6 million to education, outreach and "
                      "workforce projects since 2022.\n",
        "response.txt": "Recommendation 6\n\nThe UK Space Agency has spent £7.3 million on its education and "
                        "workforce programme since 2022.\n",
    })
    question = "How much has the UK Space Agency put into education and workforce projects since 2022, per {}?"
    for reference, file in (("CP 1478", "response.txt"), ("CP1478", "response.txt"), ("HL Paper 190", "report.txt"),
                            ("HL 190", "report.txt")):
        assert assistant.retriever.search(question.format(reference), k=1)[0].node.metadata["file"] == file, reference
    assert assistant.retriever.documents_named("What did CP 147 say?") == set()


def test_a_paper_named_by_its_reference_is_answered_from_that_paper_or_its_responses(small_corpus):
    manifest = {"documents": [
        {"file": "report.txt", "title": "The Space Economy: Act Now or Lose Out (HL Paper 190)",
         "doc_type": "committee report", "reference": "HL Paper 190"},
        {"file": "space.txt", "title": "Government response to the Lords report: 'The Space Economy: Act Now or Lose Out'",
         "doc_type": "government response", "reference": "CP 1478"},
        {"file": "planning.txt", "title": "Government response on the future of the planning system",
         "doc_type": "government response", "reference": "CP 673"},
    ]}
    assistant = small_corpus({
        "manifest.json": json.dumps(manifest),
        "report.txt": "Recommendation 23\n\nThe new regulatory team should prioritise the time and cost of licensing.\n",
        "space.txt": "Recommendation 23\n\nThe new regulatory team should prioritise the time and cost of licensing.\n\n"
                     "Response\n\nThe Government will consider this recommendation in its design of the new Unit.\n",
        "planning.txt": "Recommendation 23\n\nThe Government should review the Green Belt.\n\n"
                        "Response: Rejected\n\nThe Government has no plans for a national review of the Green Belt.\n",
    })
    answer = assistant.ask("How did the government respond in CP 1478 to Recommendation 23 on the new regulatory team?")
    assert "consider this recommendation" in answer.answer
    assert {c.file for c in answer.citations} == {"space.txt"}
    assert assistant.retriever.allowed_documents(None, "According to HL Paper 190, what should the team do?") == {
        "report", "space"}
    assert assistant.retriever.allowed_documents(None, "What did CP 673 say?") == {"planning"}
    assert assistant.retriever.allowed_documents(None, "What should the regulatory team prioritise?") is None


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]], k=60)
    assert max(fused, key=fused.get) == 1
    assert fused[3] > fused[2] and fused[4] < fused[3]


def test_question_references():
    facts = read_question("Did the government accept Recommendation 12?")
    assert (facts.item_kind, facts.item_number, facts.asks_verdict) == ("recommendation", "12", True)
    assert read_question("What does paragraph 4.2 say?").paragraph == "4.2"
    facts = read_question("Why isn't the government doing what the Inquiry's fourth recommendation proposed?")
    assert (facts.item_kind, facts.item_number) == ("recommendation", "4")
    assert read_question("Responding to the committee's first conclusion, what did it say?").item_number == "1"
    assert read_question("How much will it cost?").item_number is None


def test_acronyms_defined_in_the_documents_expand_the_question(small_corpus):
    assistant = small_corpus({"data.txt": (
        "Open data review\n\n"
        "The review covered Public Sector Information (PSI) held by departments and agencies.\n\n"
        "Licensing\n\n"
        "Agencies will publish their datasets under the open licence from next April.\n\n"
        "Economic value\n\n"
        "New research puts the broader value of PSI to the economy at £6.8bn a year.\n"
    )})
    assert assistant.store.acronyms["psi"] == "public sector information"
    assert "psi" in assistant.retriever.expand_acronyms("What is public sector information worth?")
    answer = assistant.ask("How much is public sector information worth to the economy?")
    assert "£6.8bn" in answer.answer


def test_chunks_are_found_by_their_best_sentence(bundled):
    store = bundled.store
    query = bundled.embedder.encode(["When will the Expert Group first meet?"])[0]
    ranked = store.sentence_search(query, 5)
    rows = [r for r, _ in ranked]
    assert len(rows) == len(set(rows)) == 5, "one entry a chunk, best sentence first"
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    assert "first meet in November" in store.nodes(rows[:1])[0].text
    # A filter keeps every other chunk out, even the best one.
    others = np.array([r for r in range(store.size) if r != rows[0]], dtype=np.int64)
    assert rows[0] not in [r for r, _ in store.sentence_search(query, 5, others)]


def test_a_sentence_is_also_ranked_with_the_one_before_it(bundled):
    """A chunk scores at least as well as any of its sentences read together with the
    sentence before it (the pair's mean vector against the query)."""
    store = bundled.store
    query = bundled.embedder.encode(["When did the committee publish its report on social cohesion?"])[0]
    ranked = dict(store.sentence_search(query, store.size))
    spans, vectors = store.sentence_spans, store.sentence_vectors
    for i in range(1, len(spans)):
        if spans[i, 0] == spans[i - 1, 0]:
            pair = vectors[i] + vectors[i - 1]
            assert ranked[int(spans[i, 0])] >= float(pair @ query) / float(np.linalg.norm(pair)) - 1e-5


def test_the_chunk_the_answer_quotes_is_listed_first(bundled):
    # Fusion ranks the report's summary above the passage that counts its conclusions;
    # the sentence stage lists the chunk holding the answer first.
    answer = bundled.ask("How many conclusions did the committee's report reach?")
    assert "four conclusions" in answer.answer
    assert answer.retrieved[0].chunk_id == answer.citations[0].chunk_id
    assert "four conclusions" in answer.retrieved[0].text
    assert answer.timings_ms.rerank > 0


def test_a_name_is_found_under_the_spelling_the_documents_define_elsewhere(small_corpus):
    # Only the definition holds both spellings; the passages that answer use one each.
    assistant = small_corpus({
        "centre.txt": "The centre\n\nThe Space Data Centre (SDC) holds records of every UK launch.\n",
        "archive.txt": "Archive\n\nThe Space Data Centre Archive has catalogued 317 satellites.\n",
        "portal.txt": "Portal\n\nThe SDC Portal trained 40 engineers in orbital servicing.\n",
    })
    answer = assistant.ask("How many satellites has the SDC Archive catalogued?")
    assert not answer.abstained and "317" in answer.answer
    answer = assistant.ask("How many engineers did the Space Data Centre Portal train?")
    assert not answer.abstained and "40 engineers" in answer.answer
    assert "do not mention" in assistant.ask("What did the SDC Incubator fund?").answer


def test_a_name_with_a_footnote_mark_glued_on_is_still_written(small_corpus):
    # PDF extraction glues a footnote's number to the word before it: "Standards3"
    assistant = small_corpus({"response.txt": (
        "Skills\n\n"
        "A refreshed suite of National Occupational Standards3 due by April 2025, led by the UK Resilience "
        "Academy, will set out requirements for emergencies training.\n\n"
        "Notes\n\n"
        "3 Skills for Justice, 2024.\n"
    )})
    answer = assistant.ask("By when is the refreshed suite of National Occupational Standards due?")
    assert not answer.abstained and "April 2025" in answer.answer
    assert "do not mention" in assistant.ask("By when are the National Occupational Frameworks due?").answer
    assert assistant.store.lexical.rows_with_all("National Occupational Standards").tolist() == [
        r for r, n in assistant.store.nodes_of_document("response") if "Standards3" in n.text]


def test_names_in_a_question():
    # the apostrophes of "What's ... Group's" quote nothing; a quoted name keeps no quote mark
    assert named_phrases("What's the estimated cost of implementing the Expert Group's recommendations?") == ["Expert Group"]
    assert named_phrases("Will the government publish data under the label 'National Core Reference Data'?") == [
        "National Core Reference Data"]
    # a common word opening the question is capitalised by its place, not by a name
    assert named_phrases("At the Harwell roundtable, how much investment came from abroad?") == []
    assert named_phrases("Whose Administrative Data Taskforce report is BIS answering?") == [
        "Administrative Data Taskforce", "BIS"]


def test_whose_opens_a_question_and_is_no_part_of_the_name_after_it(small_corpus):
    assistant = small_corpus({"response.txt": (
        "Capability outside government\n\n"
        "Work is underway in BIS on the linking of government-held administrative data in response to "
        "Alan Langlands’ Administrative Data Taskforce report.\n"
    )})
    answer = assistant.ask("Whose Administrative Data Taskforce report is BIS responding to?")
    assert not answer.abstained and "Alan Langlands" in answer.answer


def test_a_question_about_a_thing_the_documents_never_name_is_not_answered(small_corpus):
    assistant = small_corpus({"planning.txt": (
        "Planning reform\n\n"
        "The UK Space Agency (UKSA) Accelerator has supported 317 UK space businesses since 2021. "
        "Professor Sir Christopher Whitty, the Chief Medical Officer, described an 80/20 rule for expert advisory groups. "
        "The Committee recommended a review of the Structures and Buildings Allowance to support regeneration.\n"
    )})
    answer = assistant.ask("What did the Raynsford Review recommend on planning reform?")
    assert answer.abstained and not answer.citations
    assert "do not mention" in answer.answer and "Raynsford Review" in answer.answer
    # the same thing under a spelling the documents define, a person by surname, a name
    # followed by a place
    assert not assistant.ask("How many space businesses has the UKSA Accelerator supported?").abstained
    assert not assistant.ask("What rule did Chris Whitty describe for expert advisory groups?").abstained
    # a person named with a post the documents do not give them in those words
    assert not assistant.ask("What rule did Chief Medical Officer Sir Chris Whitty describe for advisory groups?").abstained
    assert not assistant.ask("What would a review of the Structures and Buildings Allowance in Teesside support?").abstained


def test_a_report_of_another_module_of_the_series_is_not_answered_from_this_one(small_corpus):
    manifest = {"documents": [
        {"file": "module1.txt", "title": "UK Covid-19 Inquiry Module 1: The resilience and preparedness of the United Kingdom",
         "doc_type": "inquiry report"},
    ]}
    assistant = small_corpus({
        "manifest.json": json.dumps(manifest),
        "module1.txt": "Chapter 4\n\nThe Inquiry accepts that the imposition of a lockdown (the features and consequences "
                       "of which are being addressed in detail in Module 2) should be a measure of last resort.\n",
    })
    answer = assistant.ask("What did the Covid-19 Inquiry's Module 2 report recommend about how lockdown decisions should be taken?")
    assert answer.abstained and "Module 2" in answer.answer, answer.answer
    answer = assistant.ask("What did the Module 1 report say about imposing a lockdown?")
    assert not answer.abstained and "last resort" in answer.answer, answer.answer


def test_a_report_of_a_committee_no_document_is_from_or_replies_to_is_not_answered(small_corpus):
    manifest = {"documents": [
        {"file": "reply.txt", "title": "Government response to the House of Lords Economic Affairs Committee's report on "
                                       "social care funding", "publisher": "Department of Health and Social Care",
         "doc_type": "government response"},
    ]}
    assistant = small_corpus({
        "manifest.json": json.dumps(manifest),
        "reply.txt": "Workforce\n\n4.8 The government recognises the vital importance of recruiting people into the adult "
                     "social care workforce to ensure its sustainability. The Economic Affairs Committee's report asked "
                     "for a workforce plan and the government will publish one in 2026.\n",
    })
    answer = assistant.ask("What did the Government say in reply to the Health and Social Care Committee's 2022 report on "
                           "workforce recruitment?")
    assert answer.abstained and "Health and Social Care Committee" in answer.answer, answer.answer
    answer = assistant.ask("What did the Government say in reply to the Lords Economic Affairs Committee's report on "
                           "the care workforce?")
    assert not answer.abstained, answer.answer
