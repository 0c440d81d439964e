"""The `ateb` command: build, ask, docs, commitments, ui, eval.

Stages are imported inside each command so `ateb --help` is instant and a command
loads only what it needs.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ateb.settings import Settings, load_settings


# `ateb build` exit status when the index was built but some documents were not in it.
SKIPPED_EXIT = 3


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        corpus_dir=getattr(args, "corpus", None),
        index_dir=getattr(args, "index", None),
        mode=getattr(args, "mode", None),
    )


def _fail(message: str, code: int = 2) -> int:
    print(f"ateb: {message}", file=sys.stderr)
    return code


def cmd_build(args: argparse.Namespace) -> int:
    from index import DocumentError, Embedder, build_index

    settings = _settings(args)
    print(f"Indexing {settings.corpus_dir} into {settings.index_dir}", file=sys.stderr)
    try:
        report = build_index(
            settings.corpus_dir, settings.index_dir, settings.chunk_tokens,
            settings.chunk_overlap_tokens, embedder=Embedder(batch_size=settings.embed_batch_size),
            progress=not args.quiet, ivf_from=settings.ivf_from,
        )
    except DocumentError as exc:
        return _fail(str(exc))
    print(
        f"Indexed {report.documents} documents, {report.pages} pages, {report.chunks} chunks "
        f"in {report.seconds:.1f} s (embedded {report.embedded_documents} new or changed documents, "
        f"{report.embedded_chunks} chunks; reused {report.reused_documents})."
    )
    for file in report.removed_documents:
        print(f"Removed: {file} (no longer in the corpus)")
    for file, reason in report.skipped:
        print(f"Skipped: {file}: {reason}")
    return SKIPPED_EXIT if report.skipped else 0


def _filters(args: argparse.Namespace):
    from assistant import Filters

    return Filters(
        doc_type=args.doc_type, publisher=args.publisher, document=args.document,
        date_from=args.date_from, date_to=args.date_to,
    )


def _open_assistant(args: argparse.Namespace):
    """(assistant, error). In generative mode the language model is loaded here too, so
    a misconfigured model is reported once, before any question."""
    from assistant import Assistant
    from assistant.llm import LLMUnavailable
    from index import IndexUnavailable

    try:
        assistant = Assistant.open(settings=_settings(args))
        if assistant.settings.mode == "generative":
            assistant.llm  # noqa: B018
        return assistant, None
    except (IndexUnavailable, LLMUnavailable) as exc:
        return None, str(exc)


def _batch_items(stream: TextIO) -> Iterator[tuple[dict, str | None]]:
    """(item, error) per non-empty line: JSONL objects with a `question`, or plain text."""
    for number, line in enumerate(stream, start=1):
        text = line.strip()
        if not text:
            continue
        if text.startswith("{"):
            try:
                item = json.loads(text)
            except json.JSONDecodeError as exc:
                yield {"question": ""}, f"line {number}: not valid JSON ({exc.msg})"
                continue
            if not isinstance(item.get("question"), str):
                yield item, f"line {number}: the object has no string 'question' field"
                continue
            yield item, None
        else:
            yield {"question": text}, None


def _render(answer) -> str:
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("Sources:")
        for c in answer.citations:
            lines.append(f"  [{c.n}] {c.title}, page {c.page}, {c.section or '(no section)'}")
            lines.append(f"      \u201c{c.quote}\u201d")
    return "\n".join(lines)


def _read_history(path: Path) -> list[dict]:
    """Earlier turns: a JSON list, or JSON lines, of objects with a `question` (an
    `answer` may be there too and is ignored), oldest first."""
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        return []
    turns = json.loads(text) if text.startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
    if not all(isinstance(t, dict) and isinstance(t.get("question"), str) for t in turns):
        raise ValueError("every turn needs a string 'question' field")
    return turns


def cmd_ask(args: argparse.Namespace) -> int:
    history = None
    if args.history:
        try:
            history = _read_history(args.history)
        except (OSError, ValueError) as exc:
            return _fail(f"--history {args.history}: {exc}")
    assistant, error = _open_assistant(args)
    if error:
        return _fail(error)
    filters = _filters(args)
    if args.batch:
        stream = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")
        with stream:
            for item, problem in _batch_items(stream):
                if problem:
                    print(f"ateb: {problem}", file=sys.stderr)
                    out = {"question": item.get("question", ""), "answer": "", "abstained": True,
                           "citations": [], "retrieved": [], "error": problem}
                else:
                    out = assistant.ask_record(item, k=args.k, filters=filters, history=item.get("history") or history)
                print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    question = " ".join(args.question).strip()
    if not question:
        return _fail("ask needs a question (or --batch FILE)")
    answer = assistant.ask(question, k=args.k, filters=filters, history=history)
    print(json.dumps(answer.model_dump(), ensure_ascii=False) if args.json else _render(answer))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from index import IndexUnavailable, StoredIndex

    settings = _settings(args)
    try:
        store = StoredIndex.open(settings.index_dir)
        if args.verify:
            from index.store import verify_checksums

            verify_checksums(settings.index_dir, store.manifest, full=True)
            print(f"Index {settings.index_dir}: every file matches its checksum", file=sys.stderr)
    except IndexUnavailable as exc:
        return _fail(str(exc))
    if args.json:
        print(json.dumps(store.documents, ensure_ascii=False, indent=1))
        return 0
    built = store.manifest
    print(f"Index {settings.index_dir}: {len(store.documents)} documents, {store.size} chunks, "
          f"model {built['model']['name']}, built {built.get('built_at')}")
    for d in store.documents:
        inferred = " (metadata inferred)" if d.get("metadata_inferred") else ""
        print(f"- {d['file']}{inferred}\n    {d.get('title')}\n    {d.get('doc_type') or '?'} · "
              f"{d.get('publisher') or '?'} · {d.get('date') or '?'} · {d.get('pages')} pages · {d.get('chunks')} chunks")
    return 0


def cmd_commitments(args: argparse.Namespace) -> int:
    from assistant.commitment_export import to_csv, to_json, to_markdown, to_table, write_xlsx
    from assistant.commitments import select, stored_records
    from index import IndexUnavailable, StoredIndex

    settings = _settings(args)
    try:
        store = StoredIndex.open(settings.index_dir)
        records = select(stored_records(store), doc=args.doc, status=args.status, due_by=args.due_by)
    except (IndexUnavailable, ValueError) as exc:
        return _fail(str(exc))
    if args.format == "xlsx":
        out = args.out or Path("commitments.xlsx")
        write_xlsx(records, out)
        print(f"{len(records)} records written to {out}", file=sys.stderr)
        return 0
    render = {"table": to_table, "md": to_markdown, "csv": to_csv, "json": to_json}[args.format]
    text = render(records)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(records)} records written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from index import IndexUnavailable
    from ui import serve
    from ui.access import AccessError

    overrides = {"host": args.host, "port": args.port, "users_file": args.users, "data_dir": args.data_dir}
    settings = load_settings(index_dir=args.index, **overrides)
    if args.share:
        print("ateb: --share publishes the app through a public tunnel; anyone with the link can use it",
              file=sys.stderr)
    try:
        serve(settings, share=args.share)
    except (IndexUnavailable, AccessError) as exc:
        return _fail(str(exc))
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    import getpass

    from ui.access import hash_password

    password = sys.stdin.readline().rstrip("\n") if args.stdin else getpass.getpass("Password: ")
    if not password:
        return _fail("empty password")
    print(hash_password(password))
    return 0


def cmd_eval_run(args: argparse.Namespace) -> int:
    from eval.check_set import load_set
    from eval.runner import Gate, run_set

    assistant, error = _open_assistant(args)
    if error:
        return _fail(error)
    try:
        load_set(args.set)
    except (OSError, ValueError) as exc:
        return _fail(str(exc))
    out = args.out or Path("eval/runs") / f"{args.set.stem}-{time.strftime('%Y%m%d-%H%M%S')}"
    summary = run_set(assistant, args.set, out, k=args.k, workers=args.workers,
                      retrieval_only=args.retrieval_only, progress=not args.quiet, mode=assistant.settings.mode)
    from eval.metrics import HEADLINE

    for name in HEADLINE:
        if summary.get(name) is not None:
            print(f"{name:<28}{summary[name]}")
    print(f"results in {out}/ (results.jsonl, summary.json, report.md, report.html)")
    failures = Gate(args.min_accuracy, args.min_citation_support).failures(summary)
    for failure in failures:
        print(f"GATE FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def cmd_eval_compare(args: argparse.Namespace) -> int:
    from eval.compare import compare_runs

    try:
        print(compare_runs(args.run_a, args.run_b))
    except (OSError, KeyError, ValueError) as exc:
        return _fail(f"cannot compare: {exc}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ateb", description="Cited answers from government documents, offline.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--index", type=Path, help="index directory (default var/index, or ATEB_INDEX_DIR)")

    p = sub.add_parser("build", help="index a corpus folder (incremental, atomic)")
    common(p)
    p.add_argument("--corpus", type=Path, help="documents folder (default corpus/, or ATEB_CORPUS_DIR)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("ask", help="answer a question with citations")
    common(p)
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true", help="one JSON object (the DESIGN.md contract)")
    p.add_argument("--batch", metavar="FILE", help="questions one a line, or JSONL with 'question' ('-' = stdin); implies --json")
    p.add_argument("-k", type=int, default=None, help="chunks listed in 'retrieved' (default 10)")
    p.add_argument("--history", type=Path, help="earlier turns (JSON list or JSONL of {'question': ...}), oldest first")
    p.add_argument("--doc-type", help="only documents of this type (e.g. 'government response')")
    p.add_argument("--publisher", help="only documents whose publisher contains this")
    p.add_argument("--document", help="only this document (doc_id or file name)")
    p.add_argument("--date-from", help="only documents dated on or after (YYYY[-MM[-DD]])")
    p.add_argument("--date-to", help="only documents dated on or before (YYYY[-MM[-DD]])")
    p.add_argument("--mode", choices=("extractive", "generative"),
                   help="extractive (default, or ATEB_MODE) quotes the documents; generative has a language model write, "
                        "then keeps only sentences a passage supports (model: ATEB_LLM_*)")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("docs", help="list what is indexed")
    common(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--verify", action="store_true",
                   help="hash every index file against the build's checksums (opening checks sizes and times only)")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("commitments", help="what each government response says, recommendation by recommendation")
    common(p)
    p.add_argument("--doc", help="only this response (doc_id, file name, or part of the doc_id)")
    p.add_argument("--status", help="accepted, accepted_in_part, accepted_in_principle, not_accepted, noted, unclear, no_response")
    p.add_argument("--due-by", help="only records with a commitment due by this date (YYYY[-MM[-DD]])")
    p.add_argument("--format", choices=("table", "json", "csv", "xlsx", "md"), default="table")
    p.add_argument("--out", type=Path, help="write to this file (xlsx default: commitments.xlsx)")
    p.set_defaults(func=cmd_commitments)

    p = sub.add_parser("ui", aliases=["serve"], help="start the web app (Chat, Commitments, Documents) on 127.0.0.1")
    p.add_argument("--index", type=Path, help="index directory (default var/index, or ATEB_INDEX_DIR)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1, or ATEB_HOST)")
    p.add_argument("--port", type=int, help="port (default 7860, or ATEB_PORT)")
    p.add_argument("--share", action="store_true", help="also publish through Gradio's public share link (off by default)")
    p.add_argument("--users", type=Path, help="JSON users file with hashed passwords and roles; login required when set")
    p.add_argument("--data-dir", type=Path, help="where feedback and exports go (default var/)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("hash-password", help="print the hash of a password, for a users file or ATEB_UI_USERS")
    p.add_argument("--stdin", action="store_true", help="read the password from stdin instead of prompting")
    p.set_defaults(func=cmd_hash_password)

    ev = sub.add_parser("eval", help="run a known-answer question set, compare runs").add_subparsers(dest="eval_command", required=True)
    p = ev.add_parser("run", help="answer every question of a set and score it")
    common(p)
    p.add_argument("--set", type=Path, required=True, help="question set (.jsonl)")
    p.add_argument("--out", type=Path, help="run folder (default eval/runs/<set>-<time>)")
    p.add_argument("-k", type=int, default=None, help="chunks retrieved per question (default 10)")
    p.add_argument("--workers", type=int, default=1, help="questions answered in parallel")
    p.add_argument("--retrieval-only", action="store_true", help="skip answer composition; score retrieval")
    p.add_argument("--mode", choices=("extractive", "generative"),
                   help="extractive (default, or ATEB_MODE) quotes the documents; generative has a language model write, "
                        "then keeps only sentences a passage supports (model: ATEB_LLM_*)")
    p.add_argument("--min-accuracy", type=float, help="exit 1 when accuracy is below this")
    p.add_argument("--min-citation-support", type=float, help="exit 1 when citation support is below this")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_eval_run)
    p = ev.add_parser("compare", help="metric deltas and flipped questions between two runs")
    p.add_argument("run_a", type=Path)
    p.add_argument("run_b", type=Path)
    p.set_defaults(func=cmd_eval_compare)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
