"""The app in a real browser: Debian's Chromium driven by Playwright against the app
served on a free loopback port, over a real index of the bundled corpus plus a hostile
document. Screenshots of each tab go to var/test-artifacts/ui/ to be looked at."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eval.app_process import free_port

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (scripts/setup.sh --test installs it)")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "var" / "test-artifacts" / "ui"
# Chromium as the machine allows it: no sandbox as root, no background network calls.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = """Aberport harbour notice

The harbour master of Aberport is Ms Eira Jones <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">.

Ships must report to the harbour master of Aberport before docking.
"""


@pytest.fixture(scope="module")
def app_index(tmp_path_factory, embedder):
    from index import build_index

    corpus = tmp_path_factory.mktemp("ui") / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "aberport-notice.txt").write_text(HOSTILE)
    index_dir = corpus.parent / "index"
    build_index(corpus, index_dir, embedder=embedder)
    return index_dir


def _serve(index_dir, embedder, data_dir, users=None):
    from assistant import Assistant
    from ui.access import Access
    from ui.app import build_app, launch_options

    access = Access(users or {})
    app = build_app(Assistant.open(index_dir, embedder=embedder), access, data_dir)
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
               **launch_options(access, data_dir))
    return app, f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def open_app(app_index, embedder, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("ui-data")
    app, url = _serve(app_index, embedder, data_dir)
    yield url, data_dir
    app.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _ask(page, question: str) -> None:
    page.fill("#ateb-question textarea", question)
    page.keyboard.press("Enter")


def test_chat_answers_with_a_citation_that_can_be_clicked(open_app, page):
    url, data_dir = open_app
    page.goto(url)
    _ask(page, "Who chairs the Expert Group on Social Cohesion?")
    card = page.locator("#ateb-sources #ateb-src-1")
    card.wait_for(timeout=30_000)
    assert "Gaynor Legall" in page.locator("#ateb-chat").inner_text()
    assert "page 4" in card.inner_text()
    assert "Gaynor Legall" in card.locator("mark").inner_text()
    page.locator("#ateb-chat a.ateb-cite").first.click()
    assert "ateb-focus" in card.get_attribute("class")
    assert "[1]" in page.locator("#ateb-markdown textarea").input_value()
    page.click("#ateb-up")
    page.locator("#ateb-thanks").get_by_text("recorded").wait_for(timeout=10_000)
    assert '"rating": "up"' in (data_dir / "feedback.jsonl").read_text()
    # A follow-up keeps the conversation's subject: "it" is the Expert Group.
    _ask(page, "And when will it first meet?")
    page.locator("#ateb-chat").get_by_text("first meet in November").wait_for(timeout=30_000)
    _shot(page, "chat")


def test_the_generative_switch_says_what_verification_did(open_app, page):
    page.goto(open_app[0])
    page.locator("#ateb-mode").get_by_text("Written by a language model").click()
    _ask(page, "Who chairs the Expert Group on Social Cohesion?")
    note = page.locator("#ateb-chat .ateb-generation")
    note.wait_for(timeout=60_000)
    said = note.inner_text()
    assert "Written by gguf:SmolLM2" in said or "Quoted answer shown" in said, said
    page.locator("#ateb-sources #ateb-src-1 mark").wait_for(timeout=10_000)
    _shot(page, "chat-generative")


def test_follow_up_and_abstention(open_app, page):
    page.goto(open_app[0])
    _ask(page, "What is the population of Mars?")
    page.locator("#ateb-chat .ateb-abstain").wait_for(timeout=30_000)
    assert "No sources" in page.locator("#ateb-sources").inner_text()


def test_commitments_tab_lists_four_accepted_recommendations(open_app, page):
    page.goto(open_app[0])
    page.get_by_role("tab", name="Commitments").click()
    page.locator("#ateb-commitments .ateb-status:visible").first.wait_for(timeout=30_000)
    labels = page.locator("#ateb-commitments [role=gridcell] .ateb-status:visible").all_inner_texts()
    assert labels == ["accepted"] * 4
    page.locator("#ateb-commitments [data-testid=cell-1-1]").click()
    record = page.locator("#ateb-record")
    record.get_by_text("Community Right to Buy").first.wait_for(timeout=15_000)
    assert "Recommendation 2" in record.inner_text() and "Response: Accept" in record.inner_text()
    with page.expect_download() as download:
        page.click("#ateb-csv")
    assert download.value.suggested_filename.endswith(".csv")
    _shot(page, "commitments")


def test_documents_tab_shows_hostile_text_as_text(open_app, page):
    page.goto(open_app[0])
    page.on("dialog", lambda dialog: pytest.fail(f"a document opened a dialog: {dialog.message}"))
    _ask(page, "Who is the harbour master of Aberport?")
    page.locator("#ateb-sources .ateb-source").first.wait_for(timeout=30_000)
    assert "Eira Jones" in page.locator("#ateb-chat").inner_text()
    page.get_by_role("tab", name="Documents").click()
    page.locator("#ateb-doc-view input").click()
    page.get_by_role("option", name="Aberport").first.click()
    shown = page.locator("#ateb-page")
    shown.get_by_text("Eira Jones").first.wait_for(timeout=15_000)
    assert "<script>window.__pwned = 1</script>" in shown.inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#ateb-page script, #ateb-sources script, #ateb-page img").count() == 0
    _shot(page, "documents")


def test_no_file_outside_the_data_directory_is_served(open_app):
    """Every route that serves files, tried with ../ and absolute paths to the corpus, the
    source and the system; none may return their bytes."""
    import urllib.error
    import urllib.parse
    import urllib.request

    url, data_dir = open_app
    secrets = [ROOT / "pyproject.toml", ROOT / "corpus" / "manifest.json", Path("/etc/passwd")]
    tried = 0
    for secret in secrets:
        needle = secret.read_bytes()[:40]
        relative = os.path.relpath(secret, data_dir)
        for route in ("gradio_api/file=", "file=", "gradio_api/static/", "static/", "assets/", "gradio_api/upload/",
                      "gradio_api/file/", "favicon.ico/"):
            for path in (str(secret), relative, "../" * 8 + str(secret).lstrip("/"),
                         urllib.parse.quote(str(secret), safe=""), "..%2f" * 8 + str(secret).lstrip("/")):
                tried += 1
                try:
                    with urllib.request.urlopen(url + route + path, timeout=10) as response:
                        body = response.read()
                except urllib.error.HTTPError:
                    continue
                assert needle not in body, f"{route}{path} served {secret}"
    assert tried == 120


def test_concurrent_users_get_their_own_answers(open_app):
    """A short run of the load test (eval/load_test.py runs 20 users for 2 minutes)."""
    from eval.load_test import run_load

    figures = run_load(open_app[0], users=6, seconds=8)
    assert figures["requests"] >= 12 and figures["errors"] == 0, figures["first_errors"]


def test_api_endpoints_for_batch_users(open_app):
    from gradio_client import Client

    client = Client(open_app[0], verbose=False)
    answer = client.predict("Who chairs the Expert Group on Social Cohesion?", [], "", api_name="/ask")
    assert "Gaynor Legall" in answer["answer"] and answer["citations"][0]["page"] == "4"
    written = client.predict("Who chairs the Expert Group on Social Cohesion?", [], "", "generative", api_name="/ask")
    assert written["generation"]["model"].startswith("gguf:SmolLM2") and written["generation"]["draft"]
    assert written["citations"] and all(c["quote"] for c in written["citations"])
    records = client.predict("welsh-gov-response-social-cohesion-2025", "accepted", api_name="/commitments")
    assert [r["number"] for r in records] == ["1", "2", "3", "4"]


def test_upload_indexes_a_document_and_rejects_a_fake(open_app, page, tmp_path):
    page.goto(open_app[0])
    page.get_by_role("tab", name="Documents").click()
    notice = tmp_path / "ferry-notice.txt"
    notice.write_text("Ferry notice\n\nThe Aberport ferry runs every Tuesday at 9am from Pier 4.\n")
    fake = tmp_path / "report.pdf"
    fake.write_bytes(bytes(range(256)) * 4)  # named like a PDF, but not one
    page.locator("#ateb-upload input[type=file]").set_input_files([str(notice), str(fake)])
    page.click("#ateb-add")
    report = page.locator("#ateb-upload-report")
    report.get_by_text("Indexed").wait_for(timeout=120_000)
    text = report.inner_text()
    assert "ferry-notice.txt: stored as upload-" in text and "report.pdf: rejected" in text
    assert "Ferry notice" in page.locator("#ateb-documents").inner_text()
    _shot(page, "documents-upload")
    page.get_by_role("tab", name="Chat").click()
    _ask(page, "When does the Aberport ferry run?")
    page.locator("#ateb-sources .ateb-source").first.wait_for(timeout=30_000)
    assert "Tuesday" in page.locator("#ateb-chat").inner_text()


def test_login_required_when_users_are_configured(app_index, embedder, tmp_path, page):
    from ui.access import User, hash_password

    users = {"ann": User("ann", hash_password("harbour-lights"), "admin"),
             "bob": User("bob", hash_password("reader-pass"), "reader")}
    app, url = _serve(app_index, embedder, tmp_path, users)
    try:
        page.goto(url)
        page.get_by_role("button", name="Login").wait_for(timeout=30_000)
        assert page.locator("#ateb-question").count() == 0
        page.get_by_label("username").fill("ann")
        page.get_by_label("password").fill("wrong")
        page.get_by_role("button", name="Login").click()
        page.get_by_text("Incorrect", exact=False).first.wait_for(timeout=10_000)
        page.get_by_label("username").fill("ann")
        page.get_by_label("password").fill("harbour-lights")
        page.get_by_role("button", name="Login").click()
        page.locator("#ateb-question textarea").wait_for(timeout=30_000)
        page.get_by_role("tab", name="Documents").click()
        page.locator("#ateb-upload").wait_for(timeout=15_000)  # ann is an administrator
        _shot(page, "login-then-documents")
    finally:
        app.close()


def test_a_reader_cannot_add_documents(app_index, embedder, tmp_path, page):
    from ui.access import User, hash_password

    app, url = _serve(app_index, embedder, tmp_path, {"bob": User("bob", hash_password("reader-pass"), "reader")})
    try:
        page.goto(url)
        page.get_by_label("username").fill("bob")
        page.get_by_label("password").fill("reader-pass")
        page.get_by_role("button", name="Login").click()
        page.locator("#ateb-question textarea").wait_for(timeout=30_000)
        page.get_by_role("tab", name="Documents").click()
        page.locator("#ateb-documents").wait_for(timeout=15_000)
        assert not page.locator("#ateb-upload").is_visible()
    finally:
        app.close()
