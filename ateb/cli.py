"""The `ateb` command: build, ask, docs.

Stages are imported inside each command so `ateb --help` is instant and a command
loads only what it needs.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from ateb.settings import Settings, load_settings

CONTRACT_KEYS = ("question", "answer", "abstained", "citations", "retrieved", "timings_ms")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        corpus_dir=getattr(args, "corpus", None),
        index_dir=getattr(args, "index", None),
    )


def _fail(message: str, code: int = 2) -> int:
    print(f"ateb: {message}", file=sys.stderr)
    return code


def cmd_build(args: argparse.Namespace) -> int:
    from index import DocumentError, build_index

    settings = _settings(args)
    print(f"Indexing {settings.corpus_dir} into {settings.index_dir}", file=sys.stderr)
    try:
        report = build_index(
            settings.corpus_dir, settings.index_dir, settings.chunk_tokens,
            settings.chunk_overlap_tokens, progress=not args.quiet,
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
    return 0


def _filters(args: argparse.Namespace):
    from assistant import Filters

    return Filters(
        doc_type=args.doc_type, publisher=args.publisher, document=args.document,
        date_from=args.date_from, date_to=args.date_to,
    )


def _open_assistant(args: argparse.Namespace):
    from assistant import Assistant
    from index import IndexUnavailable

    try:
        return Assistant.open(settings=_settings(args)), None
    except IndexUnavailable as exc:
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


def cmd_ask(args: argparse.Namespace) -> int:
    assistant, error = _open_assistant(args)
    if error:
        return _fail(error)
    filters = _filters(args)
    if args.batch:
        stream = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8")
        with stream:
            for item, problem in _batch_items(stream):
                extra = {k: v for k, v in item.items() if k not in CONTRACT_KEYS}
                if problem:
                    print(f"ateb: {problem}", file=sys.stderr)
                    out = {"question": item.get("question", ""), "answer": "", "abstained": True,
                           "citations": [], "retrieved": [], "error": problem}
                else:
                    out = assistant.ask(item["question"], k=args.k, filters=filters).model_dump()
                print(json.dumps({**extra, **out}, ensure_ascii=False), flush=True)
        return 0
    question = " ".join(args.question).strip()
    if not question:
        return _fail("ask needs a question (or --batch FILE)")
    answer = assistant.ask(question, k=args.k, filters=filters)
    print(json.dumps(answer.model_dump(), ensure_ascii=False) if args.json else _render(answer))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from index import IndexUnavailable, StoredIndex

    settings = _settings(args)
    try:
        store = StoredIndex.open(settings.index_dir)
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
    p.add_argument("--doc-type", help="only documents of this type (e.g. 'government response')")
    p.add_argument("--publisher", help="only documents whose publisher contains this")
    p.add_argument("--document", help="only this document (doc_id or file name)")
    p.add_argument("--date-from", help="only documents dated on or after (YYYY[-MM[-DD]])")
    p.add_argument("--date-to", help="only documents dated on or before (YYYY[-MM[-DD]])")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("docs", help="list what is indexed")
    common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs)
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
