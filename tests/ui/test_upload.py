"""Uploads are typed by their bytes and stored under generated names."""
import pytest

from ui.upload import UploadRejected, sniff_type, store_upload


@pytest.mark.parametrize("data,suffix", [
    (b"%PDF-1.7\n...", ".pdf"),
    (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", ".html"),
    (b"  <html lang='cy'><p>Helo</p></html>", ".html"),
    ("Plain notes about £5m and naïve cafés.\n".encode(), ".txt"),
    ("Windows text: £5m\n".encode("cp1252"), ".txt"),
    ("UTF-16 text\n".encode("utf-16"), ".txt"),
])
def test_type_is_read_from_content(data, suffix):
    assert sniff_type(data) == suffix


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"PK\x03\x04" + bytes(100), b"\x89PNG\r\n\x1a\n" + bytes(64)])
def test_binary_that_is_not_a_document_is_rejected(data):
    with pytest.raises(UploadRejected, match="not a PDF, HTML or text file"):
        sniff_type(data)


def test_stored_under_a_generated_name_inside_uploads(tmp_path):
    stored = store_upload(b"Notes\n", tmp_path)
    assert stored.parent == tmp_path / "uploads" and stored.name.startswith("upload-") and stored.suffix == ".txt"
    utf16 = store_upload("Nodiadau £\n".encode("utf-16"), tmp_path)
    assert utf16.read_text(encoding="utf-8") == "Nodiadau £\n"  # stored as UTF-8 for the text loader
    with pytest.raises(UploadRejected, match="limit is"):
        store_upload(b"x" * 2000, tmp_path, max_bytes=1000)
    with pytest.raises(UploadRejected, match="empty"):
        store_upload(b"", tmp_path)
    assert sorted(p.name for p in (tmp_path / "uploads").iterdir()) == sorted([stored.name, utf16.name])
