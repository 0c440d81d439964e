"""One folder of bad documents, made here: every good one is indexed, every bad one is
reported with its file name and a plain reason, and nothing hangs."""
import zlib

import pypdf
import pytest
from pdf_writer import write_pdf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from assistant import Assistant
from index import build_index

WORDS = ("harbour", "tonnage", "pilotage", "berth", "quay", "ferry", "slipway", "mooring", "dredging", "buoy")


def _encrypted(path, source, password):
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)


def _bomb(path):
    """A page whose content stream inflates from ~100 KB to 200 MB."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = StreamObject()
    stream.set_data(zlib.compress(b" " * 200_000_000, 9))
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as fh:
        writer.write(fh)


def _loop(path):
    """A well-formed PDF whose page tree lists itself among its own pages."""
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    pages = writer._root_object["/Pages"]
    pages["/Kids"].append(pages.indirect_reference)
    with open(path, "wb") as fh:
        writer.write(fh)


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("bad") / "corpus"
    corpus.mkdir()
    notice = "Harbour notice\n\nThe Aberport harbour master is Ms Eira Jones, appointed in May 2024.\n"
    (corpus / "a-notice.txt").write_text(notice)
    (corpus / "z-notice-copy.txt").write_text(notice)  # the same document under another name
    good_pdf = write_pdf(corpus / "fees.pdf", [["Port fees", "", "Pilotage costs £240 per vessel from April 2025."]])
    data = good_pdf.read_bytes()
    (corpus / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (corpus / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    _encrypted(corpus / "encrypted.pdf", good_pdf, "secret")
    _encrypted(corpus / "encrypted-empty-password.pdf", write_pdf(corpus.parent / "moorings.pdf", [[
        "Moorings", "", "Mooring permits are renewed every January by the harbour office."]]), "")
    writer = PdfWriter()
    writer.add_blank_page(612, 792)  # a scan: a page with no text layer
    with open(corpus / "scanned.pdf", "wb") as fh:
        writer.write(fh)
    (corpus / "zero.pdf").write_bytes(b"")
    (corpus / "zero.txt").write_bytes(b"")
    _bomb(corpus / "bomb.pdf")
    _loop(corpus / "loop.pdf")
    (corpus / "script.html").write_text(
        "<html><head><script>document.title='pwned'</script></head><body><h1>Slipway rules"
        "<p>The slipway closes at dusk.<p>Unclosed <b>bold <i>markup</body>")
    (corpus / "windows.txt").write_bytes("Buoy notice\n\nBuoy hire costs £35 a week.\n".encode("cp1252"))
    (corpus / "unicode16.txt").write_bytes("Quay notice\n\nQuay 3 is closed for dredging until Friday.\n".encode("utf-16"))
    write_pdf(corpus / "lies.txt", [["Ferry notice", "", "The Aberport ferry sails every Tuesday at 9am."]])  # a PDF
    write_pdf(corpus / "long.pdf", [
        ["Long report", f"Part {i}", f"{WORDS[i % 10]} {WORDS[(i * 3) % 10]} {WORDS[(i * 7) % 10]} review {i}.",
         f"Item {i} covers {WORDS[(i + 1) % 10]} and {WORDS[(i + 5) % 10]}.", "", f"{i + 1}"]
        for i in range(2000)])
    return corpus


@pytest.fixture(scope="module")
def bad_build(bad_corpus, tmp_path_factory, embedder):
    index_dir = tmp_path_factory.mktemp("bad-index") / "index"
    return build_index(bad_corpus, index_dir, embedder=embedder), index_dir


def test_each_bad_document_is_reported_with_a_plain_reason(bad_build):
    report, _ = bad_build
    skipped = dict(report.skipped)
    assert "encrypted" in skipped["encrypted.pdf"]
    assert "needs OCR" in skipped["scanned.pdf"] or "no extractable text" in skipped["scanned.pdf"]
    assert "empty" in skipped["zero.pdf"] and "empty" in skipped["zero.txt"]
    assert skipped["z-notice-copy.txt"] == "duplicate of a-notice.txt (same content)"
    assert "cyclic page references" in skipped["loop.pdf"]
    assert skipped["corrupt.pdf"].startswith("not a readable PDF")
    assert "bomb.pdf" in skipped  # 200 MB of inflated nothing: no text, and no memory blow-up
    assert skipped["truncated.pdf"].startswith("not a readable PDF")


def test_every_good_document_is_indexed_and_answers(bad_build, embedder):
    report, index_dir = bad_build
    assistant = Assistant.open(index_dir, embedder=embedder)
    files = {d["file"]: d for d in assistant.documents()}
    assert {"a-notice.txt", "fees.pdf", "encrypted-empty-password.pdf", "script.html", "windows.txt",
            "unicode16.txt", "lies.txt", "long.pdf"} <= set(files)
    assert files["long.pdf"]["pages"] == 2000
    assert "£35" in assistant.ask("How much does buoy hire cost?").answer
    assert "dredging" in assistant.ask("Why is quay 3 closed?").answer
    assert "Tuesday" in assistant.ask("When does the Aberport ferry sail?").answer
    assert "January" in assistant.ask("When are mooring permits renewed?").answer
    slipway = assistant.ask("What are the slipway rules?")
    assert "dusk" in slipway.answer and "pwned" not in " ".join(r.text for r in slipway.retrieved)


def test_pypdf_is_a_release_with_the_known_parsing_cves_fixed():
    # CVE-2026-59935..59938 (crafted inline images, fixed in 6.14.2) and earlier DoS fixes.
    version = tuple(int(p) for p in pypdf.__version__.split(".")[:3])
    assert version >= (6, 14, 2), pypdf.__version__


def test_a_document_that_hangs_or_balloons_is_skipped_not_waited_on(tmp_path, embedder, monkeypatch):
    """Each document is read in a child process with a time and a memory limit."""
    import time

    import index.loading

    real = index.loading.LOADERS[".txt"]

    def hangs(path):
        time.sleep(60)
        return real(path)

    def balloons(path):
        hog = bytearray(400 * 1024 * 1024)  # written, so it is really held
        time.sleep(10)
        return real(path) if hog else None

    monkeypatch.setitem(index.loading.LOADERS, ".md", hangs)
    monkeypatch.setitem(index.loading.LOADERS, ".markdown", balloons)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Quay notice\n\nThe quay opens at dawn every day.\n")
    (corpus / "hangs.md").write_text("# Slow\n\nThis one never finishes.\n")
    (corpus / "balloons.markdown").write_text("# Greedy\n\nThis one eats memory.\n")
    started = time.monotonic()
    report = build_index(corpus, tmp_path / "index", embedder=embedder, document_seconds=4, document_memory_mb=200)
    assert time.monotonic() - started < 30
    skipped = dict(report.skipped)
    assert skipped["hangs.md"] == "took longer than 4 s to read; skipped"
    assert skipped["balloons.markdown"] == "needed more than 200 MB of memory to read; skipped"
    assert report.documents == 1
