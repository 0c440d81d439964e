"""A tiny PDF writer for test fixtures: real text pages (Helvetica), then pypdf adds
page labels, so the loader is exercised on a genuine PDF file."""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _line_ops(lines: list[str]) -> list[str]:
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        ops.append(f"({_escape(line)}) Tj T*")
    ops.append("ET")
    return ops


def _placed_ops(items: list[tuple]) -> list[str]:
    """Each item, (x, y, text) or (x, y, text, "bold"), drawn where it says, in the order
    given (the content stream's order, which need not be the reading order)."""
    return [op for x, y, text, *face in items
            for op in ("BT", f"/F{2 if face else 1} 9 Tf", f"{x} {y} Td", f"({_escape(text)}) Tj", "ET")]


def _raw_pdf(pages: list[list[str]], placed: bool = False, size: tuple[int, int] = (612, 792), rotate: int = 0) -> bytes:
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 bold font, then (page, content) pairs.
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    turned = f" /Rotate {rotate}" if rotate else ""
    for i, lines in enumerate(pages):
        ops = _placed_ops(lines) if placed else _line_ops(lines)
        stream = "\n".join(ops).encode("cp1252")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}]{turned} "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {6 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def write_pdf(path: Path, pages: list[list[str]], labels: list[tuple[int, int, str, str, int]] | None = None) -> Path:
    """Write `pages` (lines of text each) to `path`. `labels` are pypdf page-label ranges:
    (first index, last index, style e.g. '/r' or '/D', prefix, start)."""
    reader = PdfReader(BytesIO(_raw_pdf(pages)))
    writer = PdfWriter(clone_from=reader)
    for first, last, style, prefix, start in labels or []:
        writer.set_page_label(first, last, style=style, prefix=prefix or None, start=start)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def write_placed_pdf(path: Path, pages: list[list[tuple]], size: tuple[int, int] = (842, 595), rotate: int = 0) -> Path:
    """Write pages of (x, y, text) or (x, y, text, "bold") items, e.g. a table whose cells
    sit beside its rows; `rotate` turns every page (90: a table set sideways)."""
    path.write_bytes(_raw_pdf(pages, placed=True, size=size, rotate=rotate))
    return path
