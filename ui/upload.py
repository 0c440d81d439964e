"""Adding a document from the browser: the bytes decide the type (never the name), the
size is capped, and the file is stored under a generated name in the corpus's `uploads/`
folder, where the next incremental build finds it."""
from __future__ import annotations

import secrets
from pathlib import Path

from index.content_type import content_type

MAX_BYTES = 25 * 1024 * 1024
UPLOADS = "uploads"


class UploadRejected(ValueError):
    """An upload refused, with a reason to show the user."""


def sniff_type(data: bytes) -> str:
    """'.pdf', '.html' or '.txt' from the content; UploadRejected for anything else."""
    found = content_type(data)
    if found is None:
        raise UploadRejected("not a PDF, HTML or text file (judged by its content, not its name)")
    return found


def store_upload(data: bytes, corpus_dir: Path, max_bytes: int = MAX_BYTES) -> Path:
    """Write an accepted upload under a generated name; the user's file name is never a path."""
    if not data:
        raise UploadRejected("the file is empty")
    if len(data) > max_bytes:
        raise UploadRejected(f"the file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB")
    suffix = sniff_type(data)
    if suffix == ".txt" and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16").encode("utf-8")  # the text loader reads UTF-8 (or Windows-1252)
    folder = Path(corpus_dir) / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"upload-{secrets.token_hex(8)}{suffix}"
    partial = target.with_name(f".{target.name}.part")  # hidden from a build until complete
    partial.write_bytes(data)
    partial.replace(target)
    return target
