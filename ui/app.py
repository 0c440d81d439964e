"""The Gradio app: Chat, Commitments and Documents tabs over one `Assistant`, plus the
named API endpoints `/ask` and `/commitments`. No retrieval or answering here: every
answer, record and passage comes from `assistant/`."""
from __future__ import annotations

import html
import os
import re
import threading
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # offline: no usage pings

import gradio as gr  # noqa: E402 - after the analytics switch

from assistant import Assistant, Filters  # noqa: E402
from assistant.commitment_export import to_csv, write_xlsx  # noqa: E402
from assistant.commitments import STATUS_LABELS  # noqa: E402
from ui import views  # noqa: E402
from ui.access import Access  # noqa: E402
from ui.feedback import record_feedback  # noqa: E402
from ui.upload import MAX_BYTES, UploadRejected, store_upload  # noqa: E402
from index import DocumentError, build_index  # noqa: E402

ANY = "(any)"
EXAMPLES = [
    "Who chairs the Expert Group on Social Cohesion?",
    "Did the Welsh Government accept recommendation 2?",
    "How much does the Community Cohesion Programme cost?",
    "Which recommendations were accepted?",
]
CSS = """
.ateb-answer a.ateb-cite, .ateb-abstain a.ateb-cite { font-weight: 600; text-decoration: none; cursor: pointer; }
.ateb-abstain { border-left: 4px solid #b3261e; background: #fdecea; padding: 6px 10px; color: #5c1a15; }
.ateb-source { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; }
.ateb-source.ateb-focus { border-color: #0969da; box-shadow: 0 0 0 2px #0969da55; }
.ateb-meta { color: #57606a; font-size: 0.85em; }
.ateb-muted { color: #6e7781; }
.ateb-generation { font-size: 0.85em; margin-top: 4px; }
.ateb-passage { margin: 6px 0 0 0; padding: 4px 8px; border-left: 3px solid #d0d7de; font-size: 0.9em; white-space: pre-wrap; }
.ateb-passage mark { background: #fff3b0; padding: 0 1px; }
.ateb-status { color: #fff; border-radius: 10px; padding: 1px 8px; font-size: 0.85em; white-space: nowrap; }
.ateb-pair { display: flex; gap: 12px; }
.ateb-side { flex: 1; min-width: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; margin-bottom: 8px; }
.ateb-text { white-space: pre-wrap; font-size: 0.92em; }
.ateb-page p { white-space: pre-wrap; }
"""
# A citation marker scrolls its source card into view and outlines it.
HEAD = """<script>
document.addEventListener('click', function (event) {
  const link = event.target.closest('a.ateb-cite');
  if (!link) return;
  event.preventDefault();
  const card = document.getElementById(link.getAttribute('href').slice(1));
  if (!card) return;
  document.querySelectorAll('.ateb-source.ateb-focus').forEach(el => el.classList.remove('ateb-focus'));
  card.classList.add('ateb-focus');
  card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
}, true);
</script>"""


# The chat's answer modes: label shown -> Assistant.ask(mode=...).
MODES = {"Quoted from the documents": "extractive",
         "Written by a language model, every sentence checked against its source": "generative"}


def _choice(value: str | None) -> str | None:
    return None if value in (None, "", ANY) else value


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text)[:80] or "all"


