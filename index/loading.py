"""Find documents in a corpus folder, load each by type, attach manifest metadata."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from index.content_type import content_type
from index.documents import DocumentError, LoadedDocument, content_hash, doc_id_for
from index.load_html import load_html
from index.load_pdf import load_pdf
from index.load_text import load_text

LOADERS = {
    ".pdf": load_pdf,
    ".html": load_html,
    ".htm": load_html,
    ".txt": load_text,
    ".md": load_text,
    ".markdown": load_text,
}
# What each name's content should be ('.md' is text): a file is read by its content
# only when that disagrees.
_FAMILY = {".pdf": ".pdf", ".html": ".html", ".htm": ".html", ".txt": ".txt", ".md": ".txt", ".markdown": ".txt"}
MANIFEST_NAME = "manifest.json"
_MANIFEST_FIELDS = ("title", "publisher", "date", "doc_type", "reference", "responds_to", "licence")


def read_manifest(corpus_dir: Path) -> dict[str, dict]:
    """Manifest entries keyed by file name. A broken manifest is an error naming the field."""
    path = corpus_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DocumentError(path, f"manifest is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    entries = data.get("documents") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise DocumentError(path, "manifest needs a 'documents' list")
    out: dict[str, dict] = {}
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise DocumentError(path, f"documents[{n}] needs a string 'file' field")
        out[entry["file"]] = entry
    return out


def _visible_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        raise DocumentError(corpus_dir, "corpus folder does not exist")
    return sorted(
        p for p in corpus_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Loadable files under corpus_dir, sorted, skipping hidden files and the manifest."""
    return [p for p in _visible_files(corpus_dir) if p.suffix.lower() in LOADERS]


def unsupported_files(corpus_dir: Path) -> list[Path]:
    """Files a user put in the corpus that Ateb cannot read (a .docx, a .xlsx): reported,
    never silently ignored."""
    return [p for p in _visible_files(corpus_dir) if p.suffix.lower() not in LOADERS and p.name != MANIFEST_NAME]


def _infer_metadata(file_name: str, lines_text: list[str], info: dict) -> dict:
    title = info.get("title") or next((t for t in lines_text if len(t) > 3), file_name)
    lowered = (file_name + " " + " ".join(lines_text[:40])).lower()
    if "response" in lowered and ("recommendation" in lowered or "committee" in lowered):
        doc_type = "government response"
    elif "committee" in lowered and "report" in lowered:
        doc_type = "committee report"
    elif "guidance" in lowered or "prospectus" in lowered:
        doc_type = "guidance"
    else:
        doc_type = "document"
    date = re.search(r"\b(19|20)\d{2}\b", file_name)
    return {"title": title[:200], "doc_type": doc_type, "date": date.group(0) if date else None}


def load_document(path: Path, corpus_dir: Path, manifest: dict[str, dict]) -> LoadedDocument:
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise DocumentError(path, f"unsupported file type '{path.suffix}'")
    rel = path.relative_to(corpus_dir).as_posix()
    data = path.read_bytes()
    if not data:
        raise DocumentError(path, "file is empty (0 bytes)")
    # The content decides how a file is read where the name clearly lies: a PDF saved as
    # .txt is read as a PDF, not indexed as binary noise; text or HTML named .pdf is read
    # as what it is. (HTML with an unusual start stays HTML.)
    found = content_type(data)
    named = _FAMILY[path.suffix.lower()]
    if found is not None and found != named and (found == ".pdf" or named == ".pdf"):
        loader = LOADERS[found]
    elif found is None and path.suffix.lower() != ".pdf":
        raise DocumentError(path, f"its content is not text ({path.suffix} file of unreadable bytes)")
    lines, page_count, info = loader(path)
    entry = manifest.get(rel) or manifest.get(path.name)
    if entry:
        metadata = {k: entry[k] for k in _MANIFEST_FIELDS if entry.get(k) is not None}
        metadata["metadata_inferred"] = False
    else:
        metadata = _infer_metadata(path.name, [l.text for l in lines if l.text], info)
        metadata["metadata_inferred"] = True
    if info.get("page_source"):
        metadata["page_source"] = info["page_source"]
    if info.get("ocr_pages"):
        metadata["ocr_pages"] = info["ocr_pages"]
    return LoadedDocument(
        doc_id=doc_id_for(rel), file=rel, content_hash=content_hash(data),
        lines=lines, page_count=page_count, metadata=metadata,
    )


def iter_documents(corpus_dir: Path) -> Iterator[LoadedDocument | DocumentError]:
    """Each document loaded, or the error that names why it could not be; one bad file
    never stops the rest."""
    manifest = read_manifest(corpus_dir)
    for path in corpus_files(corpus_dir):
        try:
            yield load_document(path, corpus_dir, manifest)
        except DocumentError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - a loader bug must not lose the other documents
            yield DocumentError(path, f"failed to load ({type(exc).__name__}: {exc})")
