"""What a file is, judged by its bytes rather than its name: a PDF, HTML, or text in
UTF-8, UTF-16 (with its byte-order mark) or Windows-1252; None for anything else."""
from __future__ import annotations

import re

_HTML_TAG = re.compile(r"<(?:head|body|main|div|p|section|article|table|h[1-6]|ul|span)\b[^>]*>")


def content_type(data: bytes) -> str | None:
    """'.pdf', '.html' or '.txt'; None for bytes that are none of these."""
    if data.lstrip()[:5] == b"%PDF-":
        return ".pdf"
    text = decoded_head(data[:4096])
    if text is None or "\x00" in text:
        return None
    lowered = text.lstrip().lower()
    # A page, or a fragment of one (GOV.UK publications start at <main>).
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024] or (
            lowered.startswith("<") and _HTML_TAG.search(lowered)):
        return ".html"
    if not text.strip():
        return ".txt"  # blank text is still text; the loader reports it as empty
    printable = sum(ch.isprintable() or ch in "\n\r\t\f" for ch in text)
    return ".txt" if printable / len(text) > 0.97 else None


def decoded_head(head: bytes) -> str | None:
    """The start of a UTF-8, Windows-1252 or (with its byte-order mark) UTF-16 text."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head[: len(head) // 2 * 2].decode("utf-16")
        except UnicodeDecodeError:
            return None
    for cut in range(4):  # a 4 KB cut may split one character
        try:
            return head[: len(head) - cut].decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes) -> str:
    """A whole text file: UTF-16 by its byte-order mark, else UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
