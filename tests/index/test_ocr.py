"""A scanned PDF (a page that is only an image) is read by Tesseract when installed, its
chunks marked as OCR text; without Tesseract it is reported as needing OCR."""
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant import Assistant
from index import DocumentError, build_index
from index.load_pdf import load_pdf

LINES = ["Harbour dues notice", "", "Harbour dues rise to 42 pounds per", "tonne from the first of May."]


def _scan(path):
    page = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=48)
    for i, line in enumerate(LINES):
        draw.text((150, 200 + 90 * i), line, fill=0, font=font)
    page.save(path, "PDF", resolution=200)
    return path


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract (.ci/run installs it)")
def test_scanned_pages_are_read_and_marked(tmp_path, embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _scan(corpus / "dues-scan.pdf")
    lines, pages, info = load_pdf(corpus / "dues-scan.pdf")
    assert pages == 1 and info["ocr_pages"] == ["1"] and all(line.ocr for line in lines)
    assert "tonne" in " ".join(line.text for line in lines)
    build_index(corpus, tmp_path / "index", embedder=embedder)
    assistant = Assistant.open(tmp_path / "index", embedder=embedder)
    answer = assistant.ask("How much are harbour dues per tonne?")
    assert "42" in answer.answer
    assert assistant.passage(answer.citations[0].chunk_id)["text"]
    assert assistant.store.node_by_id(answer.citations[0].chunk_id).metadata["ocr"] is True


def test_without_tesseract_a_scan_is_reported_as_needing_ocr(tmp_path, monkeypatch):
    import index.load_pdf

    monkeypatch.setattr(index.load_pdf, "ocr_available", lambda: False)
    with pytest.raises(DocumentError, match="needs OCR"):
        load_pdf(_scan(tmp_path / "scan.pdf"))
