"""The app's view functions on the bundled corpus's real index: what the pages show,
escaped, with every citation's quote inside its passage."""
import json

import pytest

from assistant import Answer, Citation
from ui import views
from ui.access import Access, AccessError, hash_password, load_users, verify_password
from ui.feedback import record_feedback


def _sources(bundled, answer):
    passages = {c.chunk_id: bundled.passage(c.chunk_id) for c in answer.citations}
    return views.sources_html(answer, passages, {d["doc_id"]: d for d in bundled.documents()})


def test_answer_links_markers_and_sources_highlight_the_quote(bundled):
    answer = bundled.ask("Who chairs the Expert Group on Social Cohesion?")
    shown = views.answer_html(answer)
    assert 'class="ateb-answer"' in shown and 'href="#ateb-src-1"' in shown and "Gaynor Legall" in shown
    cards = _sources(bundled, answer)
    quote = answer.citations[0].quote
    assert f"<mark>{quote}</mark>" in cards
    assert 'id="ateb-src-1"' in cards and "page 4" in cards and "Recommendation 1 &gt; Response" in cards
    assert "government response" in cards  # the document's type, from its metadata
    markdown = views.answer_markdown(answer)
    assert markdown.startswith(answer.answer) and f"[1] {answer.citations[0].title}, page 4" in markdown


def test_abstention_looks_different(bundled):
    answer = bundled.ask("What is the population of Mars?")
    assert answer.abstained
    assert 'class="ateb-abstain"' in views.answer_html(answer)
    assert "No sources" in _sources(bundled, answer)


def test_document_text_cannot_inject_markup():
    hostile = "Chair: <script>alert(1)</script><img src=x onerror=alert(2)>"
    answer = Answer(question="q", answer=f"{hostile} [1]", abstained=False, citations=[Citation(
        n=1, doc_id="d", title="<b>T</b>", file="f.txt", page="1", section="<i>S</i>", quote=hostile,
        chunk_id="c", score=1.0)])
    shown = views.answer_html(answer) + views.sources_html(answer, {"c": {"text": f"Before. {hostile} After."}}, {})
    assert "<script>" not in shown and "<img" not in shown and "<b>T</b>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert views.page_html("<t>", "1", hostile).count("<script>") == 0


def test_commitments_rows_and_an_opened_record(bundled):
    records = bundled.commitments()
    rows = views.commitment_rows(records)
    assert [r[0] for r in rows] == ["Rec. 1", "Rec. 2", "Rec. 3", "Rec. 4"]
    assert all(">accepted</span>" in r[2] for r in rows)
    assert rows[1][1].startswith("“The Welsh Government must move forward")  # no title: the text's start
    opened = views.record_html(records[1])
    assert "Response: Accept" in opened and "Community Right to Buy" in opened
    assert "welsh-gov-response-social-cohesion-2025.txt, page 6" in opened


def test_documents_table_and_a_page(bundled):
    rows = views.document_rows(bundled.documents(), bundled.records)
    assert len(rows) == 1 and rows[0][0] == "welsh-gov-response-social-cohesion-2025" and rows[0][-1] == 4
    pages = dict(bundled.document_pages("welsh-gov-response-social-cohesion-2025"))
    assert list(pages) == sorted(pages, key=int) and "4" in pages
    # Overlapping chunks are shown once: the page reads each sentence a single time.
    sentence = "An Expert Group on Social Cohesion has been established, independently chaired by Gaynor Legall CBE."
    assert pages["4"].count(sentence) == 1
    assert "Gaynor Legall" in views.page_html("Welsh response", "4", pages["4"])


def test_passwords_are_hashed_and_checked():
    stored = hash_password("correct horse")
    assert "correct horse" not in stored and stored.startswith("scrypt$")
    assert verify_password("correct horse", stored) and not verify_password("wrong", stored)
    access = Access({"ann": load_users(env={"ATEB_UI_USERS": f"ann:{stored}:admin"})["ann"]})
    assert access.check("ann", "correct horse") and not access.check("ann", "nope") and not access.check("bob", "x")
    assert access.role("ann") == "admin" and access.role("bob") == ""
    assert Access({}).role(None) == "admin"  # no login configured: the local user runs it


def test_users_file_errors_name_the_file_and_field(tmp_path):
    users = tmp_path / "users.json"
    users.write_text(json.dumps({"users": [{"name": "ann", "password_hash": hash_password("x"), "role": "boss"}]}))
    with pytest.raises(AccessError, match="users.json.*role 'boss'"):
        load_users(users, env={})
    users.write_text(json.dumps({"users": [{"name": "ann"}]}))
    with pytest.raises(AccessError, match="password_hash"):
        load_users(users, env={})


def test_feedback_is_appended_as_jsonl(tmp_path):
    log = tmp_path / "data" / "feedback.jsonl"
    record_feedback(log, "Who chairs it?", "Gaynor Legall [1]", "up", user="ann")
    record_feedback(log, "Who chairs it?", "Gaynor Legall [1]", "down", comment=" wrong page ")
    lines = [json.loads(l) for l in log.read_text().splitlines()]
    assert [(l["rating"], l["comment"], l["user"]) for l in lines] == [("up", "", "ann"), ("down", "wrong page", None)]
    with pytest.raises(ValueError):
        record_feedback(log, "q", "a", "sideways")


def test_a_generative_answer_says_what_was_removed_and_why():
    from assistant.models import Generation, RemovedSentence

    answer = Answer(question="q", answer="The fund is £3m. [1]", abstained=False, generation=Generation(
        model="gguf:m.gguf", draft="…", kept=1, removed=[RemovedSentence(sentence="Chair: <b>Jane</b>", reason="not in [1]: Jane")]))
    shown = views.answer_html(answer)
    assert "Written by gguf:m.gguf; 1 sentence kept" in shown and "1 removed" in shown
    assert "“Chair: &lt;b&gt;Jane&lt;/b&gt;” — not in [1]: Jane" in shown and "<b>Jane</b>" not in shown
    answer.generation.fallback = "only 1 of 3 sentences were supported"
    assert "Quoted answer shown: only 1 of 3 sentences were supported." in views.answer_html(answer)
    assert "ateb-generation" not in views.answer_html(Answer(question="q", answer="a", abstained=False))