class _Live:
    """The assistant the app answers with; replaced whole once an upload is indexed, so a
    question is answered by one consistent index from start to end."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.building = threading.Lock()  # one build of the index at a time

    @property
    def documents(self) -> dict[str, dict]:
        return {d["doc_id"]: d for d in self.assistant.documents()}

    def responses(self) -> list[tuple[str, str]]:
        return sorted({(r.doc_title, r.doc_id) for r in self.assistant.records})

    def options(self, field: str) -> list[str]:
        return [ANY] + sorted({str(d.get(field)) for d in self.documents.values() if d.get(field)})


def build_app(assistant: Assistant, access: Access | None = None, data_dir: Path | None = None) -> gr.Blocks:
    access = access or Access({})
    data_dir = Path(data_dir or assistant.settings.data_dir)
    exports = data_dir / "exports"
    feedback_log = data_dir / "feedback.jsonl"
    live = _Live(assistant)
    documents = live.documents
    responses = live.responses()
    options = live.options

    # ---- chat -------------------------------------------------------------------------
    def on_ask(question, chat, turns, doc_type, publisher, document, date_from, date_to, mode):  # noqa: ANN001, ANN202
        question = (question or "").strip()
        if not question:
            return chat, turns, gr.skip(), gr.skip(), ""
        filters = Filters(doc_type=_choice(doc_type), publisher=_choice(publisher), document=_choice(document),
                          date_from=(date_from or "").strip() or None, date_to=(date_to or "").strip() or None)
        current = live.assistant
        answer = current.ask(question, filters=filters, history=[{"question": t["question"]} for t in turns],
                             mode=mode if mode in MODES.values() else None)
        passages = {c.chunk_id: current.passage(c.chunk_id) or {} for c in answer.citations}
        chat = [*chat, {"role": "user", "content": html.escape(question)},
                {"role": "assistant", "content": views.answer_html(answer)}]
        turns = [*turns, {"question": question, "answer": answer.answer}]
        return chat, turns, views.sources_html(answer, passages, live.documents), views.answer_markdown(answer), ""

    def rate(rating: str):  # noqa: ANN202
        def handler(turns, comment, request: gr.Request):  # noqa: ANN001, ANN202
            if not turns:
                return gr.skip(), "Ask a question first."
            last = turns[-1]
            record_feedback(feedback_log, last["question"], last["answer"], rating, comment or "",
                            getattr(request, "username", None))
            return "", f"Thanks: feedback ({'helpful' if rating == 'up' else 'not helpful'}) recorded."
        return handler

    def liked(turns, data: gr.LikeData, request: gr.Request):  # noqa: ANN001, ANN202
        turn = data.index // 2 if isinstance(data.index, int) else (data.index[0] // 2 if data.index else 0)
        if 0 <= turn < len(turns):
            record_feedback(feedback_log, turns[turn]["question"], turns[turn]["answer"],
                            "up" if data.liked else "down", "", getattr(request, "username", None))

    # ---- commitments ------------------------------------------------------------------
    def show_commitments(doc, status):  # noqa: ANN001, ANN202
        records = live.assistant.commitments(doc=_choice(doc), status=_choice(status))
        exports.mkdir(parents=True, exist_ok=True)
        stem = exports / f"commitments-{_safe_name(_choice(doc) or 'all')}-{_safe_name(_choice(status) or 'all')}"
        csv_path = stem.with_suffix(".csv")
        csv_path.write_text(to_csv(records), encoding="utf-8")
        xlsx_path = stem.with_suffix(".xlsx")
        write_xlsx(records, xlsx_path)
        keys = [(r.doc_id, r.kind, r.number) for r in records]
        summary = f"{len(records)} record{'s' if len(records) != 1 else ''}"
        return views.commitment_rows(records), keys, summary, str(csv_path), str(xlsx_path), ""

    def open_record(keys, event: gr.SelectData):  # noqa: ANN001, ANN202
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        if row is None or not 0 <= row < len(keys):
            return ""
        doc_id, kind, number = keys[row]
        record = next(r for r in live.assistant.records if (r.doc_id, r.kind, r.number) == (doc_id, kind, number))
        return views.record_html(record)

    # ---- documents --------------------------------------------------------------------
    def pages_of(doc_id):  # noqa: ANN001, ANN202
        pages = [p for p, _ in live.assistant.document_pages(doc_id)] if doc_id else []
        return gr.update(choices=pages, value=pages[0] if pages else None)

    def show_page(doc_id, page):  # noqa: ANN001, ANN202
        if not doc_id:
            return ""
        text = next((t for p, t in live.assistant.document_pages(doc_id) if p == page), "")
        return views.page_html(live.documents.get(doc_id, {}).get("title", doc_id), page or "", text)

    def can_upload(request: gr.Request):  # noqa: ANN202
        return gr.update(visible=access.role(getattr(request, "username", None)) == "admin")

    def upload(files, request: gr.Request, progress=gr.Progress(track_tqdm=True)):  # noqa: ANN001, ANN202, B008
        if access.role(getattr(request, "username", None)) != "admin":
            return ("Only an administrator can add documents.",) + (gr.skip(),) * 4
        current = live.assistant
        corpus_dir = Path(current.store.manifest.get("corpus_dir") or current.settings.corpus_dir)
        notes, stored = [], 0
        with live.building:
            for path in files or []:
                name = Path(path).name
                try:
                    kept = store_upload(Path(path).read_bytes(), corpus_dir)
                    stored += 1
                    notes.append(f"- {html.escape(name)}: stored as {kept.name}")
                except UploadRejected as exc:
                    notes.append(f"- {html.escape(name)}: rejected, {exc}")
            if stored:
                settings = current.settings
                try:
                    report = build_index(corpus_dir, current.store.path, settings.chunk_tokens,
                                         settings.chunk_overlap_tokens, embedder=current.embedder, progress=True)
                except DocumentError as exc:  # e.g. a command-line build holds the index
                    notes.append(f"\nNot indexed yet: {html.escape(str(exc))}")
                    report = None
            if stored and report is not None:
                live.assistant = Assistant.open(current.store.path, settings=current.settings, embedder=current.embedder)
                notes.append(f"\nIndexed: {report.documents} documents, {report.chunks} chunks "
                             f"({report.embedded_documents} new or changed) in {report.seconds:.1f} s.")
                notes += [f"- skipped {html.escape(f)}: {html.escape(why)}" for f, why in report.skipped]
        docs = live.documents
        return ("\n".join(notes) or "No file given.",
                views.document_rows(list(docs.values()), live.assistant.records),
                gr.update(choices=[(d.get("title", k), k) for k, d in docs.items()]),
                gr.update(choices=[ANY] + sorted(docs)),
                gr.update(choices=[(t, d) for t, d in live.responses()] + [("All responses", ANY)]))

    # ---- API for batch users ----------------------------------------------------------
    def api_ask(question: str, history: list[str] | None = None, document: str = "", mode: str = "") -> dict:
        """Ask one question; `history` holds earlier questions of the conversation; `mode`
        is "extractive" or "generative" ("" for the app's default)."""
        filters = Filters(document=document or None)
        answer = live.assistant.ask(question, filters=filters, history=[{"question": q} for q in history or []],
                                    mode=mode if mode in MODES.values() else None)
        return answer.model_dump()

    def api_commitments(doc: str = "", status: str = "") -> list[dict]:
        """Commitments records (as `ateb commitments --format json`), filtered."""
        return [r.to_dict() for r in live.assistant.commitments(doc=doc or None, status=status or None)]

    with gr.Blocks(title="Ateb", analytics_enabled=False) as app:
        gr.Markdown("## Ateb — answers from government documents, every claim with its source")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                turns = gr.State([])
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Conversation", height=440, elem_id="ateb-chat",
                                             layout="panel", buttons=["copy"])
                        question = gr.Textbox(label="Question", placeholder="Ask about the documents…",
                                              elem_id="ateb-question", submit_btn="Ask")
                        gr.Examples(EXAMPLES, inputs=question, label="Examples")
                        with gr.Accordion("Filters", open=False):
                            with gr.Row():
                                doc_type = gr.Dropdown(options("doc_type"), value=ANY, label="Document type")
                                publisher = gr.Dropdown(options("publisher"), value=ANY, label="Publisher")
                            document = gr.Dropdown([ANY] + sorted(documents), value=ANY, label="Document")
                            with gr.Row():
                                date_from = gr.Textbox(label="From (YYYY, YYYY-MM, YYYY-MM-DD)")
                                date_to = gr.Textbox(label="To")
                        mode = gr.Radio(list(MODES.items()), value=assistant.settings.mode, label="Answers",
                                        elem_id="ateb-mode")
                        markdown = gr.Textbox(label="Last answer as Markdown (with its sources)", lines=3,
                                              interactive=False, buttons=["copy"], elem_id="ateb-markdown")
                        with gr.Row():
                            comment = gr.Textbox(label="Feedback on the last answer (optional)", scale=4)
                            thumbs_up = gr.Button("Helpful", scale=1, elem_id="ateb-up")
                            thumbs_down = gr.Button("Not helpful", scale=1, elem_id="ateb-down")
                        thanks = gr.Markdown(elem_id="ateb-thanks")
                    with gr.Column(scale=2):
                        gr.Markdown("### Sources")
                        sources = gr.HTML(elem_id="ateb-sources")
                ask_inputs = [question, chatbot, turns, doc_type, publisher, document, date_from, date_to, mode]
                ask_outputs = [chatbot, turns, sources, markdown, question]
                question.submit(on_ask, ask_inputs, ask_outputs, api_visibility="private")
                thumbs_up.click(rate("up"), [turns, comment], [comment, thanks], api_visibility="private")
                thumbs_down.click(rate("down"), [turns, comment], [comment, thanks], api_visibility="private")
                chatbot.like(liked, [turns], None, api_visibility="private")

            with gr.Tab("Commitments", id="commitments"):
                with gr.Row():
                    doc_pick = gr.Dropdown([(t, d) for t, d in responses] + [("All responses", ANY)],
                                           value=responses[0][1] if responses else ANY, label="Government response", scale=3)
                    status_pick = gr.Dropdown([("all", ANY)] + [(label, key) for key, label in STATUS_LABELS.items()],
                                              value=ANY, label="Status", scale=1)
                count = gr.Markdown()
                table = gr.Dataframe(headers=views.COMMITMENT_HEADERS,
                                     datatype=["str", "str", "html", "str", "str", "str", "str"],
                                     interactive=False, wrap=True, elem_id="ateb-commitments", max_height=640,
                                     column_widths=["7%", "16%", "11%", "34%", "10%", "10%", "12%"])
                with gr.Row():
                    csv_button = gr.DownloadButton("Download CSV", elem_id="ateb-csv")
                    xlsx_button = gr.DownloadButton("Download XLSX", elem_id="ateb-xlsx")
                gr.Markdown("Select a row to read the recommendation and the response side by side.")
                detail = gr.HTML(elem_id="ateb-record")
                shown = gr.State([])
                pick_outputs = [table, shown, count, csv_button, xlsx_button, detail]
                doc_pick.change(show_commitments, [doc_pick, status_pick], pick_outputs, api_visibility="private")
                status_pick.change(show_commitments, [doc_pick, status_pick], pick_outputs, api_visibility="private")
                table.select(open_record, [shown], [detail], api_visibility="private")
                app.load(show_commitments, [doc_pick, status_pick], pick_outputs, api_visibility="private")

            with gr.Tab("Documents", id="documents"):
                doc_table = gr.Dataframe(value=views.document_rows(list(documents.values()), assistant.records),
                             headers=views.DOCUMENT_HEADERS, interactive=False, wrap=True, elem_id="ateb-documents",
                             column_widths=["19%", "33%", "11%", "15%", "7%", "5%", "5%", "5%"])
                with gr.Row():
                    doc_view = gr.Dropdown([(d.get("title", k), k) for k, d in documents.items()],
                                           value=next(iter(documents), None), label="Document", scale=3,
                                           elem_id="ateb-doc-view")
                    page_view = gr.Dropdown([], label="Page", scale=1, elem_id="ateb-page-view")
                page_text = gr.HTML(elem_id="ateb-page")
                doc_view.change(pages_of, [doc_view], [page_view], api_visibility="private")
                page_view.change(show_page, [doc_view, page_view], [page_text], api_visibility="private")
                app.load(pages_of, [doc_view], [page_view], api_visibility="private")
                with gr.Group(visible=False) as upload_box:
                    gr.Markdown("### Add documents (administrators)\nPDF, HTML or text, up to 25 MB each; "
                                "the type is read from the content, not the name.")
                    files = gr.File(file_count="multiple", file_types=[".pdf", ".html", ".htm", ".txt", ".md"],
                                    label="Documents to add", elem_id="ateb-upload")
                    add = gr.Button("Add and index", variant="primary", elem_id="ateb-add")
                    upload_report = gr.Markdown(elem_id="ateb-upload-report")
                add.click(upload, [files], [upload_report, doc_table, doc_view, document, doc_pick],
                          api_visibility="private")
                app.load(can_upload, None, [upload_box], api_visibility="private")

        gr.api(api_ask, api_name="ask")
        gr.api(api_commitments, api_name="commitments")
    return app


def launch_options(access: Access, data_dir: Path) -> dict:
    """What `launch()` needs besides host and port: login, styling, file access."""
    return {
        "auth": access.check if access.required else None,
        "auth_message": "Ateb: sign in with your user name and password." if access.required else None,
        "css": CSS, "head": HEAD,
        "theme": gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"]),
        "allowed_paths": [str(Path(data_dir) / "exports")],
        "max_file_size": MAX_BYTES,
        "footer_links": ["api"],
    }
