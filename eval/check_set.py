"""Check a question set against its documents: every `answers` and `evidence` string
must occur (after normalisation) in the document's text as Ateb extracts it.

    python -m eval.check_set eval/sets/bundled.jsonl --corpus corpus
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

from eval.scoring import normalise
from index.loading import load_document, read_manifest
from index.structure import parse_document

REQUIRED = ("id", "question", "answers", "evidence", "answerable")
# An answer is scored right when an alias occurs anywhere in it: "No" occurs in "not",
# "now" and "Northern", so a yes/no word scores almost any answer right.
_MATCHES_ANYTHING = {"no", "yes", "not"}


def load_set(path: Path) -> list[dict]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        missing = [f for f in ("id", "question") if f not in item]
        if missing:
            raise ValueError(f"{path}:{number}: missing field(s) {', '.join(missing)}")
        items.append(item)
    return items


def problems(items: list[dict], corpus: Path) -> list[str]:
    manifest = read_manifest(corpus)

    @lru_cache(maxsize=None)
    def text_of(file: str) -> str:
        # The text as chunks hold it: paragraphs after structure parsing (lines of a
        # paragraph joined, compounds split over lines re-joined), with section titles.
        doc = load_document(corpus / file, corpus, manifest)
        parts = []
        for section in parse_document(doc):
            parts.append(section.path_text)
            parts.extend(p.text for p in section.paragraphs)
        return normalise("\n".join(parts))

    files = sorted(p.name for p in corpus.iterdir() if p.suffix in {".pdf", ".html", ".htm", ".txt", ".md"})
    found: list[str] = []
    ids = [i["id"] for i in items]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        found.append(f"{dup}: id used more than once")
    for item in items:
        where = item["id"]
        for field in REQUIRED:
            if field not in item:
                found.append(f"{where}: missing field '{field}'")
        if not item.get("answerable", True):
            continue
        if not item.get("answers") or not item.get("evidence"):
            found.append(f"{where}: an answerable question needs answers and evidence")
            continue
        for alias in item["answers"]:
            if normalise(alias) in _MATCHES_ANYTHING:
                found.append(f"{where}: answers alias {alias!r} occurs in almost any answer; give the phrase that says it")
        targets = [item["doc"]] if item.get("doc") else files
        texts = [text_of(f) for f in targets]
        for field in ("answers", "evidence"):
            for value in item.get(field, []):
                if not any(normalise(value) in t for t in texts):
                    found.append(f"{where}: {field} string not in {item.get('doc') or 'any document'}: {value!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("set", type=Path)
    parser.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args(argv)
    items = load_set(args.set)
    found = problems(items, args.corpus)
    for line in found:
        print(line)
    print(f"{len(items)} questions, {sum(1 for i in items if not i.get('answerable', True))} unanswerable, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
