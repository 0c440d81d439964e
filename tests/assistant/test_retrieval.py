from llama_index.core.schema import NodeWithScore, TextNode

from assistant.question import read_question
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


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]], k=60)
    assert max(fused, key=fused.get) == 1
    assert fused[3] > fused[2] and fused[4] < fused[3]


def test_question_references():
    facts = read_question("Did the government accept Recommendation 12?")
    assert (facts.item_kind, facts.item_number, facts.asks_verdict) == ("recommendation", "12", True)
    assert read_question("What does paragraph 4.2 say?").paragraph == "4.2"
    assert read_question("How much will it cost?").item_number is None
