"""Text for scanned PDF pages (no text layer): each page is rendered by pdfium, which the
pypdfium2 wheel ships, and read by Tesseract when it is installed (Debian's tesseract-ocr
and tesseract-ocr-eng). Without Tesseract such pages are reported as needing OCR."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

DPI = 300
PAGE_SECONDS = 60  # a page Tesseract cannot read in a minute is left unread, not waited on


def ocr_available() -> bool:
    return shutil.which("tesseract") is not None


def ocr_pages(path: Path, numbers: list[int], language: str = "eng") -> dict[int, str]:
    """Page index -> the text Tesseract reads on it (pages it cannot read are left out)."""
    import pypdfium2

    out: dict[int, str] = {}
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for number in numbers:
                image = Path(tmp) / f"page-{number}.png"
                pdf[number].render(scale=DPI / 72, grayscale=True).to_pil().save(image)
                try:
                    run = subprocess.run(["tesseract", str(image), "stdout", "-l", language],
                                         capture_output=True, text=True, timeout=PAGE_SECONDS)
                except subprocess.TimeoutExpired:
                    continue
                if run.returncode == 0 and run.stdout.strip():
                    out[number] = run.stdout
    finally:
        pdf.close()
    return out
